import MailIcon from '@mui/icons-material/Mail';
import Chip from '@mui/material/Chip';
import {
  Datagrid,
  FunctionField,
  List,
  ReferenceField,
  SelectInput,
  Show,
  SimpleShowLayout,
  TextField,
  TopToolbar,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { choices } from '../common/choices';
import { DateTimeField, EnumField } from '../common/fields';
import type { Message } from '../types';
import { DownloadMessageButton, TriageButtons } from './MessageActions';
import { MessageText } from './MessageText';

/** The mail screen's filters; the triage inbox is this list filtered on status "triage", bounces on classification. */
const messageFilters = [
  <SelectInput key="direction" source="direction" choices={choices('messageDirection')} alwaysOn sx={{ minWidth: 140 }} />,
  <SelectInput key="status" source="status" choices={choices('messageStatus')} alwaysOn sx={{ minWidth: 140 }} />,
  <SelectInput key="classification" source="classification" choices={choices('messageClassification')} alwaysOn sx={{ minWidth: 180 }} />,
];

/** DKIM at receipt: pass, fail, or no signature. */
export function DkimChip() {
  const record = useRecordContext<Message>();
  const translate = useTranslate();
  if (!record || record.direction === 'out') return null;
  const color = record.dkim === 'pass' ? 'success' : record.dkim === 'fail' ? 'error' : 'default';
  return (
    <Chip
      size="small"
      variant="outlined"
      color={color}
      data-testid="dkim"
      label={translate(`app.mail.dkim.${record.dkim}`, { domain: record.dkimDomain ?? '' })}
    />
  );
}

function MessageList() {
  return (
    <List filters={messageFilters} sort={{ field: 'id', order: 'DESC' }} exporter={false}>
      <Datagrid rowClick="show" bulkActionButtons={false} data-testid="message-list">
        <DateTimeField source="receivedAt" emptyText="app.mail.prepared" />
        <EnumField source="direction" enumName="messageDirection" sortable={false} />
        <TextField source="from" emptyText="—" sortable={false} />
        <TextField source="subject" emptyText="—" />
        <EnumField source="classification" enumName="messageClassification" sortable={false} />
        <EnumField source="status" enumName="messageStatus" sortable={false} />
        <ReferenceField source="requestId" reference="requests" emptyText="—" sortable={false} link="show" />
      </Datagrid>
    </List>
  );
}

function MessageShowActions() {
  return (
    <TopToolbar>
      <TriageButtons />
      <DownloadMessageButton />
    </TopToolbar>
  );
}

function MessageShow() {
  const translate = useTranslate();
  return (
    <Show actions={<MessageShowActions />}>
      <SimpleShowLayout>
        <TextField source="subject" emptyText="—" />
        <EnumField source="classification" enumName="messageClassification" />
        <EnumField source="status" enumName="messageStatus" />
        <FunctionField label="app.mail.dkim_label" render={() => <DkimChip />} />
        <TextField source="from" emptyText="—" />
        <TextField source="to" emptyText="—" />
        <DateTimeField source="receivedAt" emptyText="app.mail.prepared" />
        <DateTimeField source="claimedDate" emptyText="—" />
        <ReferenceField source="requestId" reference="requests" emptyText="—" link="show" />
        <TextField source="bounceReason" emptyText="—" />
        <TextField source="note" emptyText="—" />
        <TextField source="sha256" sx={{ fontFamily: 'monospace', fontSize: 12, overflowWrap: 'anywhere' }} />
        <FunctionField source="size" render={(m: Message) => translate('app.mail.size', { bytes: m.size.toLocaleString() })} />
        <FunctionField label="resources.messages.fields.text" render={(m: Message) => <MessageText text={m.text} />} />
      </SimpleShowLayout>
    </Show>
  );
}

export default {
  list: MessageList,
  show: MessageShow,
  icon: MailIcon,
  recordRepresentation: 'subject',
};

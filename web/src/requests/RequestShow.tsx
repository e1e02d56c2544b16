import Box from '@mui/material/Box';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import {
  ArrayField,
  Datagrid,
  DeleteButton,
  EditButton,
  ReferenceField,
  Show,
  SimpleShowLayout,
  TextField,
  TopToolbar,
  UrlField,
  useRecordContext,
  useResourceDefinition,
  useTranslate,
} from 'react-admin';
import { DateTimeField, EnumField, NotDeliveredChip, OverdueChip, StatusChip } from '../common/fields';
import { useCan } from '../common/hooks';
import type { PlatformRequest } from '../types';
import { DispatchButton, EvidenceButton } from '../messages/DispatchButton';
import { RecordEventButton } from './EventDialog';
import { MailThread } from './MailThread';
import { Timeline } from './Timeline';

function RequestShowActions() {
  const record = useRecordContext<PlatformRequest>();
  const { hasEdit } = useResourceDefinition();
  const mayWrite = useCan('requests:write');
  return (
    <TopToolbar sx={{ flexWrap: 'wrap', gap: 1 }}>
      <DispatchButton />
      <RecordEventButton side="platform" />
      <RecordEventButton side="regulator" />
      {hasEdit && <EditButton />}
      <EvidenceButton />
      {mayWrite && record?.status === 'draft' && <DeleteButton mutationMode="pessimistic" />}
    </TopToolbar>
  );
}

function Heading() {
  const record = useRecordContext<PlatformRequest>();
  if (!record) return null;
  return (
    <Stack direction="row" spacing={1} sx={{ px: 2, pt: 2, alignItems: 'center', flexWrap: 'wrap' }}>
      <Typography variant="h5" component="h1">
        {record.reference}
      </Typography>
      <StatusChip source="status" enumName="status" testId="request-status" />
      <OverdueChip />
      <NotDeliveredChip />
    </Stack>
  );
}

const grid = {
  p: 0,
  '& .RaSimpleShowLayout-stack': {
    display: 'grid',
    gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr', lg: 'repeat(3, 1fr)' },
    gap: 2,
  },
  '& .RaSimpleShowLayout-stack > *': { m: 0 },
} as const;

function ItemsCard() {
  const translate = useTranslate();
  const record = useRecordContext<PlatformRequest>();
  return (
    <Card variant="outlined" component="section" aria-labelledby="request-items-title">
      <CardContent>
        <Typography id="request-items-title" variant="h6" component="h2" gutterBottom>
          {translate('app.requests.content_items')}
        </Typography>
        {record && record.items.length === 0 ? (
          <Typography color="text.secondary">{translate('app.requests.no_items')}</Typography>
        ) : (
          <ArrayField source="items">
            <Datagrid
              bulkActionButtons={false}
              rowClick={false}
              data-testid="request-items"
              sx={{ '& .break-all': { overflowWrap: 'anywhere' }, '& td:first-of-type': { minWidth: 160 } }}
            >
              <UrlField
                source="url"
                label="resources.requests.fields.itemUrl"
                target="_blank"
                rel="noreferrer"
                className="break-all"
                emptyText="app.requests.url_hidden"
              />
              <TextField
                source="contentHash"
                label="resources.requests.fields.itemContentHash"
                emptyText="—"
                sx={{ overflowWrap: 'anywhere', fontFamily: 'monospace', fontSize: 12 }}
              />
              <EnumField source="state" enumName="itemState" label="resources.requests.fields.itemState" />
              <DateTimeField source="checkedAt" label="resources.requests.fields.itemCheckedAt" emptyText="—" />
            </Datagrid>
          </ArrayField>
        )}
      </CardContent>
    </Card>
  );
}

function TimelineCard() {
  const translate = useTranslate();
  return (
    <Card variant="outlined" component="section" aria-labelledby="request-timeline-title">
      <CardContent>
        <Typography id="request-timeline-title" variant="h6" component="h2" gutterBottom>
          {translate('app.requests.timeline')}
        </Typography>
        <Timeline />
      </CardContent>
    </Card>
  );
}

function MailCard() {
  const translate = useTranslate();
  return (
    <Card variant="outlined" component="section" aria-labelledby="request-mail-title">
      <CardContent>
        <Typography id="request-mail-title" variant="h6" component="h2" gutterBottom>
          {translate('app.mail.thread')}
        </Typography>
        <MailThread />
      </CardContent>
    </Card>
  );
}

export function RequestShow() {
  return (
    <Show actions={<RequestShowActions />}>
      <Heading />
      <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', lg: '2fr 1fr' }, gap: 2, p: 2, alignItems: 'start' }}>
        <Stack spacing={2} sx={{ minWidth: 0 }}>
          <SimpleShowLayout sx={grid}>
            <ReferenceField source="platformId" reference="platforms" />
            <ReferenceField source="agencyId" reference="agencies" />
            <TextField source="platformRef" emptyText="—" />
            <EnumField source="type" enumName="type" />
            <EnumField source="category" enumName="category" />
            <EnumField source="channel" enumName="channel" />
            <DateTimeField source="sentAt" emptyText="—" />
            <DateTimeField source="dueAt" emptyText="—" />
            <DateTimeField source="firstResponseAt" emptyText="—" />
            <EnumField source="outcome" enumName="outcome" emptyText="—" />
            <DateTimeField source="resolvedAt" emptyText="—" />
            <TextField source="notes" emptyText="—" sx={{ whiteSpace: 'pre-wrap' }} />
          </SimpleShowLayout>
          <ItemsCard />
          <MailCard />
        </Stack>
        <TimelineCard />
      </Box>
    </Show>
  );
}

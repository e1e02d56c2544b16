import HistoryIcon from '@mui/icons-material/History';
import VerifiedUserIcon from '@mui/icons-material/VerifiedUser';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import {
  Button,
  Datagrid,
  DateInput,
  FilterButton,
  List,
  ReferenceField,
  TextField,
  TextInput,
  TopToolbar,
  useDataProvider,
  useNotify,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { DateTimeField } from '../common/fields';
import { useCan, useIntlLocale } from '../common/hooks';
import type { TrackerDataProvider } from '../dataProvider';
import { chainMessage } from './chain';

interface AuditEntry {
  id: string;
  at: string;
  userId: number | null;
  action: string;
  entity: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  seq: string;
}

const auditFilters = [
  <TextInput key="entity" source="entity" alwaysOn />,
  <TextInput key="action" source="action" alwaysOn />,
  <DateInput key="at_gte" source="at_gte" />,
  <DateInput key="at_lt" source="at_lt" />,
];

/** The record before and after the change (the API has no single-entry route: the list carries both). */
function AuditDiff() {
  const record = useRecordContext<AuditEntry>();
  const translate = useTranslate();
  if (!record) return null;
  const block = (title: string, value: unknown) => (
    <Box sx={{ minWidth: 0 }}>
      <Typography variant="subtitle2" component="h3">
        {translate(title)}
      </Typography>
      <Box
        component="pre"
        tabIndex={0}
        sx={{ m: 0, p: 1, bgcolor: 'action.hover', borderRadius: 1, overflow: 'auto', maxHeight: 320, fontSize: 12 }}
      >
        {value === null || value === undefined ? '—' : JSON.stringify(value, null, 2)}
      </Box>
    </Box>
  );
  return (
    <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: '1fr 1fr' }, gap: 2 }}>
      {block('app.audit.record_before', record.before)}
      {block('app.audit.record_after', record.after)}
    </Box>
  );
}

/** Asks the server to recompute the hash chain and says in words whether the log was altered. */
function VerifyChainButton() {
  const notify = useNotify();
  const dataProvider = useDataProvider<TrackerDataProvider>();
  const locale = useIntlLocale();
  const mayVerify = useCan('audit:read');
  const [busy, setBusy] = useState(false);
  if (!mayVerify) return null;
  return (
    <Button
      label="app.audit.verify.button"
      disabled={busy}
      onClick={async () => {
        setBusy(true);
        try {
          const result = await dataProvider.verifyAuditChain();
          const { message, messageArgs } = chainMessage(result, locale);
          // An altered log stays on screen until dismissed.
          notify(message, {
            type: result.intact ? 'success' : 'error',
            messageArgs,
            multiLine: true,
            autoHideDuration: result.intact ? 8000 : null,
          });
        } catch {
          notify('app.audit.verify.failed', { type: 'error' });
        } finally {
          setBusy(false);
        }
      }}
    >
      <VerifiedUserIcon />
    </Button>
  );
}

function AuditListActions() {
  return (
    <TopToolbar>
      <FilterButton />
      <VerifyChainButton />
    </TopToolbar>
  );
}

function AuditList() {
  return (
    <List filters={auditFilters} actions={<AuditListActions />} sort={{ field: 'id', order: 'DESC' }} perPage={50} exporter={false}>
      <Datagrid bulkActionButtons={false} rowClick="expand" expand={<AuditDiff />}>
        <TextField source="seq" />
        <DateTimeField source="at" />
        <ReferenceField source="userId" reference="users" link="show" emptyText="—" />
        <TextField source="action" />
        <TextField source="entity" />
        <TextField source="entityId" emptyText="—" sortable={false} />
      </Datagrid>
    </List>
  );
}

/** Read-only: a list whose rows unfold to show the record before and after. */
export default {
  list: AuditList,
  icon: HistoryIcon,
  recordRepresentation: 'id',
};

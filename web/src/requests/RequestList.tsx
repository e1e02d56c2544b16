import UploadFileIcon from '@mui/icons-material/UploadFile';
import WarningAmberIcon from '@mui/icons-material/WarningAmber';
import Box from '@mui/material/Box';
import Stack from '@mui/material/Stack';
import type { Theme } from '@mui/material/styles';
import useMediaQuery from '@mui/material/useMediaQuery';
import {
  BooleanInput,
  BulkExportButton,
  Button,
  CreateButton,
  Datagrid,
  Empty,
  DateInput,
  ExportButton,
  type Exporter,
  FilterButton,
  LinkBase,
  List,
  ReferenceField,
  ReferenceInput,
  SearchInput,
  SelectInput,
  SimpleList,
  TextField,
  TopToolbar,
  downloadCSV,
  useRecordContext,
  useResourceDefinition,
  useTranslate,
} from 'react-admin';
import { type ColumnProps, DateTimeField, EnumField, NotDeliveredChip, OverdueChip, ShowLinkField, StatusChip } from '../common/fields';
import { useCan, useIntlLocale } from '../common/hooks';
import { IMPORT_ROUTE } from '../imports';
import { formatDateTime } from '../common/format';
import type { Agency, Platform, PlatformRequest } from '../types';
import { requestsToCsvRows, toCsv } from './exporter';
import { RequestPagination } from './RequestPagination';
import { choices } from '../common/choices';

const requestFilters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <ReferenceInput key="platformId" source="platformId" reference="platforms" alwaysOn sort={{ field: 'name', order: 'ASC' }}>
    <SelectInput optionText="name" sx={{ minWidth: 160 }} />
  </ReferenceInput>,
  <SelectInput key="status" source="status" choices={choices('status')} alwaysOn sx={{ minWidth: 160 }} />,
  <ReferenceInput key="agencyId" source="agencyId" reference="agencies" sort={{ field: 'name', order: 'ASC' }}>
    <SelectInput optionText="name" sx={{ minWidth: 200 }} />
  </ReferenceInput>,
  <SelectInput key="type" source="type" choices={choices('type')} sx={{ minWidth: 160 }} />,
  <SelectInput key="category" source="category" choices={choices('category')} sx={{ minWidth: 200 }} />,
  <SelectInput key="channel" source="channel" choices={choices('channel')} sx={{ minWidth: 160 }} />,
  <DateInput key="sentAt_gte" source="sentAt_gte" />,
  <DateInput key="sentAt_lt" source="sentAt_lt" />,
  <BooleanInput key="overdue" source="overdue" defaultValue />,
  <BooleanInput key="undelivered" source="undelivered" defaultValue />,
];

/** CSV in the import format of DOMAIN.md: one row per content item. */
export const requestsExporter: Exporter<PlatformRequest> = async (records, fetchRelatedRecords) => {
  const [platforms, agencies] = await Promise.all([
    fetchRelatedRecords<Platform>(records, 'platformId', 'platforms'),
    fetchRelatedRecords<Agency>(records, 'agencyId', 'agencies'),
  ]);
  downloadCSV(toCsv(requestsToCsvRows(records, platforms, agencies)), 'requests');
};

/** To the import screen, for the roles that may import (requests:write). */
function ImportButton({ variant }: { variant?: 'text' | 'outlined' }) {
  const mayImport = useCan('requests:write');
  if (!mayImport) return null;
  return (
    <Button component={LinkBase} label="app.import.button" to={IMPORT_ROUTE} variant={variant} data-testid="import-button">
      <UploadFileIcon />
    </Button>
  );
}

/** No requests yet (a new installation): create one, or import them all at once. */
function RequestListEmpty() {
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', flex: 1 }}>
      <Empty />
      <Box sx={{ textAlign: 'center', mt: 2 }}>
        <ImportButton variant="outlined" />
      </Box>
    </Box>
  );
}

function RequestListActions() {
  const { hasCreate } = useResourceDefinition();
  return (
    <TopToolbar>
      <FilterButton />
      {hasCreate && <CreateButton />}
      <ImportButton />
      <ExportButton maxResults={1000} data-testid="export-button" />
    </TopToolbar>
  );
}

/** Overdue rows stand out by a warning stripe and tint, and say so in words in their own column. */
const overdueRowSx = (record: PlatformRequest) =>
  record.overdue ? { backgroundColor: 'rgba(211, 47, 47, 0.06)', boxShadow: 'inset 4px 0 0 #d32f2f' } : {};

function ReferenceCell(_props: ColumnProps) {
  const record = useRecordContext<PlatformRequest>();
  if (!record) return null;
  return (
    <Stack direction="row" spacing={0.5} sx={{ alignItems: 'center', whiteSpace: 'nowrap' }}>
      {record.overdue && <WarningAmberIcon fontSize="small" color="error" aria-hidden />}
      <ShowLinkField source="reference" />
    </Stack>
  );
}

function SmallRequestList() {
  const translate = useTranslate();
  const locale = useIntlLocale();
  return (
    <SimpleList<PlatformRequest>
      primaryText={(r) => r.reference}
      secondaryText={(r) => `${translate(`enums.type.${r.type}`)} · ${translate(`enums.status.${r.status}`)}`}
      tertiaryText={(r) => formatDateTime(r.sentAt, locale)}
      linkType="show"
      rowSx={overdueRowSx}
    />
  );
}

export function RequestList() {
  const isSmall = useMediaQuery((theme: Theme) => theme.breakpoints.down('sm'));
  const isMedium = useMediaQuery((theme: Theme) => theme.breakpoints.down('lg'));
  const isLarge = useMediaQuery((theme: Theme) => theme.breakpoints.down('xl'));
  return (
    <List
      filters={requestFilters}
      sort={{ field: 'sentAt', order: 'DESC' }}
      actions={<RequestListActions />}
      empty={<RequestListEmpty />}
      exporter={requestsExporter}
      perPage={25}
      pagination={<RequestPagination />}
    >
      {isSmall ? (
        <SmallRequestList />
      ) : (
        <Datagrid
          rowClick="show"
          rowSx={overdueRowSx}
          bulkActionButtons={<BulkExportButton />}
          sx={{ '& .RaDatagrid-tableWrapper': { overflowX: 'auto' } }}
        >
          <ReferenceCell source="reference" label="resources.requests.fields.reference" sortBy="reference" />
          <ReferenceField source="platformId" reference="platforms" link={false} sortable />
          {!isMedium && <ReferenceField source="agencyId" reference="agencies" link={false} />}
          <EnumField source="type" enumName="type" />
          {!isMedium && <EnumField source="category" enumName="category" />}
          <StatusChip source="status" enumName="status" />
          <DateTimeField source="sentAt" />
          {!isLarge && <DateTimeField source="dueAt" />}
          <OverdueChip source="overdue" label="resources.requests.fields.overdue" sortable={false} />
          <NotDeliveredChip source="deliveryFailedAt" label="resources.requests.fields.deliveryFailedAt" sortable={false} />
          {!isLarge && <TextField source="platformRef" sortable={false} />}
        </Datagrid>
      )}
    </List>
  );
}

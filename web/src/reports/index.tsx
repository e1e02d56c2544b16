import DownloadIcon from '@mui/icons-material/Download';
import SummarizeIcon from '@mui/icons-material/Summarize';
import TableViewIcon from '@mui/icons-material/TableView';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import {
  AutocompleteArrayInput,
  Button,
  ChipField,
  Create,
  Datagrid,
  DateInput,
  FunctionField,
  List,
  ReferenceArrayField,
  ReferenceArrayInput,
  ReferenceField,
  ReferenceInput,
  SelectField,
  SelectInput,
  Show,
  SimpleForm,
  SimpleShowLayout,
  SingleFieldList,
  TextField,
  TextInput,
  TopToolbar,
  maxLength,
  required,
  useDataProvider,
  useLocaleState,
  useNotify,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { DateTimeField, DayField, EnumField, IsoDateTimeInput, LocaleNumberField, ShowLinkField, StatusChip } from '../common/fields';
import type { TrackerDataProvider } from '../dataProvider';
import { LOCALES } from '../i18n';
import type { Report } from '../types';
import { isPending, reportPayload, saveBlob } from './download';
import { choices } from '../common/choices';

/** GET /api/reports/:id/pdf (or /csv) with the bearer token, saved as a file. Enabled once the report is done. */
export function DownloadReportButton({ format = 'pdf' }: { format?: 'pdf' | 'csv' }) {
  const record = useRecordContext<Report>();
  const dataProvider = useDataProvider<TrackerDataProvider>();
  const notify = useNotify();
  const translate = useTranslate();
  const [busy, setBusy] = useState(false);
  if (!record) return null;
  const ready = record.status === 'done';
  return (
    <Button
      label={format === 'pdf' ? 'app.action.download_pdf' : 'app.action.download_csv'}
      disabled={!ready || busy}
      title={ready ? undefined : translate('app.reports.not_ready')}
      onClick={async (event) => {
        event.stopPropagation();
        setBusy(true);
        try {
          saveBlob(await dataProvider.downloadReport(record.id, format), `report-${record.id}.${format}`);
        } catch {
          notify('app.reports.download_failed', { type: 'error' });
        } finally {
          setBusy(false);
        }
      }}
    >
      {format === 'pdf' ? <DownloadIcon /> : <TableViewIcon />}
    </Button>
  );
}

function PlatformsField(_props: { label?: string; source?: string; sortable?: boolean }) {
  const translate = useTranslate();
  return (
    <FunctionField
      source="platformIds"
      sortable={false}
      render={(r: Report) =>
        r.platformIds && r.platformIds.length > 0 ? (
          <ReferenceArrayField source="platformIds" reference="platforms">
            <SingleFieldList linkType={false}>
              <ChipField source="name" size="small" />
            </SingleFieldList>
          </ReferenceArrayField>
        ) : (
          translate('app.reports.all_platforms')
        )
      }
    />
  );
}

// Poll while any report on the page is still being generated.
const pollWhilePending = (query: { state: { data?: unknown } }) => {
  const data = query.state.data as { data?: Report[] } | Report | undefined;
  const records = data && 'data' in data && Array.isArray(data.data) ? data.data : data ? [data as Report] : [];
  return records.some((r) => isPending(r?.status)) ? 3000 : false;
};

const reportFilters = [
  <SelectInput key="status" source="status" choices={choices('reportStatus')} alwaysOn sx={{ minWidth: 160 }} />,
  <SelectInput key="kind" source="kind" choices={choices('reportKind')} alwaysOn sx={{ minWidth: 200 }} />,
];

function ReportList() {
  return (
    <List
      sort={{ field: 'id', order: 'DESC' }}
      exporter={false}
      filters={reportFilters}
      queryOptions={{ refetchInterval: pollWhilePending }}
    >
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <ShowLinkField source="title" label="resources.reports.fields.title" sortBy="title" />
        <EnumField source="kind" enumName="reportKind" sortable={false} />
        <DayField source="from" emptyText="—" />
        <DayField source="to" emptyText="—" />
        <DateTimeField source="asOf" sortable={false} />
        <PlatformsField label="resources.reports.fields.platformIds" />
        <StatusChip source="status" enumName="reportStatus" />
        <DateTimeField source="createdAt" />
        <DownloadReportButton />
      </Datagrid>
    </List>
  );
}

function ReportShow() {
  return (
    <Show
      queryOptions={{ refetchInterval: pollWhilePending }}
      actions={
        <TopToolbar>
          <DownloadReportButton />
          <DownloadReportButton format="csv" />
        </TopToolbar>
      }
    >
      <SimpleShowLayout>
        <TextField source="title" />
        <SelectField source="language" choices={LOCALES} optionValue="locale" optionText="name" />
        <EnumField source="kind" enumName="reportKind" />
        <StatusChip source="status" enumName="reportStatus" testId="report-status" />
        <TextField source="error" emptyText="—" />
        <DayField source="from" emptyText="—" />
        <DayField source="to" emptyText="—" />
        <DateTimeField source="asOf" />
        <PlatformsField label="resources.reports.fields.platformIds" />
        <ReferenceField source="agencyId" reference="agencies" emptyText="—" />
        <LocaleNumberField source="pageCount" emptyText="—" />
        <TextField source="dataSha256" emptyText="—" sx={{ fontFamily: 'monospace', wordBreak: 'break-all' }} />
        <DateTimeField source="createdAt" />
        <DateTimeField source="finishedAt" emptyText="—" />
      </SimpleShowLayout>
    </Show>
  );
}

function ReportCreate() {
  const translate = useTranslate();
  // The report is written in the console's language.
  const [locale] = useLocaleState();
  return (
    <Create
      redirect="show"
      transform={(values: Record<string, unknown>) => reportPayload(values, locale)}
      title="app.action.generate_report"
    >
      <SimpleForm sx={{ maxWidth: 640 }}>
        <Typography variant="body2" color="text.secondary">
          {translate('app.reports.period_hint')}
        </Typography>
        <DateInput source="from" validate={required()} />
        <DateInput source="to" validate={required()} />
        <ReferenceArrayInput source="platformIds" reference="platforms" sort={{ field: 'name', order: 'ASC' }}>
          <AutocompleteArrayInput optionText="name" helperText={translate('app.reports.platforms_hint')} />
        </ReferenceArrayInput>
        <ReferenceInput source="agencyId" reference="agencies" sort={{ field: 'name', order: 'ASC' }} perPage={100}>
          <SelectInput optionText="name" helperText={translate('app.reports.agency_hint')} />
        </ReferenceInput>
        <IsoDateTimeInput source="asOf" helperText={translate('app.reports.as_of_hint')} />
        <TextInput source="title" validate={maxLength(200)} helperText={translate('app.reports.title_hint')} />
      </SimpleForm>
    </Create>
  );
}

export default {
  list: ReportList,
  show: ReportShow,
  create: ReportCreate,
  icon: SummarizeIcon,
  recordRepresentation: 'title',
};

import DownloadIcon from '@mui/icons-material/Download';
import SummarizeIcon from '@mui/icons-material/Summarize';
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
  Show,
  SimpleForm,
  SimpleShowLayout,
  SingleFieldList,
  TextField,
  TopToolbar,
  required,
  useDataProvider,
  useNotify,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { DateTimeField, DayField, IsoDateTimeInput, StatusChip } from '../common/fields';
import type { TrackerDataProvider } from '../dataProvider';
import type { Report } from '../types';
import { isPending, reportPayload, saveBlob } from './download';

/** GET /api/reports/:id/pdf with the bearer token, saved as a file. Enabled once the report is done. */
export function DownloadReportButton() {
  const record = useRecordContext<Report>();
  const dataProvider = useDataProvider<TrackerDataProvider>();
  const notify = useNotify();
  const translate = useTranslate();
  const [busy, setBusy] = useState(false);
  if (!record) return null;
  const ready = record.status === 'done';
  return (
    <Button
      label="app.action.download_pdf"
      disabled={!ready || busy}
      title={ready ? undefined : translate('app.reports.not_ready')}
      onClick={async (event) => {
        event.stopPropagation();
        setBusy(true);
        try {
          saveBlob(await dataProvider.downloadReport(record.id), `compliance-report-${record.id}.pdf`);
        } catch {
          notify('app.reports.download_failed', { type: 'error' });
        } finally {
          setBusy(false);
        }
      }}
    >
      <DownloadIcon />
    </Button>
  );
}

function PlatformsField() {
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

function ReportList() {
  return (
    <List sort={{ field: 'createdAt', order: 'DESC' }} exporter={false} queryOptions={{ refetchInterval: pollWhilePending }}>
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <DateTimeField source="createdAt" />
        <DayField source="from" />
        <DayField source="to" />
        <DateTimeField source="asOf" emptyText="—" />
        <PlatformsField />
        <StatusChip source="status" enumName="reportStatus" />
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
        </TopToolbar>
      }
    >
      <SimpleShowLayout>
        <TextField source="id" />
        <StatusChip source="status" enumName="reportStatus" />
        <DayField source="from" />
        <DayField source="to" />
        <DateTimeField source="asOf" emptyText="—" />
        <PlatformsField />
        <DateTimeField source="createdAt" />
      </SimpleShowLayout>
    </Show>
  );
}

function ReportCreate() {
  const translate = useTranslate();
  return (
    <Create redirect="show" transform={reportPayload} title="app.action.generate_report">
      <SimpleForm sx={{ maxWidth: 640 }}>
        <Typography variant="body2" color="text.secondary">
          {translate('app.reports.period_hint')}
        </Typography>
        <DateInput source="from" validate={required()} />
        <DateInput source="to" validate={required()} />
        <ReferenceArrayInput source="platformIds" reference="platforms" sort={{ field: 'name', order: 'ASC' }}>
          <AutocompleteArrayInput optionText="name" helperText={translate('app.reports.platforms_hint')} />
        </ReferenceArrayInput>
        <IsoDateTimeInput source="asOf" helperText={translate('app.reports.as_of_hint')} />
      </SimpleForm>
    </Create>
  );
}

export default {
  list: ReportList,
  show: ReportShow,
  create: ReportCreate,
  icon: SummarizeIcon,
  recordRepresentation: (r: Report) => `#${r.id}`,
};

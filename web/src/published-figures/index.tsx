import PublicIcon from '@mui/icons-material/Public';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import Link from '@mui/material/Link';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import {
  Button,
  Create,
  CreateButton,
  Datagrid,
  DateInput,
  FilterButton,
  FunctionField,
  LinkBase,
  List,
  Labeled,
  maxLength,
  NumberField,
  required,
  SearchInput,
  SelectField,
  SelectInput,
  Show,
  SimpleForm,
  SimpleShowLayout,
  TextField,
  TextInput,
  TopToolbar,
  useRecordContext,
  useResourceDefinition,
  useTranslate,
} from 'react-admin';
import { choices } from '../common/choices';
import { DateTimeField } from '../common/fields';
import { formatDateTime } from '../common/format';
import { useCan, useIntlLocale } from '../common/hooks';
import { publishedRequesterDetail } from './requester';
import { FIGURE_IMPORT_ROUTE } from './routes';
import { figurePayload, isPeriod, isPublishedValue } from './shaping';
import {
  FIGURE_SOURCES,
  type FigureSource,
  isJurisdiction,
  periodLabel,
  PUBLISHED_METRICS,
  type PublishedFigureFields,
  SUBJECT_KINDS,
} from '../../../domain/src';

/** A figure as GET /api/published-figures/:id reads it (the list leaves out `history`). */
export interface PublishedFigure extends PublishedFigureFields {
  id: number;
  source: FigureSource;
  sourceUrl: string | null;
  sourceSha256: string | null;
  retrievedAt: string;
  revision: number;
  updatedAt: string;
  history?: FigureRevision[];
}

/** An earlier value a corrected file or form replaced. */
interface FigureRevision {
  revision: number;
  valueText: string;
  source: FigureSource;
  sourceUrl: string | null;
  retrievedAt: string;
  replacedAt: string;
}

const METRIC_CHOICES = PUBLISHED_METRICS.map((id) => ({ id, name: `app.figures.metric.${id}` }));
const SUBJECT_KIND_CHOICES = SUBJECT_KINDS.map((id) => ({ id, name: `app.figures.subject_kind.${id}` }));
const SOURCE_CHOICES = FIGURE_SOURCES.map((id) => ({ id, name: `app.figures.source.${id}` }));

const figureFilters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <TextInput key="subject" source="subject" alwaysOn />,
  <TextInput key="publisher" source="publisher" />,
  <SelectInput key="subjectKind" source="subjectKind" choices={SUBJECT_KIND_CHOICES} />,
  <TextInput key="jurisdiction" source="jurisdiction" sx={{ width: 120 }} />,
  <SelectInput key="requesterType" source="requesterType" choices={choices('requesterType')} sx={{ minWidth: 200 }} />,
  <SelectInput key="metric" source="metric" choices={METRIC_CHOICES} sx={{ minWidth: 260 }} />,
  <DateInput key="periodStart_gte" source="periodStart_gte" />,
  <DateInput key="periodEnd_lte" source="periodEnd_lte" />,
];

/** To the import screen, for the roles that may record published figures. */
function ImportFiguresButton() {
  if (!useCan('figures:write')) return null;
  return (
    <Button component={LinkBase} label="app.figures.import_button" to={FIGURE_IMPORT_ROUTE} data-testid="figures-import-button">
      <UploadFileIcon />
    </Button>
  );
}

function FigureListActions() {
  const { hasCreate } = useResourceDefinition();
  return (
    <TopToolbar>
      <FilterButton />
      {hasCreate && <CreateButton />}
      <ImportFiguresButton />
    </TopToolbar>
  );
}

const periodOf = (f: PublishedFigure) => periodLabel({ start: f.periodStart, end: f.periodEnd });

/** Who the figure is about: the requester type, with the publisher's own label where it says more. */
function RequesterField(_props: { label?: string; sortBy?: string }) {
  const record = useRecordContext<PublishedFigure>();
  const translate = useTranslate();
  if (!record) return null;
  const type = record.requesterType ? translate(`enums.requesterType.${record.requesterType}`) : null;
  const detail = publishedRequesterDetail(record.requesterType, record.requester);
  return (
    <Typography variant="body2" component="span">
      {type ?? detail ?? '—'}
      {type && detail && (
        <Typography variant="caption" color="text.secondary" component="span" sx={{ display: 'block' }}>
          {detail}
        </Typography>
      )}
    </Typography>
  );
}

function FigureList() {
  return (
    <List filters={figureFilters} sort={{ field: 'periodStart', order: 'DESC' }} actions={<FigureListActions />} perPage={25}>
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <FunctionField source="periodStart" render={periodOf} sx={{ whiteSpace: 'nowrap' }} />
        <TextField source="publisher" />
        <TextField source="subject" />
        <TextField source="jurisdiction" emptyText="—" />
        <RequesterField label="resources.published-figures.fields.requesterType" sortBy="requesterType" />
        <TextField source="category" emptyText="—" sortable={false} />
        <SelectField source="metric" choices={METRIC_CHOICES} />
        <FunctionField source="value" render={(f: PublishedFigure) => f.valueText} textAlign="right" />
        <NumberField source="revision" />
        <DateTimeField source="updatedAt" />
      </Datagrid>
    </List>
  );
}

/** Where the figure was read: a link when it is an address, else the text as written. */
function SourceUrlField(_props: { label?: string }) {
  const record = useRecordContext<PublishedFigure>();
  const url = record?.sourceUrl;
  if (!url) return <span>—</span>;
  if (!/^https?:\/\//i.test(url)) return <span>{url}</span>;
  return (
    <Link href={url} target="_blank" rel="noopener noreferrer" sx={{ overflowWrap: 'anywhere' }}>
      {url}
    </Link>
  );
}

/** Every earlier value of the figure, newest first: what a publisher's corrected file replaced. */
function FigureHistory() {
  const record = useRecordContext<PublishedFigure>();
  const translate = useTranslate();
  const locale = useIntlLocale();
  const history = record?.history ?? [];
  return (
    <Labeled label="app.figures.history" fullWidth>
      {history.length === 0 ? (
        <Typography variant="body2" color="text.secondary" data-testid="figure-history-empty">
          {translate('app.figures.no_history')}
        </Typography>
      ) : (
        <Table size="small" data-testid="figure-history">
          <TableHead>
            <TableRow>
              {(['revision', 'valueText', 'source', 'sourceUrl', 'retrievedAt'] as const).map((field) => (
                <TableCell key={field} component="th" scope="col">
                  {translate(`resources.published-figures.fields.${field}`)}
                </TableCell>
              ))}
              <TableCell component="th" scope="col">
                {translate('app.figures.replaced_at')}
              </TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {history.map((h) => (
              <TableRow key={h.revision}>
                <TableCell>{h.revision}</TableCell>
                <TableCell>{h.valueText}</TableCell>
                <TableCell>{translate(`app.figures.source.${h.source}`)}</TableCell>
                <TableCell sx={{ overflowWrap: 'anywhere' }}>{h.sourceUrl ?? '—'}</TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDateTime(h.retrievedAt, locale)}</TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDateTime(h.replacedAt, locale)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Labeled>
  );
}

function FigureShow() {
  return (
    <Show>
      <SimpleShowLayout>
        <TextField source="publisher" />
        <TextField source="subject" />
        <SelectField source="subjectKind" choices={SUBJECT_KIND_CHOICES} />
        <FunctionField source="period" render={periodOf} />
        <TextField source="jurisdiction" emptyText="—" />
        <RequesterField label="resources.published-figures.fields.requesterType" />
        <TextField source="category" emptyText="—" />
        <SelectField source="metric" choices={METRIC_CHOICES} />
        <TextField source="valueText" />
        <SelectField source="source" choices={SOURCE_CHOICES} />
        <SourceUrlField label="resources.published-figures.fields.sourceUrl" />
        <TextField source="sourceSha256" emptyText="—" sx={{ fontFamily: 'monospace', overflowWrap: 'anywhere' }} />
        <DateTimeField source="retrievedAt" />
        <NumberField source="revision" />
        <FigureHistory />
      </SimpleShowLayout>
    </Show>
  );
}

const periodCheck = (value: unknown) => (!value || isPeriod(value) ? undefined : 'app.figures.period_invalid');
const valueCheck = (value: unknown, values: Record<string, unknown>) =>
  value === null || value === undefined || value === '' || isPublishedValue(value, values.metric) ? undefined : 'app.figures.value_invalid';
const jurisdictionCheck = (value: unknown) =>
  !value || isJurisdiction(String(value).toUpperCase()) ? undefined : 'app.figures.jurisdiction_hint';

/** A figure typed in from a PDF or a bot's answer, with its source named. */
function FigureCreate() {
  return (
    <Create redirect="show" transform={figurePayload} record={{ subjectKind: 'company' }}>
      <SimpleForm sx={{ maxWidth: 720 }}>
        <TextInput source="publisher" validate={[required(), maxLength(200)]} />
        <TextInput source="subject" validate={[required(), maxLength(200)]} helperText="app.figures.subject_hint" />
        <SelectInput source="subjectKind" choices={SUBJECT_KIND_CHOICES} validate={required()} />
        <TextInput source="period" validate={[required(), periodCheck]} helperText="app.figures.period_hint" />
        <TextInput source="jurisdiction" validate={jurisdictionCheck} helperText="app.figures.jurisdiction_hint" />
        <SelectInput
          source="requesterType"
          choices={choices('requesterType')}
          helperText="app.figures.requester_hint"
          emptyText="app.cross_check.any"
        />
        <TextInput source="category" validate={maxLength(200)} helperText="app.figures.category_hint" />
        <SelectInput source="metric" choices={METRIC_CHOICES} validate={required()} />
        <TextInput source="value" validate={[required(), valueCheck]} helperText="app.figures.value_hint" />
        <TextInput source="sourceUrl" validate={[required(), maxLength(2000)]} helperText="app.figures.source_hint" fullWidth />
      </SimpleForm>
    </Create>
  );
}

export default {
  list: FigureList,
  show: FigureShow,
  create: FigureCreate,
  icon: PublicIcon,
  recordRepresentation: (f: PublishedFigure) => `${f.subject} ${periodOf(f)}`,
};

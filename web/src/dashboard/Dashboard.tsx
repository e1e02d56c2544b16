import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import LinearProgress from '@mui/material/LinearProgress';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Skeleton from '@mui/material/Skeleton';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TablePagination from '@mui/material/TablePagination';
import TableRow from '@mui/material/TableRow';
import TableSortLabel from '@mui/material/TableSortLabel';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useMemo, useState } from 'react';
import { Link, Title, useDataProvider, useGetList, useGetMany, useStore, useTranslate } from 'react-admin';
import { DateRangeFields, FILTER_FIELD, FilterForm, VocabularySelect } from '../common/filters';
import { useIntlLocale } from '../common/hooks';
import type { TrackerDataProvider } from '../dataProvider';
import { aboutCount, formatCount, formatDateTime, formatHours, formatPercent } from '../common/format';
import type { OverdueRow, Platform, ResponsivenessRow } from '../types';
import {
  DEFAULT_FILTER,
  type DashboardFilter,
  overdueListFilter,
  platformChartRows,
  PRESETS,
  toStatsFilter,
  totals,
  trendPoints,
  kmChartRows,
  nextSort,
  type PlatformSort,
  type PlatformSortKey,
  sortPlatformRows,
} from './shaping';

const DashboardCharts = lazy(() => import('./DashboardCharts'));

function FilterBar({ filter, onChange }: { filter: DashboardFilter; onChange: (f: DashboardFilter) => void }) {
  const translate = useTranslate();
  const set = (patch: Partial<DashboardFilter>) => onChange({ ...filter, ...patch });
  const field = { ...FILTER_FIELD, sx: { minWidth: 180 } };
  return (
    <FilterForm label="app.dashboard.filters" alignItems="center">
      <TextField
        select
        label={translate('app.dashboard.period')}
        value={filter.preset}
        onChange={(e) => set({ preset: e.target.value as DashboardFilter['preset'] })}
        {...field}
        id="dashboard-period"
      >
        {PRESETS.map((p) => (
          <MenuItem key={p} value={p}>
            {translate(`app.dashboard.presets.${p}`)}
          </MenuItem>
        ))}
      </TextField>
      {filter.preset === 'custom' && (
        <DateRangeFields
          idPrefix="dashboard"
          fromLabel="app.dashboard.from"
          toLabel="app.dashboard.to"
          from={filter.from}
          to={filter.to}
          onChange={set}
          {...field}
          slotProps={{ inputLabel: { shrink: true } }}
        />
      )}
      <VocabularySelect
        id="dashboard-type"
        enumName="type"
        label="app.dashboard.type"
        anyLabel="app.dashboard.any"
        value={filter.type ?? ''}
        onChange={(type) => set({ type })}
        {...field}
      />
      <VocabularySelect
        id="dashboard-category"
        enumName="category"
        label="app.dashboard.category"
        anyLabel="app.dashboard.any"
        value={filter.category ?? ''}
        onChange={(category) => set({ category })}
        {...field}
        sx={{ minWidth: 240 }}
      />
    </FilterForm>
  );
}

function Kpi({ label, value, testId, detail }: { label: string; value: string; testId: string; detail?: string }) {
  const translate = useTranslate();
  return (
    <Card variant="outlined" sx={{ minWidth: 0 }}>
      <CardContent>
        <Typography variant="body2" color="text.secondary" component="h3">
          {translate(label)}
        </Typography>
        <Typography variant="h4" component="p" data-testid={testId} sx={{ fontWeight: 600 }}>
          {value}
        </Typography>
        {detail && (
          <Typography variant="caption" color="text.secondary">
            {detail}
          </Typography>
        )}
      </CardContent>
    </Card>
  );
}

const METRIC_COLUMNS = [
  ['sent', 'app.dashboard.table.sent', 'count'],
  ['responded', 'app.dashboard.table.responded', 'count'],
  ['unanswered', 'app.dashboard.table.unanswered', 'count'],
  ['responseRate', 'app.dashboard.table.response_rate', 'percent'],
  ['medianResponseHours', 'app.dashboard.table.median', 'hours'],
  ['p90ResponseHours', 'app.dashboard.table.p90', 'hours'],
  ['kmMedianResponseHours', 'app.dashboard.table.km_median', 'hours'],
  ['overdue', 'app.dashboard.table.overdue', 'count'],
  ['onTimeRate', 'app.dashboard.table.on_time', 'percent'],
] as const;

function formatMetric(kind: 'count' | 'percent' | 'hours', value: number | null, locale: string): string {
  if (kind === 'percent') return formatPercent(value, locale);
  if (kind === 'hours') return formatHours(value, locale);
  return formatCount(value, locale);
}

/** Read by screen readers, not shown (MUI's visuallyHidden). */
const visuallyHidden = {
  border: 0,
  clip: 'rect(0 0 0 0)',
  height: '1px',
  margin: '-1px',
  overflow: 'hidden',
  padding: 0,
  position: 'absolute',
  whiteSpace: 'nowrap',
  width: '1px',
} as const;

/** A column header that sorts the table: a button (Tab, Enter or Space), the arrow and aria-sort saying how. */
function SortableHeader({
  column,
  label,
  sort,
  onSort,
  align,
}: {
  column: PlatformSortKey;
  label: string;
  sort: PlatformSort | null;
  onSort: (column: PlatformSortKey) => void;
  align?: 'right';
}) {
  const translate = useTranslate();
  const active = sort?.key === column;
  const direction = active ? sort.direction : undefined;
  return (
    <TableCell component="th" scope="col" align={align} sortDirection={direction ?? false} data-column={column}>
      <TableSortLabel active={active} direction={direction ?? (column === 'platform' ? 'asc' : 'desc')} onClick={() => onSort(column)}>
        {translate(label)}
        {direction && (
          <Box component="span" sx={visuallyHidden}>
            {translate(direction === 'asc' ? 'app.dashboard.table.sorted_ascending' : 'app.dashboard.table.sorted_descending')}
          </Box>
        )}
      </TableSortLabel>
    </TableCell>
  );
}

/**
 * Every platform's figures as the API gives them: the charts' accessible, exact counterpart. Sorted by
 * any column with a click on its header (the API's order until then).
 */
function PlatformTable({ rows, locale }: { rows: ResponsivenessRow[]; locale: string }) {
  const translate = useTranslate();
  const [sort, setSort] = useState<PlatformSort | null>(null);
  const sorted = useMemo(() => sortPlatformRows(rows, sort, locale), [rows, sort, locale]);
  const onSort = (column: PlatformSortKey) => setSort((current) => nextSort(current, column));
  return (
    <TableContainer component={Paper} variant="outlined">
      <Table size="small" aria-labelledby="platform-table-title" data-testid="platform-table">
        <caption style={{ captionSide: 'top', textAlign: 'left', padding: '12px 16px' }}>
          <Typography id="platform-table-title" variant="subtitle1" component="span" sx={{ fontWeight: 600 }}>
            {translate('app.dashboard.table.title')}
          </Typography>
          <Typography variant="caption" color="text.secondary" component="span" sx={{ ml: 2 }}>
            {translate('app.dashboard.table.sort_hint')}
          </Typography>
        </caption>
        <TableHead>
          <TableRow>
            <SortableHeader column="platform" label="app.dashboard.table.platform" sort={sort} onSort={onSort} />
            {METRIC_COLUMNS.map(([key, label]) => (
              <SortableHeader key={key} column={key} label={label} sort={sort} onSort={onSort} align="right" />
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {sorted.map((row) => (
            <TableRow key={row.platformId} data-platform={row.platform} hover>
              <TableCell component="th" scope="row">
                {row.platform}
              </TableCell>
              {METRIC_COLUMNS.map(([key, , kind]) => (
                <TableCell key={key} align="right" data-metric={key} sx={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>
                  {formatMetric(kind, row[key], locale)}
                </TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}

function OverdueTable({ filter, locale }: { filter: DashboardFilter; locale: string }) {
  const translate = useTranslate();
  const dataProvider = useDataProvider<TrackerDataProvider>();
  const [page, setPage] = useState(0);
  const perPage = 10;
  const listFilter = overdueListFilter(filter);
  const { data, isPending, error } = useQuery({
    queryKey: ['stats', 'overdue', listFilter, page],
    queryFn: () =>
      dataProvider.getOverdue({ filter: listFilter, pagination: { page: page + 1, perPage }, sort: { field: 'dueAt', order: 'ASC' } }),
    placeholderData: keepPreviousData,
  });
  const { data: platforms } = useGetList<Platform>('platforms', {
    pagination: { page: 1, perPage: 500 },
    sort: { field: 'name', order: 'ASC' },
  });
  const agencyIds = [...new Set((data?.data ?? []).map((r) => r.agencyId))];
  const { data: agencies } = useGetMany('agencies', { ids: agencyIds }, { enabled: agencyIds.length > 0 });
  const platformName = (id: number) => platforms?.find((p) => p.id === id)?.name ?? `#${id}`;
  const agencyName = (id: number) => agencies?.find((a) => a.id === id)?.name ?? `#${id}`;

  return (
    <Paper variant="outlined" component="section" aria-labelledby="overdue-title">
      <Box sx={{ px: 2, pt: 2, display: 'flex', flexWrap: 'wrap', alignItems: 'baseline', gap: 2 }}>
        <Typography id="overdue-title" variant="subtitle1" component="h2" sx={{ fontWeight: 600 }}>
          {translate('app.dashboard.overdue.title')}
        </Typography>
        {data && (
          <Typography variant="body2" color="error" data-testid="overdue-total">
            {data.totalEstimated
              ? translate('app.dashboard.overdue.count_estimated', { total: aboutCount(data.total, locale) })
              : translate('app.dashboard.overdue.count', { smart_count: data.total })}
          </Typography>
        )}
        <Box sx={{ flex: 1 }} />
        <Link to={{ pathname: '/requests', search: `?filter=${encodeURIComponent(JSON.stringify({ overdue: true, ...listFilter }))}` }}>
          {translate('app.action.view_all')}
        </Link>
      </Box>
      <Typography variant="caption" color="text.secondary" sx={{ px: 2 }} component="p">
        {translate('app.dashboard.overdue.hint')}
      </Typography>
      {isPending && <LinearProgress />}
      {error && <Alert severity="error">{translate('app.common.loading_error')}</Alert>}
      {data && data.total === 0 && (
        <Typography sx={{ p: 2 }} color="text.secondary">
          {translate('app.dashboard.overdue.empty')}
        </Typography>
      )}
      {data && data.total > 0 && (
        <>
          <TableContainer>
            <Table size="small" data-testid="overdue-table" aria-labelledby="overdue-title">
              <TableHead>
                <TableRow>
                  {(['reference', 'platform', 'agency', 'type', 'category', 'sent_at', 'due_at'] as const).map((c) => (
                    <TableCell key={c} component="th" scope="col">
                      {translate(`app.dashboard.overdue.${c}`)}
                    </TableCell>
                  ))}
                  <TableCell component="th" scope="col" align="right">
                    {translate('app.dashboard.overdue.days_waiting')}
                  </TableCell>
                  <TableCell component="th" scope="col" align="right">
                    {translate('app.dashboard.overdue.hours_overdue')}
                  </TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {data.data.map((row: OverdueRow) => (
                  <TableRow key={row.id} data-reference={row.reference}>
                    <TableCell component="th" scope="row" sx={{ whiteSpace: 'nowrap' }}>
                      <Link to={`/requests/${row.id}/show`}>{row.reference}</Link>
                    </TableCell>
                    <TableCell>{platformName(row.platformId)}</TableCell>
                    <TableCell>{agencyName(row.agencyId)}</TableCell>
                    <TableCell>{translate(`enums.type.${row.type}`)}</TableCell>
                    <TableCell>{translate(`enums.category.${row.category}`)}</TableCell>
                    <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDateTime(row.sentAt, locale)}</TableCell>
                    <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDateTime(row.dueAt, locale)}</TableCell>
                    <TableCell align="right">{formatCount(row.daysWaiting, locale)}</TableCell>
                    <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                      {formatHours(row.hoursOverdue, locale)}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </TableContainer>
          {data.total > perPage && (
            <TablePagination
              component="div"
              count={data.total}
              page={page}
              rowsPerPage={perPage}
              rowsPerPageOptions={[perPage]}
              onPageChange={(_, p) => setPage(p)}
              labelDisplayedRows={({ from, to, count }) =>
                translate('ra.navigation.page_range_info', { offsetBegin: from, offsetEnd: to, total: count })
              }
              getItemAriaLabel={(type) => translate(`ra.navigation.${type === 'previous' ? 'previous' : type === 'next' ? 'next' : type}`)}
            />
          )}
        </>
      )}
    </Paper>
  );
}

function ChartsFallback() {
  const translate = useTranslate();
  return (
    <Box aria-busy="true" aria-label={translate('app.dashboard.charts.loading')}>
      <Skeleton variant="rounded" height={320} />
    </Box>
  );
}

/** Responsiveness by platform: figures, charts and the overdue list, all driven by one filter. */
export default function Dashboard() {
  const translate = useTranslate();
  const locale = useIntlLocale();
  const dataProvider = useDataProvider<TrackerDataProvider>();
  const [filter, setFilter] = useStore<DashboardFilter>('dashboard.filter', DEFAULT_FILTER);
  const statsFilter = useMemo(() => toStatsFilter(filter, new Date()), [filter]);

  const stats = useQuery({
    queryKey: ['stats', 'responsiveness', statsFilter],
    queryFn: () => dataProvider.getStats(statsFilter),
    placeholderData: keepPreviousData,
  });
  const series = useQuery({
    queryKey: ['stats', 'series', statsFilter],
    queryFn: () => dataProvider.getSeries(statsFilter, 'month'),
    placeholderData: keepPreviousData,
  });
  const content = useQuery({
    queryKey: ['stats', 'content', statsFilter],
    queryFn: () => dataProvider.getContentStats(statsFilter),
    placeholderData: keepPreviousData,
  });
  const km = useQuery({
    queryKey: ['stats', 'km', statsFilter],
    queryFn: () => dataProvider.getKmCurves(statsFilter),
    placeholderData: keepPreviousData,
  });

  const rows = stats.data ?? [];
  const sum = totals(rows);
  const chartRows = useMemo(() => platformChartRows(rows), [rows]);
  const trend = useMemo(() => trendPoints(series.data ?? [], 'month'), [series.data]);
  const kmRows = useMemo(() => kmChartRows(km.data ?? []), [km.data]);
  const kmPlatforms = useMemo(() => (km.data ?? []).map((c) => c.platform), [km.data]);

  return (
    <Box sx={{ py: 2, display: 'flex', flexDirection: 'column', gap: 2 }} data-testid="dashboard">
      <Title title="ra.page.dashboard" />
      <Box>
        <Typography variant="h5" component="h1">
          {translate('app.dashboard.title')}
        </Typography>
        <Typography variant="body2" color="text.secondary">
          {translate('app.dashboard.subtitle')}
        </Typography>
      </Box>
      <FilterBar filter={filter} onChange={setFilter} />
      {(stats.isFetching || series.isFetching) && <LinearProgress aria-label={translate('ra.page.loading')} />}
      {stats.error && <Alert severity="error">{translate('app.common.loading_error')}</Alert>}

      <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr 1fr', md: 'repeat(5, 1fr)' }, gap: 2 }} aria-live="polite">
        <Kpi label="app.dashboard.kpi.sent" testId="kpi-sent" value={stats.data ? formatCount(sum.sent, locale) : '…'} />
        <Kpi label="app.dashboard.kpi.responded" testId="kpi-responded" value={stats.data ? formatCount(sum.responded, locale) : '…'} />
        <Kpi
          label="app.dashboard.kpi.response_rate"
          testId="kpi-response-rate"
          value={stats.data ? formatPercent(sum.responseRate, locale) : '…'}
        />
        <Kpi label="app.dashboard.kpi.overdue" testId="kpi-overdue" value={stats.data ? formatCount(sum.overdue, locale) : '…'} />
        <Kpi
          label="app.dashboard.kpi.content"
          testId="kpi-content"
          value={content.data ? formatCount(content.data.pieces, locale) : '…'}
          detail={
            content.data
              ? translate('app.dashboard.kpi.content_detail', {
                  removedEverywhere: formatCount(content.data.removedEverywhere, locale),
                  removedSomewhere: formatCount(content.data.removedSomewhere, locale),
                  stillOnline: formatCount(content.data.stillOnline, locale),
                })
              : undefined
          }
        />
      </Box>

      <Suspense fallback={<ChartsFallback />}>
        {stats.data && series.data ? (
          <DashboardCharts platforms={chartRows} trend={trend} kmRows={kmRows} kmPlatforms={kmPlatforms} locale={locale} />
        ) : (
          <ChartsFallback />
        )}
      </Suspense>

      {stats.data && <PlatformTable rows={rows} locale={locale} />}
      <OverdueTable filter={filter} locale={locale} />
    </Box>
  );
}

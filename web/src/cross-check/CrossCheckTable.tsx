import InfoOutlinedIcon from '@mui/icons-material/InfoOutlined';
import ReportProblemOutlinedIcon from '@mui/icons-material/ReportProblemOutlined';
import Box from '@mui/material/Box';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TablePagination from '@mui/material/TablePagination';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { Fragment, useState } from 'react';
import { useTranslate } from 'react-admin';
import { useScopeLabel } from './labels';
import { exactly, formatInterval, scopeOf } from './shaping';
import { type CrossCheckRow, type Finding, periodLabel, type PublishedMetric } from '../../../domain/src';

/** Rows per page of one company's table: enough for a few half-years of every requester type. */
const PER_PAGE = 10;
const COLUMNS = 8;

const numberCell = { fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' } as const;

/** A finding in plain words, or (muted, under it) what could explain it. */
function FindingList({ items, kind }: { items: Finding[]; kind: 'finding' | 'explanation' }) {
  const Icon = kind === 'finding' ? ReportProblemOutlinedIcon : InfoOutlinedIcon;
  return (
    <Box component="ul" sx={{ m: 0, p: 0, listStyle: 'none', display: 'flex', flexDirection: 'column', gap: 0.5 }}>
      {items.map((f) => (
        <Box
          component="li"
          key={`${f.code}-${f.message}`}
          data-testid={`cross-check-${kind}`}
          data-code={f.code}
          sx={{ display: 'flex', gap: 1, alignItems: 'flex-start', color: kind === 'finding' ? 'text.primary' : 'text.secondary' }}
        >
          <Icon fontSize="small" color={kind === 'finding' ? 'warning' : 'inherit'} aria-hidden sx={{ mt: '2px' }} />
          <Typography variant="body2" component="span" color="inherit">
            {f.message}
          </Typography>
        </Box>
      ))}
    </Box>
  );
}

type MedianOf = 'medianHoursToConfirmReceipt' | 'kmMedianHoursToConfirmReceipt' | 'medianHoursToGiveEffect' | 'kmMedianHoursToGiveEffect';

/** Each DSA median: the published metric, ours and our Kaplan-Meier median, and its label. */
const MEDIANS: [PublishedMetric, MedianOf, MedianOf, string][] = [
  ['median_hours_to_confirm_receipt', 'medianHoursToConfirmReceipt', 'kmMedianHoursToConfirmReceipt', 'app.cross_check.table.receipt'],
  ['median_hours_to_give_effect', 'medianHoursToGiveEffect', 'kmMedianHoursToGiveEffect', 'app.cross_check.table.effect'],
];

/** The DSA medians the platform published, each beside ours and our Kaplan-Meier median. */
function Medians({ row, locale }: { row: CrossCheckRow; locale: string }) {
  const translate = useTranslate();
  const lines = MEDIANS.filter(([metric]) => row.published[metric]).map(([metric, ours, km, label]) =>
    translate('app.cross_check.table.median_line', {
      label: translate(label),
      published: formatInterval(row.published[metric], locale, 'hours'),
      ours: formatInterval(exactly(row.ours?.[ours]), locale, 'hours'),
      km: formatInterval(exactly(row.ours?.[km]), locale, 'hours'),
    }),
  );
  if (lines.length === 0) return null;
  return (
    <Box data-testid="cross-check-medians">
      <Typography variant="body2" sx={{ fontWeight: 500 }}>
        {translate('app.cross_check.table.medians')}
      </Typography>
      {lines.map((line) => (
        <Typography key={line} variant="body2">
          {line}
        </Typography>
      ))}
    </Box>
  );
}

const hasDetails = (row: CrossCheckRow) => row.findings.length > 0 || MEDIANS.some(([metric]) => row.published[metric]);

function RowDetails({ row, locale }: { row: CrossCheckRow; locale: string }) {
  const translate = useTranslate();
  if (!hasDetails(row)) return null;
  return (
    <TableRow>
      <TableCell colSpan={COLUMNS} sx={{ pt: 0, pb: 1.5, pl: 4 }}>
        <Box sx={{ display: 'flex', flexDirection: 'column', gap: 1 }}>
          <Medians row={row} locale={locale} />
          {row.findings.length > 0 && (
            <Box>
              <Typography variant="body2" sx={{ fontWeight: 500, mb: 0.5 }}>
                {translate('app.cross_check.table.findings')}
              </Typography>
              <FindingList items={row.findings} kind="finding" />
            </Box>
          )}
          {row.explanations.length > 0 && (
            <Box sx={{ pl: 2 }}>
              <Typography variant="caption" color="text.secondary" component="p" sx={{ mb: 0.5 }}>
                {translate('app.cross_check.table.explanations')}
              </Typography>
              <FindingList items={row.explanations} kind="explanation" />
            </Box>
          )}
        </Box>
      </TableCell>
    </TableRow>
  );
}

function FigureRow({ row, locale }: { row: CrossCheckRow; locale: string }) {
  const translate = useTranslate();
  const scopeLabel = useScopeLabel();
  const period = periodLabel({ start: row.periodStart, end: row.periodEnd });
  const platforms = row.ours?.platforms.map((p) => p.name).join(', ');
  // Its details row below belongs to it: no line between them.
  const divider = hasDetails(row) ? { borderBottom: 0 } : {};
  return (
    <TableRow
      data-testid="cross-check-row"
      data-period={period}
      data-findings={row.findings.map((f) => f.code).join(' ')}
      sx={{ '& > td, & > th': divider }}
    >
      <TableCell component="th" scope="row" sx={{ whiteSpace: 'nowrap', fontWeight: 500 }}>
        {period}
      </TableCell>
      <TableCell>
        <Typography variant="body2">{scopeLabel(scopeOf(row))}</Typography>
        <Typography variant="caption" color="text.secondary">
          {platforms ? translate('app.cross_check.table.platforms', { names: platforms }) : translate('app.cross_check.table.no_platform')}
        </Typography>
      </TableCell>
      <TableCell align="right" sx={numberCell} data-cell="published-requests">
        {formatInterval(row.published.requests, locale, 'count')}
      </TableCell>
      <TableCell align="right" sx={numberCell} data-cell="our-requests">
        {formatInterval(exactly(row.ours?.requests), locale, 'count')}
      </TableCell>
      <TableCell align="right" sx={numberCell} data-cell="difference-requests">
        {formatInterval(row.difference.requests, locale, 'count', true)}
      </TableCell>
      <TableCell align="right" sx={numberCell} data-cell="published-removed">
        {formatInterval(row.derived.itemsRemovedPct, locale, 'percent')}
        {row.derived.itemsRemoved && (
          <Typography variant="caption" color="text.secondary" component="div">
            {formatInterval(row.derived.itemsRemoved, locale, 'count')}
          </Typography>
        )}
      </TableCell>
      <TableCell align="right" sx={numberCell} data-cell="our-removed">
        {formatInterval(exactly(row.ours?.itemsRemovedPct), locale, 'percent')}
        {row.ours && row.ours.items > 0 && (
          <Typography variant="caption" color="text.secondary" component="div">
            {formatInterval(exactly(row.ours.itemsRemoved), locale, 'count')}
          </Typography>
        )}
      </TableCell>
      <TableCell align="right" sx={numberCell} data-cell="difference-removed">
        {formatInterval(row.difference.itemsRemovedPctPoints, locale, 'points', true)}
      </TableCell>
    </TableRow>
  );
}

/** One company's or service's rows, newest period first, a page at a time; findings under each row. */
export function CrossCheckTable({ subject, rows, locale }: { subject: string; rows: CrossCheckRow[]; locale: string }) {
  const translate = useTranslate();
  const [page, setPage] = useState(0);
  const shown = rows.slice(page * PER_PAGE, (page + 1) * PER_PAGE);
  const head = (label: string, align: 'left' | 'right' = 'right', title?: string) => (
    <TableCell component="th" scope="col" align={align} title={title}>
      {translate(label)}
    </TableCell>
  );
  return (
    <>
      <TableContainer>
        <Table size="small" aria-label={translate('app.cross_check.table.caption', { subject })} data-testid="cross-check-table">
          <TableHead>
            <TableRow>
              <TableCell colSpan={2} />
              <TableCell component="th" scope="colgroup" colSpan={3} align="center">
                {translate('app.cross_check.table.requests')}
              </TableCell>
              <TableCell component="th" scope="colgroup" colSpan={3} align="center">
                {translate('app.cross_check.table.removed')}
              </TableCell>
            </TableRow>
            <TableRow>
              {head('app.cross_check.table.period', 'left')}
              {head('app.cross_check.table.scope', 'left')}
              {head('app.cross_check.table.published')}
              {head('app.cross_check.table.ours')}
              {head('app.cross_check.table.difference', 'right', translate('app.cross_check.table.difference_hint'))}
              {head('app.cross_check.table.published')}
              {head('app.cross_check.table.ours')}
              {head('app.cross_check.table.difference', 'right', translate('app.cross_check.table.difference_hint'))}
            </TableRow>
          </TableHead>
          <TableBody>
            {shown.map((row) => (
              <Fragment key={JSON.stringify([scopeOf(row).key, row.periodStart, row.periodEnd])}>
                <FigureRow row={row} locale={locale} />
                <RowDetails row={row} locale={locale} />
              </Fragment>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
      {rows.length > PER_PAGE && (
        <TablePagination
          component="div"
          count={rows.length}
          page={page}
          rowsPerPage={PER_PAGE}
          rowsPerPageOptions={[PER_PAGE]}
          onPageChange={(_, p) => setPage(p)}
          labelDisplayedRows={({ from, to, count }) =>
            translate('ra.navigation.page_range_info', { offsetBegin: from, offsetEnd: to, total: count })
          }
          getItemAriaLabel={(type) => translate(`ra.navigation.${type === 'previous' ? 'previous' : type === 'next' ? 'next' : type}`)}
        />
      )}
    </>
  );
}

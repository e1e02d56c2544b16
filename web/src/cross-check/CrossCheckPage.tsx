import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import Accordion from '@mui/material/Accordion';
import AccordionDetails from '@mui/material/AccordionDetails';
import AccordionSummary from '@mui/material/AccordionSummary';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import LinearProgress from '@mui/material/LinearProgress';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { Button, LinkBase, Title, useDataProvider, useStore, useTranslate } from 'react-admin';
import { useCan, useIntlLocale } from '../common/hooks';
import type { TrackerDataProvider } from '../dataProvider';
import { FIGURE_IMPORT_ROUTE } from '../published-figures/routes';
import { DownloadButton } from '../reports/DownloadButton';
import { CrossCheckFilters } from './CrossCheckFilters';
import { CrossCheckTable } from './CrossCheckTable';
import { type CrossCheckFilter, dsaExportQueryString, groupBySubject, type SubjectGroup } from './shaping';
import SubjectCharts from './SubjectCharts';

/** Our orders in the shape of DSA table 3, for the chosen platform and period (fetched with the token). */
function DsaExportButton({ filter }: { filter: CrossCheckFilter }) {
  const dataProvider = useDataProvider<TrackerDataProvider>();
  return (
    <DownloadButton
      label="app.cross_check.download_dsa"
      fetchFile={() => dataProvider.downloadFile(`/cross-check/dsa-table3.csv${dsaExportQueryString(filter)}`)}
      fileName="dsa-table3-our-orders.csv"
      failure="app.cross_check.download_failed"
      testId="cross-check-dsa-export"
    />
  );
}

/** One company or service: its name, how many findings, then its charts and its rows. */
function SubjectSection({ group, expanded, locale }: { group: SubjectGroup; expanded: boolean; locale: string }) {
  const translate = useTranslate();
  return (
    <Accordion
      defaultExpanded={expanded}
      slotProps={{ transition: { unmountOnExit: true } }}
      data-testid="cross-check-subject"
      data-subject={group.subject}
      disableGutters
      variant="outlined"
    >
      <AccordionSummary expandIcon={<ExpandMoreIcon />}>
        <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
          <Typography variant="h6" component="h2">
            {group.subject}
          </Typography>
          <Typography variant="body2" color="text.secondary">
            {translate(`app.figures.subject_kind.${group.subjectKind}`)} ·{' '}
            {translate('app.cross_check.periods_count', { smart_count: group.rows.length })}
          </Typography>
          <Chip
            size="small"
            color={group.findings > 0 ? 'warning' : 'default'}
            variant={group.findings > 0 ? 'filled' : 'outlined'}
            label={
              group.findings > 0
                ? translate('app.cross_check.findings_count', { smart_count: group.findings })
                : translate('app.cross_check.no_findings')
            }
          />
        </Stack>
      </AccordionSummary>
      <AccordionDetails sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
        <SubjectCharts series={group.series} locale={locale} />
        <CrossCheckTable subject={group.subject} rows={group.rows} locale={locale} />
      </AccordionDetails>
    </Accordion>
  );
}

function NothingPublished() {
  const translate = useTranslate();
  const mayImport = useCan('figures:write');
  return (
    <Paper variant="outlined" sx={{ p: 3, textAlign: 'center' }} data-testid="cross-check-empty">
      <Typography>{translate('app.cross_check.empty')}</Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
        {translate('app.cross_check.empty_hint')}
      </Typography>
      {mayImport && (
        <Button component={LinkBase} to={FIGURE_IMPORT_ROUTE} label="app.cross_check.import_link" variant="outlined" sx={{ mt: 2 }}>
          <UploadFileIcon />
        </Button>
      )}
    </Paper>
  );
}

/** Up to this many companies open at once; past it only the first, so that a long page stays readable. */
const OPEN_SUBJECTS = 3;

/**
 * The cross-check: what the platforms published about requests they received, beside what our ledger
 * holds for the same scope, grouped by company or service, with the findings in the reader's language.
 */
export default function CrossCheckPage() {
  const translate = useTranslate();
  const locale = useIntlLocale();
  const dataProvider = useDataProvider<TrackerDataProvider>();
  const [filter, setFilter] = useStore<CrossCheckFilter>('crossCheck.filter', {});
  const rows = useQuery({
    queryKey: ['cross-check', filter, locale],
    queryFn: () => dataProvider.getCrossCheck(filter, locale),
    placeholderData: keepPreviousData,
  });
  const groups = useMemo(() => groupBySubject(rows.data ?? []), [rows.data]);

  return (
    <Box sx={{ py: 2, display: 'flex', flexDirection: 'column', gap: 2 }} data-testid="cross-check">
      <Title title="app.cross_check.title" />
      <Box>
        <Typography variant="h5" component="h1">
          {translate('app.cross_check.heading')}
        </Typography>
        <Typography variant="body2" color="text.secondary" sx={{ maxWidth: '90ch' }}>
          {translate('app.cross_check.intro')}
        </Typography>
      </Box>
      <CrossCheckFilters filter={filter} onChange={setFilter} />
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ alignItems: { md: 'center' } }}>
        <DsaExportButton filter={filter} />
        <Typography variant="caption" color="text.secondary" sx={{ maxWidth: '80ch' }}>
          {translate('app.cross_check.download_dsa_hint')}
        </Typography>
      </Stack>
      <Alert severity="info" variant="outlined">
        {translate('app.cross_check.gap_note')}
      </Alert>
      {rows.isFetching && <LinearProgress aria-label={translate('ra.page.loading')} />}
      {rows.error && <Alert severity="error">{translate('app.common.loading_error')}</Alert>}
      {rows.data && groups.length === 0 && <NothingPublished />}
      <Box aria-live="polite" sx={{ display: 'flex', flexDirection: 'column', gap: 1 }}>
        {groups.map((group, i) => (
          <SubjectSection
            key={`${group.subject}|${group.subjectKind}`}
            group={group}
            expanded={i === 0 || groups.length <= OPEN_SUBJECTS}
            locale={locale}
          />
        ))}
      </Box>
    </Box>
  );
}

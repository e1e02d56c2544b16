import { REQUEST_CSV_COLUMNS } from '../../../domain/src';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import MuiButton from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useDataProvider, useTranslate } from 'react-admin';
import { useIntlLocale } from '../common/hooks';
import type { TrackerDataProvider } from '../dataProvider';
import { DownloadButton } from '../reports/DownloadButton';
import { FileChoice, HelpPoints, ImportLayout, SectionCard, StartButton } from './ImportScreen';
import { FailedAlert, ImportedAlert, RejectedResult } from './results';
import { type ImportOutcome, progressPercent } from './shaping';
import { mono } from './styles';
import { useUpload } from './useUpload';
import { ENUMS } from '../../../domain/src';

/** The columns whose cells take one of a fixed list of values, and the vocabulary each uses. */
const ENUM_COLUMNS = [
  ['type', 'type'],
  ['category', 'category'],
  ['channel', 'channel'],
  ['status', 'status'],
  ['outcome', 'outcome'],
  ['itemState', 'itemState'],
] as const;

function FormatHelp() {
  const translate = useTranslate();
  const dataProvider = useDataProvider<TrackerDataProvider>();
  return (
    <SectionCard titleId="import-format-title" title="app.import.format.title" testId="import-format">
      <Typography variant="body2">{translate('app.import.format.header')}</Typography>
      <Box
        component="pre"
        sx={{ ...mono, whiteSpace: 'pre-wrap', wordBreak: 'break-all', bgcolor: 'action.hover', p: 1, borderRadius: 1, my: 1 }}
      >
        {REQUEST_CSV_COLUMNS.join(',')}
      </Box>
      <HelpPoints prefix="app.import.format" keys={['rows', 'encoding', 'names', 'times', 'status', 'timeline', 'idempotent', 'atomic']} />
      <DownloadButton
        label="app.import.template"
        fetchFile={() => dataProvider.downloadImportTemplate()}
        fileName="requests-import-template.csv"
        failure="app.import.template_failed"
        testId="import-template"
      />
      <Typography variant="subtitle2" component="h3" sx={{ mt: 2 }}>
        {translate('app.import.format.values')}
      </Typography>
      <Table size="small" aria-label={translate('app.import.format.values')}>
        <TableHead>
          <TableRow>
            <TableCell>{translate('app.import.format.column')}</TableCell>
            <TableCell>{translate('app.import.format.allowed')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {ENUM_COLUMNS.map(([column, enumName]) => (
            <TableRow key={column}>
              <TableCell sx={{ ...mono, verticalAlign: 'top', whiteSpace: 'nowrap' }}>{column}</TableCell>
              <TableCell>
                <Box component="ul" sx={{ display: 'flex', flexWrap: 'wrap', columnGap: 1.5, rowGap: 0.25, m: 0, p: 0, listStyle: 'none' }}>
                  {ENUMS[enumName].map((value) => (
                    <Box component="li" key={value}>
                      <Box component="code" sx={mono}>
                        {value}
                      </Box>{' '}
                      <Box component="span" sx={{ color: 'text.secondary', fontSize: '0.9em' }}>
                        ({translate(`enums.${enumName}.${value}`)})
                      </Box>
                    </Box>
                  ))}
                </Box>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </SectionCard>
  );
}

function Result({ outcome, attempt, onAnother }: { outcome: ImportOutcome; attempt: number; onAnother: () => void }) {
  const translate = useTranslate();
  if (outcome.kind === 'imported') {
    return (
      <ImportedAlert
        title="app.import.result_title"
        summary={translate('app.import.created', { smart_count: outcome.created, skipped: outcome.skipped })}
        view={{ label: 'app.import.view_requests', to: '/requests', testId: 'import-view-requests' }}
        onAnother={onAnother}
        data-testid="import-result"
        data-attempt={attempt}
        data-created={outcome.created}
        data-skipped={outcome.skipped}
      >
        {outcome.skipped > 0 && (
          <Typography variant="body2" sx={{ mt: 0.5 }}>
            {translate('app.import.skipped_hint')}
          </Typography>
        )}
      </ImportedAlert>
    );
  }
  if (outcome.kind === 'rejected') {
    return <RejectedResult rows={outcome.rows} errors={outcome.errors} data-testid="import-result" data-attempt={attempt} />;
  }
  return (
    <FailedAlert message={outcome.message} data-testid="import-result" data-attempt={attempt} data-failed={outcome.reason}>
      {translate(`app.import.failed.${outcome.reason}`)}
    </FailedAlert>
  );
}

/**
 * Import requests from a CSV file: the file goes up as the body of POST /api/imports/requests with its
 * progress shown, then the API's answer: how many requests were created and skipped, or every error
 * with its line (and then nothing was imported: the import is all or nothing).
 */
export function ImportPage() {
  const translate = useTranslate();
  const locale = useIntlLocale();
  const dataProvider = useDataProvider<TrackerDataProvider>();
  const { file, phase, attempts, busy, canStart, inputRef, choose, start, cancel, reset } = useUpload(
    (chosen, options) => dataProvider.importRequests(chosen, options),
    (outcome: ImportOutcome) => outcome.kind === 'imported' && outcome.created > 0,
  );

  const percent = phase.step === 'uploading' ? progressPercent(phase.loaded, phase.total) : null;

  return (
    <ImportLayout title="app.import.title" intro="app.import.intro" introWidth="70ch" aside={<FormatHelp />}>
      <SectionCard titleId="import-upload-title" title="app.import.upload_title">
        <FileChoice file={file} inputRef={inputRef} disabled={busy} onChoose={choose} />
        <Stack direction="row" spacing={1} sx={{ mt: 2, alignItems: 'center' }}>
          <StartButton onStart={start} disabled={!canStart} attempts={attempts} />
          {phase.step === 'uploading' && (
            <MuiButton onClick={cancel} data-testid="import-cancel">
              {translate('app.import.cancel')}
            </MuiButton>
          )}
        </Stack>

        <Box sx={{ mt: 2 }}>
          {busy && (
            <Box data-testid="import-progress" data-step={phase.step}>
              <LinearProgress
                variant={percent === null ? 'indeterminate' : 'determinate'}
                value={percent ?? undefined}
                aria-label={translate('app.import.progress_label')}
                sx={{ height: 8, borderRadius: 1 }}
              />
              <Typography role="status" variant="body2" color="text.secondary" sx={{ mt: 0.5 }}>
                {phase.step === 'uploading'
                  ? translate('app.import.uploading', {
                      percent: new Intl.NumberFormat(locale, { style: 'percent' }).format((percent ?? 0) / 100),
                    })
                  : translate('app.import.processing')}
              </Typography>
            </Box>
          )}
          {phase.step === 'cancelled' && <Alert severity="info">{translate('app.import.cancelled')}</Alert>}
          {phase.step === 'done' && <Result outcome={phase.outcome} attempt={attempts} onAnother={reset} />}
        </Box>
      </SectionCard>
    </ImportLayout>
  );
}

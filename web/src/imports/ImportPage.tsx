import { REQUEST_CSV_COLUMNS } from '../../../domain/src';
import CheckCircleOutlineIcon from '@mui/icons-material/CheckCircleOutlineOutlined';
import DownloadIcon from '@mui/icons-material/Download';
import ListIcon from '@mui/icons-material/List';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import MuiButton from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import { Button, LinkBase, Title, useDataProvider, useLogoutIfAccessDenied, useNotify, useTranslate } from 'react-admin';
import { useIntlLocale } from '../common/hooks';
import type { TrackerDataProvider } from '../dataProvider';
import { saveBlob } from '../reports/download';
import { ErrorTable } from './ErrorTable';
import { FileDropZone } from './FileDropZone';
import { formatBytes, type ImportOutcome, progressPercent } from './shaping';
import { UploadCancelled } from './upload';
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

type Phase =
  | { step: 'idle' }
  | { step: 'uploading'; loaded: number; total: number }
  | { step: 'processing' }
  | { step: 'done'; outcome: ImportOutcome }
  | { step: 'cancelled' };

const mono = { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace', fontSize: '0.85em' };

function FormatHelp() {
  const translate = useTranslate();
  const dataProvider = useDataProvider<TrackerDataProvider>();
  const notify = useNotify();
  const [busy, setBusy] = useState(false);
  const download = async () => {
    setBusy(true);
    try {
      saveBlob(await dataProvider.downloadImportTemplate(), 'requests-import-template.csv');
    } catch {
      notify('app.import.template_failed', { type: 'error' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card component="section" aria-labelledby="import-format-title" data-testid="import-format">
      <CardContent>
        <Typography variant="h6" component="h2" id="import-format-title" gutterBottom>
          {translate('app.import.format.title')}
        </Typography>
        <Typography variant="body2">{translate('app.import.format.header')}</Typography>
        <Box
          component="pre"
          sx={{ ...mono, whiteSpace: 'pre-wrap', wordBreak: 'break-all', bgcolor: 'action.hover', p: 1, borderRadius: 1, my: 1 }}
        >
          {REQUEST_CSV_COLUMNS.join(',')}
        </Box>
        <Box component="ul" sx={{ pl: 2.5, my: 1, '& li': { typography: 'body2', mb: 0.75 } }}>
          {(['rows', 'encoding', 'names', 'times', 'status', 'timeline', 'idempotent', 'atomic'] as const).map((key) => (
            <li key={key}>{translate(`app.import.format.${key}`)}</li>
          ))}
        </Box>
        <Button label="app.import.template" onClick={download} disabled={busy} variant="outlined" data-testid="import-template">
          <DownloadIcon />
        </Button>
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
                  <Box
                    component="ul"
                    sx={{ display: 'flex', flexWrap: 'wrap', columnGap: 1.5, rowGap: 0.25, m: 0, p: 0, listStyle: 'none' }}
                  >
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
      </CardContent>
    </Card>
  );
}

function Result({ outcome, attempt, onAnother }: { outcome: ImportOutcome; attempt: number; onAnother: () => void }) {
  const translate = useTranslate();
  if (outcome.kind === 'imported') {
    return (
      <Alert
        severity="success"
        icon={<CheckCircleOutlineIcon />}
        data-testid="import-result"
        data-attempt={attempt}
        data-created={outcome.created}
        data-skipped={outcome.skipped}
      >
        <AlertTitle>{translate('app.import.result_title')}</AlertTitle>
        <Typography data-testid="import-summary" sx={{ fontWeight: 500 }}>
          {translate('app.import.created', { smart_count: outcome.created, skipped: outcome.skipped })}
        </Typography>
        {outcome.skipped > 0 && (
          <Typography variant="body2" sx={{ mt: 0.5 }}>
            {translate('app.import.skipped_hint')}
          </Typography>
        )}
        <Stack direction="row" spacing={1} sx={{ mt: 1.5, flexWrap: 'wrap' }}>
          <Button
            component={LinkBase}
            label="app.import.view_requests"
            to="/requests"
            variant="contained"
            data-testid="import-view-requests"
          >
            <ListIcon />
          </Button>
          <Button label="app.import.another" onClick={onAnother}>
            <UploadFileIcon />
          </Button>
        </Stack>
      </Alert>
    );
  }
  if (outcome.kind === 'rejected') {
    return (
      <Box data-testid="import-result" data-attempt={attempt} data-rejected={outcome.rows}>
        <Alert severity="error" sx={{ mb: 2 }}>
          <AlertTitle>{translate('app.import.rejected_title')}</AlertTitle>
          <span data-testid="import-rejected">{translate('app.import.rejected', { smart_count: outcome.rows })}</span>
        </Alert>
        <ErrorTable errors={outcome.errors} />
      </Box>
    );
  }
  return (
    <Alert severity="error" data-testid="import-result" data-attempt={attempt} data-failed={outcome.reason}>
      <AlertTitle>{translate('app.import.failed_title')}</AlertTitle>
      {translate(`app.import.failed.${outcome.reason}`)}
      {outcome.message && (
        <Typography variant="body2" sx={{ mt: 0.5, overflowWrap: 'anywhere' }}>
          {translate('app.import.server_said', { message: outcome.message })}
        </Typography>
      )}
    </Alert>
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
  const queryClient = useQueryClient();
  const logoutIfAccessDenied = useLogoutIfAccessDenied();
  const inputId = useId();
  const statusId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const abortRef = useRef<AbortController | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const [phase, setPhase] = useState<Phase>({ step: 'idle' });
  // Each start counts, so that a result can be told from the previous one (same file imported twice).
  const [attempts, setAttempts] = useState(0);

  useEffect(() => () => abortRef.current?.abort(), []);

  const busy = phase.step === 'uploading' || phase.step === 'processing';

  const choose = (chosen: File | null | undefined) => {
    if (busy) return;
    setFile(chosen ?? null);
    setPhase({ step: 'idle' });
  };

  const start = async () => {
    if (!file || file.size === 0 || busy) return;
    const controller = new AbortController();
    abortRef.current = controller;
    setAttempts((n) => n + 1);
    setPhase({ step: 'uploading', loaded: 0, total: file.size });
    try {
      const outcome = await dataProvider.importRequests(file, {
        signal: controller.signal,
        onProgress: ({ loaded, total }) =>
          !controller.signal.aborted && setPhase((p) => (p.step === 'uploading' ? { step: 'uploading', loaded, total } : p)),
        onUploaded: () => !controller.signal.aborted && setPhase({ step: 'processing' }),
      });
      if (controller.signal.aborted) return;
      setPhase({ step: 'done', outcome });
      if (outcome.kind === 'imported' && outcome.created > 0) await queryClient.invalidateQueries();
      if (outcome.kind === 'failed' && outcome.reason === 'auth') await logoutIfAccessDenied({ status: 401 });
    } catch (error) {
      if (error instanceof UploadCancelled) setPhase({ step: 'cancelled' });
      else setPhase({ step: 'done', outcome: { kind: 'failed', reason: 'network', status: 0, message: '' } });
    } finally {
      if (abortRef.current === controller) abortRef.current = null;
    }
  };

  const reset = () => {
    setFile(null);
    setPhase({ step: 'idle' });
    if (inputRef.current) {
      inputRef.current.value = '';
      inputRef.current.focus();
    }
  };

  const percent = phase.step === 'uploading' ? progressPercent(phase.loaded, phase.total) : null;

  return (
    <Box sx={{ mt: 2, mb: 4 }}>
      <Title title="app.import.title" />
      <Typography variant="body1" sx={{ mb: 2, maxWidth: '70ch' }}>
        {translate('app.import.intro')}
      </Typography>
      <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', lg: 'minmax(0, 7fr) minmax(0, 5fr)' }, alignItems: 'start' }}>
        <Card component="section" aria-labelledby="import-upload-title">
          <CardContent>
            <Typography variant="h6" component="h2" id="import-upload-title" gutterBottom>
              {translate('app.import.upload_title')}
            </Typography>
            <FileDropZone inputId={inputId} inputRef={inputRef} describedBy={statusId} disabled={busy} onChoose={choose} />
            <Typography id={statusId} variant="body2" sx={{ mt: 1.5, overflowWrap: 'anywhere' }} data-testid="import-file-name">
              {file
                ? translate('app.import.selected', { name: file.name, size: formatBytes(file.size, locale) })
                : translate('app.import.no_file')}
            </Typography>
            {file && file.size === 0 && (
              <Alert severity="warning" sx={{ mt: 1 }}>
                {translate('app.import.empty_file')}
              </Alert>
            )}
            <Stack direction="row" spacing={1} sx={{ mt: 2, alignItems: 'center' }}>
              <MuiButton
                variant="contained"
                onClick={start}
                disabled={!file || file.size === 0 || busy}
                startIcon={<UploadFileIcon />}
                data-testid="import-start"
                data-attempts={attempts}
              >
                {translate('app.import.start')}
              </MuiButton>
              {phase.step === 'uploading' && (
                <MuiButton onClick={() => abortRef.current?.abort()} data-testid="import-cancel">
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
          </CardContent>
        </Card>
        <FormatHelp />
      </Box>
    </Box>
  );
}

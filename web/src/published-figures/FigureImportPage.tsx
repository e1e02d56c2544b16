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
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import { Button, LinkBase, Title, useDataProvider, useLogoutIfAccessDenied, useNotify, useTranslate } from 'react-admin';
import { useIntlLocale } from '../common/hooks';
import type { TrackerDataProvider } from '../dataProvider';
import { ErrorTable } from '../imports/ErrorTable';
import { FileDropZone } from '../imports/FileDropZone';
import { formatBytes } from '../imports/shaping';
import { UploadCancelled } from '../imports/upload';
import { saveBlob } from '../reports/download';
import type { ExpectedFormat, FigureImportOutcome } from './shaping';

type Phase = { step: 'idle' } | { step: 'working' } | { step: 'done'; outcome: FigureImportOutcome };

const mono = { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace', fontSize: '0.85em' };

/** The files the importer recognises, and the template of the tracker's own CSV. */
function FormatsHelp() {
  const translate = useTranslate();
  const dataProvider = useDataProvider<TrackerDataProvider>();
  const notify = useNotify();
  const [busy, setBusy] = useState(false);
  const download = async () => {
    setBusy(true);
    try {
      saveBlob(await dataProvider.downloadFile('/published-figures/template.csv'), 'published-figures-template.csv');
    } catch {
      notify('app.figures.import.formats.template_failed', { type: 'error' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card component="section" aria-labelledby="figure-formats-title" data-testid="figure-formats">
      <CardContent>
        <Typography variant="h6" component="h2" id="figure-formats-title" gutterBottom>
          {translate('app.figures.import.formats.title')}
        </Typography>
        <Box component="ul" sx={{ pl: 2.5, my: 1, '& li': { typography: 'body2', mb: 0.75 } }}>
          {(['google', 'dsa', 'tracker', 'atomic'] as const).map((key) => (
            <li key={key}>{translate(`app.figures.import.formats.${key}`)}</li>
          ))}
        </Box>
        <Button label="app.figures.import.formats.template" onClick={download} disabled={busy} variant="outlined">
          <DownloadIcon />
        </Button>
      </CardContent>
    </Card>
  );
}

/** The header line each format needs, for a file the importer did not recognise. */
function ExpectedHeaders({ expected }: { expected: ExpectedFormat[] }) {
  const translate = useTranslate();
  return (
    <Box component="ul" sx={{ pl: 2.5, mt: 1, mb: 0 }} data-testid="figure-import-expected">
      {expected.map((f) => (
        <Box component="li" key={f.format} data-format={f.format} sx={{ mb: 1 }}>
          <Typography variant="body2" sx={{ fontWeight: 500 }}>
            {translate(`app.figures.source.${f.format}`, { _: f.format })}
          </Typography>
          <Box component="code" sx={{ ...mono, display: 'block', whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {f.headers.join(',')}
          </Box>
        </Box>
      ))}
    </Box>
  );
}

function Result({ outcome, attempt, onAnother }: { outcome: FigureImportOutcome; attempt: number; onAnother: () => void }) {
  const translate = useTranslate();
  const common = { 'data-testid': 'import-result', 'data-attempt': attempt, 'data-kind': outcome.kind };
  if (outcome.kind === 'imported') {
    return (
      <Alert
        severity="success"
        icon={<CheckCircleOutlineIcon />}
        {...common}
        data-read={outcome.read}
        data-added={outcome.added}
        data-revised={outcome.revised}
        data-unchanged={outcome.unchanged}
      >
        <AlertTitle>{translate('app.figures.import.result_title')}</AlertTitle>
        <Typography sx={{ fontWeight: 500 }} data-testid="import-summary">
          {translate('app.figures.import.summary', outcome)}
        </Typography>
        {outcome.format && (
          <Typography variant="body2">
            {translate('app.figures.import.format_read', { format: translate(`app.figures.source.${outcome.format}`) })}
          </Typography>
        )}
        {outcome.revised > 0 && <Typography variant="body2">{translate('app.figures.import.revised_hint')}</Typography>}
        <Stack direction="row" spacing={1} sx={{ mt: 1.5, flexWrap: 'wrap' }}>
          <Button component={LinkBase} label="app.figures.import.view_figures" to="/published-figures" variant="contained">
            <ListIcon />
          </Button>
          <Button label="app.import.another" onClick={onAnother}>
            <UploadFileIcon />
          </Button>
        </Stack>
      </Alert>
    );
  }
  if (outcome.kind === 'unknown_format') {
    return (
      <Alert severity="error" {...common}>
        <AlertTitle>{translate('app.figures.import.unknown_format_title')}</AlertTitle>
        {translate('app.figures.import.unknown_format')}
        <ExpectedHeaders expected={outcome.expected} />
      </Alert>
    );
  }
  if (outcome.kind === 'rejected') {
    return (
      <Box {...common} data-rejected={outcome.rows}>
        <Alert severity="error" sx={{ mb: 2 }}>
          <AlertTitle>{translate('app.import.rejected_title')}</AlertTitle>
          <span data-testid="import-rejected">{translate('app.import.rejected', { smart_count: outcome.rows })}</span>
        </Alert>
        <ErrorTable errors={outcome.errors} />
      </Box>
    );
  }
  return (
    <Alert severity="error" {...common} data-failed={outcome.reason}>
      <AlertTitle>{translate('app.import.failed_title')}</AlertTitle>
      {translate(`app.figures.import.failed.${outcome.reason}`)}
      {outcome.message && (
        <Typography variant="body2" sx={{ mt: 0.5, overflowWrap: 'anywhere' }}>
          {translate('app.import.server_said', { message: outcome.message })}
        </Typography>
      )}
    </Alert>
  );
}

/**
 * Import what a platform published (its transparency report's CSV): the file goes up as the body of
 * POST /api/published-figures/import, with who published it and where it was downloaded; the answer
 * says how many figures were added, revised or already there, or why nothing was imported.
 */
export function FigureImportPage() {
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
  const [publisher, setPublisher] = useState('');
  const [sourceUrl, setSourceUrl] = useState('');
  const [phase, setPhase] = useState<Phase>({ step: 'idle' });
  // Each start counts, so that a result can be told from the previous one (the same file twice).
  const [attempts, setAttempts] = useState(0);

  useEffect(() => () => abortRef.current?.abort(), []);

  const busy = phase.step === 'working';

  const choose = (chosen: File | undefined) => {
    if (busy) return;
    setFile(chosen ?? null);
    setPhase({ step: 'idle' });
  };

  const start = async () => {
    if (!file || file.size === 0 || busy) return;
    const controller = new AbortController();
    abortRef.current = controller;
    setAttempts((n) => n + 1);
    setPhase({ step: 'working' });
    try {
      const outcome = await dataProvider.importPublishedFigures(file, { publisher, sourceUrl }, { signal: controller.signal });
      if (controller.signal.aborted) return;
      setPhase({ step: 'done', outcome });
      if (outcome.kind === 'imported' && outcome.added + outcome.revised > 0) await queryClient.invalidateQueries();
      if (outcome.kind === 'failed' && outcome.reason === 'auth') await logoutIfAccessDenied({ status: 401 });
    } catch (error) {
      if (!(error instanceof UploadCancelled))
        setPhase({ step: 'done', outcome: { kind: 'failed', reason: 'network', status: 0, message: '' } });
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

  return (
    <Box sx={{ mt: 2, mb: 4 }}>
      <Title title="app.figures.import.title" />
      <Typography variant="body1" sx={{ mb: 2, maxWidth: '80ch' }}>
        {translate('app.figures.import.intro')}
      </Typography>
      <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', lg: 'minmax(0, 7fr) minmax(0, 5fr)' }, alignItems: 'start' }}>
        <Card component="section" aria-labelledby="figure-upload-title">
          <CardContent sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
            <Typography variant="h6" component="h2" id="figure-upload-title">
              {translate('app.import.upload_title')}
            </Typography>
            <TextField
              id="figure-import-source-url"
              label={translate('app.figures.import.source_url')}
              helperText={translate('app.figures.import.source_url_hint')}
              value={sourceUrl}
              onChange={(e) => setSourceUrl(e.target.value)}
              disabled={busy}
              size="small"
              fullWidth
            />
            <TextField
              id="figure-import-publisher"
              label={translate('app.figures.import.publisher')}
              helperText={translate('app.figures.import.publisher_hint')}
              value={publisher}
              onChange={(e) => setPublisher(e.target.value)}
              disabled={busy}
              size="small"
              sx={{ maxWidth: 360 }}
            />
            <FileDropZone inputId={inputId} inputRef={inputRef} describedBy={statusId} disabled={busy} onChoose={choose} />
            <Typography id={statusId} variant="body2" sx={{ overflowWrap: 'anywhere' }} data-testid="import-file-name">
              {file
                ? translate('app.import.selected', { name: file.name, size: formatBytes(file.size, locale) })
                : translate('app.import.no_file')}
            </Typography>
            {file && file.size === 0 && <Alert severity="warning">{translate('app.import.empty_file')}</Alert>}
            <Box>
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
            </Box>
            {busy && (
              <Box data-testid="import-progress">
                <LinearProgress aria-label={translate('app.import.progress_label')} />
                <Typography role="status" variant="body2" color="text.secondary" sx={{ mt: 0.5 }}>
                  {translate('app.figures.import.processing')}
                </Typography>
              </Box>
            )}
            {phase.step === 'done' && <Result outcome={phase.outcome} attempt={attempts} onAnother={reset} />}
          </CardContent>
        </Card>
        <FormatsHelp />
      </Box>
    </Box>
  );
}

import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import LinearProgress from '@mui/material/LinearProgress';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useDataProvider, useTranslate } from 'react-admin';
import type { TrackerDataProvider } from '../dataProvider';
import { FileChoice, HelpPoints, ImportLayout, SectionCard, StartButton } from '../imports/ImportScreen';
import { FailedAlert, ImportedAlert, RejectedResult } from '../imports/results';
import { mono } from '../imports/styles';
import { useUpload } from '../imports/useUpload';
import { DownloadButton } from '../reports/DownloadButton';
import type { ExpectedFormat, FigureImportOutcome } from './shaping';

/** The files the importer recognises, and the template of the tracker's own CSV. */
function FormatsHelp() {
  const dataProvider = useDataProvider<TrackerDataProvider>();
  return (
    <SectionCard titleId="figure-formats-title" title="app.figures.import.formats.title" testId="figure-formats">
      <HelpPoints prefix="app.figures.import.formats" keys={['google', 'dsa', 'tracker', 'atomic']} />
      <DownloadButton
        label="app.figures.import.formats.template"
        fetchFile={() => dataProvider.downloadFile('/published-figures/template.csv')}
        fileName="published-figures-template.csv"
        failure="app.figures.import.formats.template_failed"
      />
    </SectionCard>
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
      <ImportedAlert
        title="app.figures.import.result_title"
        summary={translate('app.figures.import.summary', outcome)}
        view={{ label: 'app.figures.import.view_figures', to: '/published-figures' }}
        onAnother={onAnother}
        {...common}
        data-read={outcome.read}
        data-added={outcome.added}
        data-revised={outcome.revised}
        data-unchanged={outcome.unchanged}
      >
        {outcome.format && (
          <Typography variant="body2">
            {translate('app.figures.import.format_read', { format: translate(`app.figures.source.${outcome.format}`) })}
          </Typography>
        )}
        {outcome.revised > 0 && <Typography variant="body2">{translate('app.figures.import.revised_hint')}</Typography>}
      </ImportedAlert>
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
    return <RejectedResult rows={outcome.rows} errors={outcome.errors} {...common} />;
  }
  return (
    <FailedAlert message={outcome.message} {...common} data-failed={outcome.reason}>
      {translate(`app.figures.import.failed.${outcome.reason}`)}
    </FailedAlert>
  );
}

/**
 * Import what a platform published (its transparency report's CSV): the file goes up as the body of
 * POST /api/published-figures/import, with who published it and where it was downloaded; the answer
 * says how many figures were added, revised or already there, or why nothing was imported.
 */
export function FigureImportPage() {
  const translate = useTranslate();
  const dataProvider = useDataProvider<TrackerDataProvider>();
  const [publisher, setPublisher] = useState('');
  const [sourceUrl, setSourceUrl] = useState('');
  // No progress here: the page shows one "working" state until the answer (or an abort, when it goes away).
  const { file, phase, attempts, busy, canStart, inputRef, choose, start, reset } = useUpload(
    (chosen, { signal }) => dataProvider.importPublishedFigures(chosen, { publisher, sourceUrl }, { signal }),
    (outcome: FigureImportOutcome) => outcome.kind === 'imported' && outcome.added + outcome.revised > 0,
  );

  return (
    <ImportLayout title="app.figures.import.title" intro="app.figures.import.intro" introWidth="80ch" aside={<FormatsHelp />}>
      <SectionCard
        titleId="figure-upload-title"
        title="app.import.upload_title"
        gutterBottom={false}
        contentSx={{ display: 'flex', flexDirection: 'column', gap: 2 }}
      >
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
        <FileChoice file={file} inputRef={inputRef} disabled={busy} onChoose={choose} spaced />
        <Box>
          <StartButton onStart={start} disabled={!canStart} attempts={attempts} />
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
      </SectionCard>
    </ImportLayout>
  );
}

import CheckCircleOutlineIcon from '@mui/icons-material/CheckCircleOutlineOutlined';
import ListIcon from '@mui/icons-material/List';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { Button, LinkBase, useTranslate } from 'react-admin';
import { ErrorTable } from './ErrorTable';
import type { ImportRowError } from './shaping';

/** The data-* attributes a result carries for the tests (which attempt, what came of it). */
export type DataAttributes = { [name: `data-${string}`]: string | number | undefined };

/**
 * A file imported: the screen's title (a translation key), its summary (text), its hints (`children`), then a
 * link to the list it filled (`view`: label, route, and a data-testid if the tests need one) and "import another".
 */
export function ImportedAlert({
  title,
  summary,
  view,
  onAnother,
  children,
  ...data
}: {
  title: string;
  summary: string;
  view: { label: string; to: string; testId?: string };
  onAnother: () => void;
  children?: ReactNode;
} & DataAttributes) {
  const translate = useTranslate();
  return (
    <Alert severity="success" icon={<CheckCircleOutlineIcon />} {...data}>
      <AlertTitle>{translate(title)}</AlertTitle>
      <Typography data-testid="import-summary" sx={{ fontWeight: 500 }}>
        {summary}
      </Typography>
      {children}
      <Stack direction="row" spacing={1} sx={{ mt: 1.5, flexWrap: 'wrap' }}>
        <Button component={LinkBase} label={view.label} to={view.to} variant="contained" data-testid={view.testId}>
          <ListIcon />
        </Button>
        <Button label="app.import.another" onClick={onAnother}>
          <UploadFileIcon />
        </Button>
      </Stack>
    </Alert>
  );
}

/** A file refused for errors in its rows (then nothing was imported): how many lines, and every error. */
export function RejectedResult({ rows, errors, ...data }: { rows: number; errors: ImportRowError[] } & DataAttributes) {
  const translate = useTranslate();
  return (
    <Box {...data} data-rejected={rows}>
      <Alert severity="error" sx={{ mb: 2 }}>
        <AlertTitle>{translate('app.import.rejected_title')}</AlertTitle>
        <span data-testid="import-rejected">{translate('app.import.rejected', { smart_count: rows })}</span>
      </Alert>
      <ErrorTable errors={errors} />
    </Box>
  );
}

/** An import that did not go through: why, in the screen's own words (`children`), and what the server said, if anything. */
export function FailedAlert({ message, children, ...data }: { message: string; children: ReactNode } & DataAttributes) {
  const translate = useTranslate();
  return (
    <Alert severity="error" {...data}>
      <AlertTitle>{translate('app.import.failed_title')}</AlertTitle>
      {children}
      {message && (
        <Typography variant="body2" sx={{ mt: 0.5, overflowWrap: 'anywhere' }}>
          {translate('app.import.server_said', { message })}
        </Typography>
      )}
    </Alert>
  );
}

import UploadFileIcon from '@mui/icons-material/UploadFile';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import MuiButton from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import type { SxProps, Theme } from '@mui/material/styles';
import Typography from '@mui/material/Typography';
import { type ReactNode, type RefObject, useId } from 'react';
import { Title, useTranslate } from 'react-admin';
import { useIntlLocale } from '../common/hooks';
import { FileDropZone } from './FileDropZone';
import { formatBytes } from './shaping';

/** An import screen: its title, a line on what it does, then the upload card beside the help card (`aside`). */
export function ImportLayout({
  title,
  intro,
  introWidth,
  aside,
  children,
}: {
  title: string;
  intro: string;
  introWidth: string;
  aside: ReactNode;
  children: ReactNode;
}) {
  const translate = useTranslate();
  return (
    <Box sx={{ mt: 2, mb: 4 }}>
      <Title title={title} />
      <Typography variant="body1" sx={{ mb: 2, maxWidth: introWidth }}>
        {translate(intro)}
      </Typography>
      <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', lg: 'minmax(0, 7fr) minmax(0, 5fr)' }, alignItems: 'start' }}>
        {children}
        {aside}
      </Box>
    </Box>
  );
}

/** A card of an import screen, a section named by its heading (`title`, a translation key). */
export function SectionCard({
  titleId,
  title,
  testId,
  gutterBottom = true,
  contentSx,
  children,
}: {
  titleId: string;
  title: string;
  testId?: string;
  gutterBottom?: boolean;
  contentSx?: SxProps<Theme>;
  children: ReactNode;
}) {
  const translate = useTranslate();
  return (
    <Card component="section" aria-labelledby={titleId} data-testid={testId}>
      <CardContent sx={contentSx}>
        <Typography variant="h6" component="h2" id={titleId} gutterBottom={gutterBottom}>
          {translate(title)}
        </Typography>
        {children}
      </CardContent>
    </Card>
  );
}

/** A help card's points: one list item a key, each `<prefix>.<key>` in the reader's language. */
export function HelpPoints({ prefix, keys }: { prefix: string; keys: readonly string[] }) {
  const translate = useTranslate();
  return (
    <Box component="ul" sx={{ pl: 2.5, my: 1, '& li': { typography: 'body2', mb: 0.75 } }}>
      {keys.map((key) => (
        <li key={key}>{translate(`${prefix}.${key}`)}</li>
      ))}
    </Box>
  );
}

/**
 * The file chooser, the name and size of the chosen file (read out with the chooser), and a warning for an
 * empty one. `spaced`: the parent already spaces its children (a flex column with a gap).
 */
export function FileChoice({
  file,
  inputRef,
  disabled,
  onChoose,
  spaced = false,
}: {
  file: File | null;
  inputRef: RefObject<HTMLInputElement | null>;
  disabled: boolean;
  onChoose: (file: File | undefined) => void;
  spaced?: boolean;
}) {
  const translate = useTranslate();
  const locale = useIntlLocale();
  const inputId = useId();
  const statusId = useId();
  return (
    <>
      <FileDropZone inputId={inputId} inputRef={inputRef} describedBy={statusId} disabled={disabled} onChoose={onChoose} />
      <Typography
        id={statusId}
        variant="body2"
        sx={spaced ? { overflowWrap: 'anywhere' } : { mt: 1.5, overflowWrap: 'anywhere' }}
        data-testid="import-file-name"
      >
        {file
          ? translate('app.import.selected', { name: file.name, size: formatBytes(file.size, locale) })
          : translate('app.import.no_file')}
      </Typography>
      {file && file.size === 0 && (
        <Alert severity="warning" sx={spaced ? undefined : { mt: 1 }}>
          {translate('app.import.empty_file')}
        </Alert>
      )}
    </>
  );
}

/** The button that sends the chosen file; `data-attempts` counts the times it did. */
export function StartButton({ onStart, disabled, attempts }: { onStart: () => void; disabled: boolean; attempts: number }) {
  const translate = useTranslate();
  return (
    <MuiButton
      variant="contained"
      onClick={onStart}
      disabled={disabled}
      startIcon={<UploadFileIcon />}
      data-testid="import-start"
      data-attempts={attempts}
    >
      {translate('app.import.start')}
    </MuiButton>
  );
}

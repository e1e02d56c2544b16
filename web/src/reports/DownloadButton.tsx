import DownloadIcon from '@mui/icons-material/Download';
import { useState } from 'react';
import { Button, useNotify } from 'react-admin';
import { saveBlob } from './download';

/**
 * A button that fetches a file the API makes (a template, an export: it needs the token, so no plain link)
 * and saves it under `fileName`; it waits while the file comes, and a failure is told with `failure`.
 */
export function DownloadButton({
  label,
  fetchFile,
  fileName,
  failure,
  testId,
}: {
  label: string;
  fetchFile: () => Promise<Blob>;
  fileName: string;
  failure: string;
  testId?: string;
}) {
  const notify = useNotify();
  const [busy, setBusy] = useState(false);
  const download = async () => {
    setBusy(true);
    try {
      saveBlob(await fetchFile(), fileName);
    } catch {
      notify(failure, { type: 'error' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button label={label} onClick={download} disabled={busy} variant="outlined" data-testid={testId}>
      <DownloadIcon />
    </Button>
  );
}

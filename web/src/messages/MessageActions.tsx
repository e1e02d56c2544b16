import AttachFileIcon from '@mui/icons-material/AttachFile';
import DeleteSweepIcon from '@mui/icons-material/DeleteSweep';
import DownloadIcon from '@mui/icons-material/Download';
import DriveFileMoveIcon from '@mui/icons-material/DriveFileMove';
import MuiButton from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import { useId, useState } from 'react';
import {
  AutocompleteInput,
  Button,
  Form,
  ReferenceInput,
  required,
  useDataProvider,
  useNotify,
  useRecordContext,
  useRefresh,
  useTranslate,
} from 'react-admin';
import { useCan } from '../common/hooks';
import type { TrackerDataProvider } from '../dataProvider';
import { saveBlob } from '../reports/download';
import type { Message } from '../types';

/** Downloads the exact bytes as an .eml file (roles that may see content addresses). */
export function DownloadMessageButton({ message }: { message?: Message }) {
  const record = useRecordContext<Message>();
  const target = message ?? record;
  const dataProvider = useDataProvider<TrackerDataProvider>();
  const notify = useNotify();
  if (!useCan('content:urls') || !target) return null;
  return (
    <Button
      label="app.mail.download"
      data-testid="message-download"
      onClick={async () => {
        try {
          saveBlob(await dataProvider.downloadMessage(target.id), `message-${target.id}.eml`);
        } catch {
          notify('ra.notification.http_error', { type: 'error' });
        }
      }}
    >
      <DownloadIcon />
    </Button>
  );
}

/** An attachment, saved as a file (the API serves it as bytes, never to be shown in the page). */
export function AttachmentButton({ message, index }: { message: Message; index: number }) {
  const dataProvider = useDataProvider<TrackerDataProvider>();
  const notify = useNotify();
  const translate = useTranslate();
  const attachment = message.attachments[index];
  if (!useCan('content:urls') || !attachment) return null;
  return (
    <Button
      label={translate('app.mail.attachment', { name: attachment.fileName, size: attachment.size.toLocaleString() })}
      onClick={async () => {
        try {
          saveBlob(await dataProvider.downloadAttachment(message.id, index), attachment.fileName);
        } catch {
          notify('ra.notification.http_error', { type: 'error' });
        }
      }}
    >
      <AttachFileIcon />
    </Button>
  );
}

/** Triage: file a message on a request (what it means is then recorded there), or dismiss it. */
export function TriageButtons() {
  const record = useRecordContext<Message>();
  const dataProvider = useDataProvider<TrackerDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const translate = useTranslate();
  const titleId = useId();
  const [open, setOpen] = useState(false);
  const mayTriage = useCan('requests:respond');
  if (!record || record.status !== 'triage' || !mayTriage) return null;
  const run = async (work: () => Promise<unknown>, done: string) => {
    try {
      await work();
      notify(done, { type: 'success' });
      setOpen(false);
      refresh();
    } catch (error) {
      notify(error instanceof Error && error.message ? error.message : 'ra.notification.http_error', { type: 'error' });
    }
  };
  return (
    <>
      <Button label="app.mail.file" variant="contained" data-testid="message-file" onClick={() => setOpen(true)}>
        <DriveFileMoveIcon />
      </Button>
      <Button
        label="app.mail.dismiss"
        data-testid="message-dismiss"
        onClick={() => run(() => dataProvider.dismissMessage(record.id), 'app.mail.dismissed')}
      >
        <DeleteSweepIcon />
      </Button>
      {open && (
        <Dialog open onClose={() => setOpen(false)} aria-labelledby={titleId} fullWidth maxWidth="sm">
          <Form
            onSubmit={(values: Record<string, unknown>) =>
              run(() => dataProvider.fileMessage(record.id, Number(values.requestId)), 'app.mail.filed')
            }
          >
            <DialogTitle id={titleId}>{translate('app.mail.file_title')}</DialogTitle>
            <DialogContent>
              <ReferenceInput source="requestId" reference="requests" sort={{ field: 'sentAt', order: 'DESC' }}>
                <AutocompleteInput optionText="reference" filterToQuery={(q) => ({ q })} validate={required()} label="app.mail.request" />
              </ReferenceInput>
            </DialogContent>
            <DialogActions>
              <MuiButton onClick={() => setOpen(false)}>{translate('ra.action.cancel')}</MuiButton>
              <MuiButton type="submit" variant="contained">
                {translate('app.mail.file')}
              </MuiButton>
            </DialogActions>
          </Form>
        </Dialog>
      )}
    </>
  );
}

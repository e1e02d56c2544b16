import ForwardToInboxIcon from '@mui/icons-material/ForwardToInbox';
import Inventory2Icon from '@mui/icons-material/Inventory2';
import MuiButton from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Typography from '@mui/material/Typography';
import { useId, useState } from 'react';
import {
  Button,
  Form,
  SelectInput,
  TextInput,
  maxLength,
  useDataProvider,
  useLocaleState,
  useNotify,
  useRecordContext,
  useRefresh,
  useTranslate,
} from 'react-admin';
import { useCan } from '../common/hooks';
import type { TrackerDataProvider } from '../dataProvider';
import { saveBlob } from '../reports/download';
import type { PlatformRequest } from '../types';
import { LANGUAGES } from '../../../domain/src';

const LANGUAGE_CHOICES = LANGUAGES.map((id) => ({ id, name: `app.mail.language.${id}` }));

/**
 * "E-mail to platform": a draft, or a request whose e-mail bounced. Sent through the server's mail
 * settings; where there are none, the prepared message is downloaded to send from one's own mail client.
 */
export function DispatchButton() {
  const record = useRecordContext<PlatformRequest>();
  const dataProvider = useDataProvider<TrackerDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const titleId = useId();
  const [open, setOpen] = useState(false);
  const [saving, setSaving] = useState(false);
  const mayDispatch = useCan('requests:respond');
  if (!record || !mayDispatch) return null;
  const bounced = (record.status === 'sent' || record.status === 'acknowledged') && !!record.deliveryFailedAt;
  if (record.status !== 'draft' && !bounced) return null;

  const onSubmit = async (values: Record<string, unknown>) => {
    setSaving(true);
    try {
      const note = typeof values.note === 'string' && values.note.trim() ? values.note.trim() : undefined;
      const { message, event } = await dataProvider.dispatch(record.id, { language: String(values.language), note });
      if (event) notify('app.mail.sent', { type: 'success' });
      else {
        saveBlob(await dataProvider.downloadMessage(message.id), `${record.reference.replace(/[^A-Za-z0-9-]+/g, '-')}.eml`);
        notify('app.mail.prepared_hint', { type: 'info' });
      }
      setOpen(false);
      refresh();
    } catch (error) {
      notify(error instanceof Error && error.message ? error.message : 'ra.notification.http_error', { type: 'error' });
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      <Button label="app.mail.dispatch" onClick={() => setOpen(true)} variant="contained" data-testid="dispatch">
        <ForwardToInboxIcon />
      </Button>
      {open && (
        <Dialog open onClose={() => setOpen(false)} aria-labelledby={titleId} fullWidth maxWidth="sm">
          <Form defaultValues={{ language: LANGUAGES.includes(locale as never) ? locale : 'en', note: '' }} onSubmit={onSubmit}>
            <DialogTitle id={titleId}>{translate('app.mail.dispatch')}</DialogTitle>
            <DialogContent>
              <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
                {translate(bounced ? 'app.mail.dispatch_again_hint' : 'app.mail.dispatch_hint')}
              </Typography>
              <SelectInput source="language" label="app.mail.language.label" choices={LANGUAGE_CHOICES} />
              <TextInput source="note" label="app.mail.note" multiline minRows={2} validate={maxLength(5000)} />
            </DialogContent>
            <DialogActions>
              <MuiButton onClick={() => setOpen(false)} disabled={saving}>
                {translate('ra.action.cancel')}
              </MuiButton>
              <MuiButton type="submit" variant="contained" disabled={saving} data-testid="dispatch-send">
                {translate('app.mail.send')}
              </MuiButton>
            </DialogActions>
          </Form>
        </Dialog>
      )}
    </>
  );
}

/** The request's evidence as one zip: every e-mail byte for byte, the timeline, SHA256SUMS. */
export function EvidenceButton() {
  const record = useRecordContext<PlatformRequest>();
  const dataProvider = useDataProvider<TrackerDataProvider>();
  const notify = useNotify();
  if (!useCan('content:urls') || !record || record.status === 'draft') return null;
  return (
    <Button
      label="app.mail.evidence"
      onClick={async () => {
        try {
          saveBlob(await dataProvider.downloadEvidence(record.id), `evidence-${record.reference.replace(/[^A-Za-z0-9-]+/g, '-')}.zip`);
        } catch {
          notify('ra.notification.http_error', { type: 'error' });
        }
      }}
    >
      <Inventory2Icon />
    </Button>
  );
}

import ReplyIcon from '@mui/icons-material/Reply';
import OutgoingMailIcon from '@mui/icons-material/Outbox';
import MuiButton from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Typography from '@mui/material/Typography';
import { useEffect, useId, useState } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import {
  Button,
  DateTimeInput,
  Form,
  SelectInput,
  TextInput,
  maxLength,
  required,
  useDataProvider,
  useNotify,
  useRecordContext,
  useRefresh,
  useTranslate,
} from 'react-admin';
import { useRole } from '../common/hooks';
import type { TrackerDataProvider } from '../dataProvider';
import type { PlatformRequest } from '../types';
import { buildEventPayload, type EventFormValues, kindTakesItems, suggestedItemStates } from './events';
import { allowedEventKinds, type EventKind, type EventSide, type RequestOutcome } from '../../../domain/src';
import { choices } from '../common/choices';

/**
 * "Record platform response" (acknowledged, information requested, outcome, refused, receipt confirmed) or "Record our
 * action" (sent, reminder, escalation, note, re-check, withdrawal): POST /api/requests/:id/events.
 * Shown only when the role may record something on the request in its current status.
 */
export function RecordEventButton({
  side,
  messageId,
  occurredAt,
}: {
  side: EventSide;
  /** Recorded from this e-mail (an outcome read in a reply)... */
  messageId?: number;
  /** ...by default at the time the e-mail arrived. */
  occurredAt?: string | null;
}) {
  const record = useRecordContext<PlatformRequest>();
  const role = useRole();
  const [open, setOpen] = useState(false);
  if (!record) return null;
  const kinds = allowedEventKinds(role, record.status, side);
  if (kinds.length === 0) return null;
  return (
    <>
      <Button
        label={messageId ? 'app.mail.record_from' : side === 'platform' ? 'app.action.record_response' : 'app.action.record_action'}
        onClick={() => setOpen(true)}
        variant={side === 'platform' && !messageId ? 'contained' : 'text'}
        data-testid={messageId ? `record-from-${messageId}` : undefined}
      >
        {side === 'platform' ? <ReplyIcon /> : <OutgoingMailIcon />}
      </Button>
      {open && (
        <EventDialog
          record={record}
          kinds={kinds}
          side={side}
          messageId={messageId}
          occurredAt={occurredAt}
          onClose={() => setOpen(false)}
        />
      )}
    </>
  );
}

function OutcomeAndItems({ record }: { record: PlatformRequest }) {
  const translate = useTranslate();
  const kind = useWatch({ name: 'kind' }) as EventKind | undefined;
  const outcome = useWatch({ name: 'outcome' }) as RequestOutcome | undefined;
  const { setValue, getValues } = useFormContext<EventFormValues>();

  useEffect(() => {
    if (kind === 'outcome' && outcome === 'removed') {
      setValue('items', suggestedItemStates(outcome, getValues('items') ?? []), { shouldDirty: true });
    }
  }, [kind, outcome, setValue, getValues]);

  return (
    <>
      {kind === 'outcome' && <SelectInput source="outcome" label="app.event.outcome" choices={choices('outcome')} validate={required()} />}
      {kindTakesItems(kind) && record.items.length > 0 && (
        <fieldset style={{ border: 'none', padding: 0, margin: 0 }}>
          <Typography component="legend" variant="subtitle2" sx={{ mb: 1 }}>
            {translate('app.event.item_states')}
          </Typography>
          {record.items.map((item, index) => (
            <SelectInput
              key={item.id}
              source={`items.${index}.state`}
              label={translate('app.event.item_state_for', { url: item.url })}
              choices={choices('itemState')}
              validate={required()}
              helperText={false}
            />
          ))}
        </fieldset>
      )}
    </>
  );
}

function EventDialog({
  record,
  kinds,
  side,
  messageId,
  occurredAt,
  onClose,
}: {
  record: PlatformRequest;
  kinds: EventKind[];
  side: EventSide;
  messageId?: number;
  occurredAt?: string | null;
  onClose: () => void;
}) {
  const translate = useTranslate();
  const dataProvider = useDataProvider<TrackerDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const [saving, setSaving] = useState(false);
  const titleId = useId();

  const defaultValues: EventFormValues = {
    kind: kinds[0],
    occurredAt: occurredAt ? new Date(occurredAt) : new Date(),
    note: '',
    outcome: null,
    items: record.items.map(({ id, state }) => ({ id, state })),
  };

  const onSubmit = async (values: Record<string, unknown>) => {
    setSaving(true);
    try {
      await dataProvider.addEvent(record.id, {
        ...buildEventPayload(values as EventFormValues, record.items),
        ...(messageId && { messageId }),
      });
      notify('app.event.recorded', { type: 'success' });
      refresh();
      onClose();
    } catch (error) {
      notify(error instanceof Error && error.message ? error.message : 'ra.notification.http_error', { type: 'error' });
    } finally {
      setSaving(false);
    }
  };

  return (
    <Dialog open onClose={onClose} aria-labelledby={titleId} fullWidth maxWidth="sm">
      <Form defaultValues={defaultValues} onSubmit={onSubmit} resource="requests">
        <DialogTitle id={titleId}>{translate(side === 'platform' ? 'app.event.title_platform' : 'app.event.title_regulator')}</DialogTitle>
        <DialogContent>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
            {record.reference}
          </Typography>
          <SelectInput source="kind" label="app.event.kind" choices={choices('eventKind', kinds)} validate={required()} />
          <DateTimeInput source="occurredAt" label="app.event.occurred_at" validate={required()} />
          <OutcomeAndItems record={record} />
          <TextInput source="note" label="app.event.note" multiline minRows={2} validate={maxLength(10000)} />
        </DialogContent>
        <DialogActions>
          <MuiButton onClick={onClose} disabled={saving}>
            {translate('ra.action.cancel')}
          </MuiButton>
          <MuiButton type="submit" variant="contained" disabled={saving}>
            {translate('ra.action.save')}
          </MuiButton>
        </DialogActions>
      </Form>
    </Dialog>
  );
}

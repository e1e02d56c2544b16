import { can } from './permissions';
import {
  type EventKind,
  isPlatformOriginated,
  MESSAGE_EVENT_KINDS,
  PLATFORM_SIDE_EVENT_KINDS,
  REGULATOR_EVENT_KINDS,
  RECEIPT_EVENT_KINDS,
  type RequestStatus,
} from './vocabulary';

/** What every event does to a request that has been sent and not yet closed. */
const open = (status: 'sent' | 'acknowledged'): Partial<Record<EventKind, RequestStatus>> => ({
  reminder_sent: status,
  escalated: status,
  note: status,
  item_checked: status,
  receipt_confirmed: status,
  delivery_failed: status,
  acknowledged: 'acknowledged',
  info_requested: 'acknowledged',
  message_received: 'acknowledged',
  outcome: 'resolved',
  refused: 'resolved',
  withdrawn: 'withdrawn',
});

/**
 * The request's lifecycle: draft -> sent -> acknowledged -> resolved, withdrawn from any unresolved
 * state. For each status, the events it accepts and the status each one leads to; an event that is
 * not listed is refused. A note is accepted in every status and changes nothing.
 */
export const TRANSITIONS: Record<RequestStatus, Partial<Record<EventKind, RequestStatus>>> = {
  draft: { sent: 'sent', note: 'draft', withdrawn: 'withdrawn' },
  sent: open('sent'),
  acknowledged: open('acknowledged'),
  resolved: { note: 'resolved' },
  withdrawn: { note: 'withdrawn' },
};

export const isMessageEvent = (kind: EventKind): boolean => (MESSAGE_EVENT_KINDS as readonly string[]).includes(kind);

export const isClosed = (status: RequestStatus): boolean => status === 'resolved' || status === 'withdrawn';

/** The status after `kind`, or null when the lifecycle does not allow it in `status`. */
export const nextStatus = (status: RequestStatus, kind: EventKind): RequestStatus | null => TRANSITIONS[status][kind] ?? null;

/** What recording an event of this kind needs: what the platform's side did and notes are `requests:respond`, the rest `requests:write`. */
export const eventPermission = (kind: EventKind) =>
  isPlatformOriginated(kind) || (RECEIPT_EVENT_KINDS as readonly string[]).includes(kind) || kind === 'note'
    ? 'requests:respond'
    : 'requests:write';

export const mayRecord = (role: string | undefined | null, kind: EventKind): boolean =>
  can(role, eventPermission(kind)) || can(role, 'requests:write');

/** Which side of the timeline an event is on: what the platform did, or what the regulator did. */
export type EventSide = 'platform' | 'regulator';

/** The event kinds a role may record by hand on a request in this status, for one side of the timeline, in vocabulary order. */
export function allowedEventKinds(role: string | undefined | null, status: RequestStatus, side: EventSide): EventKind[] {
  const kinds: readonly EventKind[] = side === 'platform' ? PLATFORM_SIDE_EVENT_KINDS : REGULATOR_EVENT_KINDS;
  return kinds.filter((kind) => !isMessageEvent(kind) && nextStatus(status, kind) !== null && mayRecord(role, kind));
}

import {
  dueAt,
  type EventKind,
  isClosed,
  isPlatformOriginated,
  type ItemState,
  nextStatus,
  type RequestOutcome,
  type RequestStatus,
} from '../../../domain/src';
import { conflict, invalid } from '../common/errors/domain-error';

/** The part of a request that its timeline drives. */
export interface Lifecycle {
  status: RequestStatus;
  sentAt: Date | null;
  dueAt: Date | null;
  outcome: RequestOutcome | null;
  firstResponseAt: Date | null;
  resolvedAt: Date | null;
  deliveryFailedAt: Date | null;
  deliveryFailure: string | null;
}

export interface LifecycleEvent {
  kind: EventKind;
  occurredAt: Date;
  outcome?: RequestOutcome | null;
  items?: { id: number; state: ItemState }[];
  note?: string | null;
  /** Recorded from a stored e-mail: a dispatch the mail server accepted, a reply, a bounce. */
  fromMessage?: boolean;
}

export interface LifecycleContext {
  /** The platform's deadline for this request, used when a draft is sent. */
  slaHours: number;
  /** The ids of the request's items. */
  itemIds: number[];
  now: Date;
}

/** How far ahead of the server's clock an event may be dated (clock skew between machines). */
export const FUTURE_TOLERANCE_MS = 5 * 60 * 1000;

const earliest = (a: Date | null, b: Date) => (a && a <= b ? a : b);

/** Throws unless the event's own fields fit together, whatever the request's state. */
function checkShape(event: LifecycleEvent, ctx: LifecycleContext): void {
  if (Number.isNaN(event.occurredAt.getTime())) throw invalid('occurredAt', 'must be an ISO-8601 date', 'input.not_a_date');
  if (event.occurredAt.getTime() > ctx.now.getTime() + FUTURE_TOLERANCE_MS) {
    throw invalid('occurredAt', 'cannot be in the future', 'input.in_future');
  }
  if (event.kind === 'outcome' && !event.outcome)
    throw invalid('outcome', "is required when kind is 'outcome'", 'request.outcome_required');
  if (event.kind !== 'outcome' && event.outcome)
    throw invalid('outcome', "is only allowed when kind is 'outcome'", 'request.outcome_not_allowed');
  const items = event.items ?? [];
  if (items.length > 0 && event.kind !== 'outcome' && event.kind !== 'item_checked') {
    throw invalid('items', "can only be set with kind 'outcome' or 'item_checked'", 'request.items_not_allowed');
  }
  if (event.kind === 'item_checked' && items.length === 0) {
    throw invalid('items', "must name at least one item when kind is 'item_checked'", 'request.items_required');
  }
  const seen = new Set<number>();
  items.forEach((item, i) => {
    if (!ctx.itemIds.includes(item.id))
      throw invalid(`items[${i}].id`, `${item.id} is not an item of this request`, 'request.unknown_item', { id: item.id });
    if (seen.has(item.id)) throw invalid(`items[${i}].id`, `${item.id} is listed twice`, 'request.item_listed_twice', { id: item.id });
    seen.add(item.id);
  });
}

/** Throws unless the lifecycle (the domain's transition table) lets the request's status take this event. */
function checkAllowed(request: Lifecycle, event: LifecycleEvent): RequestStatus {
  const { status } = request;
  const next = nextStatus(status, event.kind);
  if (next === null && isClosed(status)) {
    throw conflict('request.closed', `the request is ${status}; only a note can be added to it`, { status });
  }
  if (next === null && status === 'draft') {
    throw conflict('request.draft_not_sent', `the request is a draft; record a 'sent' event before '${event.kind}'`, { kind: event.kind });
  }
  if (next === null) throw conflict('request.already_sent', 'the request has already been sent');
  if (event.kind !== 'note' && request.sentAt && event.occurredAt < request.sentAt) {
    throw invalid('occurredAt', `is before the request was sent (${request.sentAt.toISOString()})`, 'request.before_sent');
  }
  return next;
}

/**
 * Applies one event to the request (draft -> sent -> acknowledged -> resolved, withdrawn from any
 * unresolved state: the domain's TRANSITIONS). Returns the fields the event changes; throws a 400 or
 * 409 that says why not.
 */
export function applyEvent(request: Lifecycle, event: LifecycleEvent, ctx: LifecycleContext): Partial<Lifecycle> {
  checkShape(event, ctx);
  const status = checkAllowed(request, event);
  const at = event.occurredAt;
  if (event.kind === 'note') return {};
  const patch: Partial<Lifecycle> = status === request.status && !isPlatformOriginated(event.kind) ? {} : { status };
  // A bounce marks the request "not delivered" until a dispatch is accepted by a mail server again.
  if (event.kind === 'delivery_failed') Object.assign(patch, { deliveryFailedAt: at, deliveryFailure: event.note ?? null });
  if ((event.kind === 'sent' || event.kind === 'reminder_sent') && event.fromMessage) {
    Object.assign(patch, { deliveryFailedAt: null, deliveryFailure: null });
  }
  if (event.kind === 'sent') return { ...patch, sentAt: at, dueAt: dueAt(at, ctx.slaHours) };
  if (isPlatformOriginated(event.kind)) patch.firstResponseAt = earliest(request.firstResponseAt, at);
  if (status === 'resolved') {
    patch.outcome = event.kind === 'refused' ? 'refused' : event.outcome!;
    patch.resolvedAt = at;
  }
  return patch;
}

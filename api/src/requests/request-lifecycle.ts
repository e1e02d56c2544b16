import { conflict, invalid } from '../common/errors/domain-error';
import {
  type EventKind,
  isPlatformOriginated,
  type ItemState,
  type RequestOutcome,
  type RequestStatus,
} from './request.enums';

/** The part of a request that its timeline drives. */
export interface Lifecycle {
  status: RequestStatus;
  sentAt: Date | null;
  dueAt: Date | null;
  outcome: RequestOutcome | null;
  firstResponseAt: Date | null;
  resolvedAt: Date | null;
}

export interface LifecycleEvent {
  kind: EventKind;
  occurredAt: Date;
  outcome?: RequestOutcome | null;
  items?: { id: number; state: ItemState }[];
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

const HOUR_MS = 3600 * 1000;
const earliest = (a: Date | null, b: Date) => (a && a <= b ? a : b);

/** Throws unless the event's own fields fit together, whatever the request's state. */
function checkShape(event: LifecycleEvent, ctx: LifecycleContext): void {
  if (Number.isNaN(event.occurredAt.getTime())) throw invalid('occurredAt', 'must be an ISO-8601 date');
  if (event.occurredAt.getTime() > ctx.now.getTime() + FUTURE_TOLERANCE_MS) {
    throw invalid('occurredAt', 'cannot be in the future');
  }
  if (event.kind === 'outcome' && !event.outcome) throw invalid('outcome', "is required when kind is 'outcome'");
  if (event.kind !== 'outcome' && event.outcome) throw invalid('outcome', "is only allowed when kind is 'outcome'");
  const items = event.items ?? [];
  if (items.length > 0 && event.kind !== 'outcome' && event.kind !== 'item_checked') {
    throw invalid('items', "can only be set with kind 'outcome' or 'item_checked'");
  }
  if (event.kind === 'item_checked' && items.length === 0) {
    throw invalid('items', "must name at least one item when kind is 'item_checked'");
  }
  const seen = new Set<number>();
  items.forEach((item, i) => {
    if (!ctx.itemIds.includes(item.id)) throw invalid(`items[${i}].id`, `${item.id} is not an item of this request`);
    if (seen.has(item.id)) throw invalid(`items[${i}].id`, `${item.id} is listed twice`);
    seen.add(item.id);
  });
}

/** Throws unless the request's current status allows this kind of event. */
function checkAllowed(request: Lifecycle, event: LifecycleEvent): void {
  const { status } = request;
  if (event.kind === 'note') return;
  if (status === 'resolved' || status === 'withdrawn') {
    throw conflict(`the request is ${status}; only a note can be added to it`);
  }
  if (status === 'draft' && event.kind !== 'sent' && event.kind !== 'withdrawn') {
    throw conflict(`the request is a draft; record a 'sent' event before '${event.kind}'`);
  }
  if (status !== 'draft' && event.kind === 'sent') throw conflict('the request has already been sent');
  if (request.sentAt && event.occurredAt < request.sentAt) {
    throw invalid('occurredAt', `is before the request was sent (${request.sentAt.toISOString()})`);
  }
}

/**
 * The request's state machine: draft -> sent -> acknowledged -> resolved, withdrawn from any
 * unresolved state. Returns the fields the event changes; throws a 400 or 409 that says why not.
 */
export function applyEvent(request: Lifecycle, event: LifecycleEvent, ctx: LifecycleContext): Partial<Lifecycle> {
  checkShape(event, ctx);
  checkAllowed(request, event);
  const at = event.occurredAt;
  switch (event.kind) {
    case 'sent':
      return { status: 'sent', sentAt: at, dueAt: new Date(at.getTime() + ctx.slaHours * HOUR_MS) };
    case 'withdrawn':
      return { status: 'withdrawn' };
    case 'outcome':
    case 'refused':
      return {
        status: 'resolved',
        outcome: event.kind === 'refused' ? 'refused' : event.outcome!,
        resolvedAt: at,
        firstResponseAt: earliest(request.firstResponseAt, at),
      };
    default:
      if (isPlatformOriginated(event.kind)) {
        return { status: 'acknowledged', firstResponseAt: earliest(request.firstResponseAt, at) };
      }
      return {};
  }
}

import type { NewEvent, RequestItem } from '../types';
import { type EventKind, type ItemState, type RequestOutcome } from '../../../domain/src';

/** What the event dialog's form holds. */
export interface EventFormValues {
  kind?: EventKind | null;
  occurredAt?: string | Date | null;
  note?: string | null;
  outcome?: RequestOutcome | null;
  items?: { id: number; state: ItemState }[];
}

export const kindTakesItems = (kind: EventKind | null | undefined): boolean => kind === 'outcome' || kind === 'item_checked';

/**
 * The body of POST /api/requests/:id/events: only the fields the kind allows (the API rejects an
 * outcome on any other kind, and item states on kinds other than outcome and item_checked).
 * An outcome carries the items whose state was changed; a re-check carries every item.
 */
export function buildEventPayload(values: EventFormValues, items: readonly RequestItem[]): NewEvent {
  if (!values.kind) throw new Error('kind is required');
  const occurredAt = values.occurredAt instanceof Date ? values.occurredAt : new Date(values.occurredAt ?? '');
  if (Number.isNaN(occurredAt.getTime())) throw new Error('occurredAt is required');
  const event: NewEvent = { kind: values.kind, occurredAt: occurredAt.toISOString() };
  const note = values.note?.trim();
  if (note) event.note = note;
  if (values.kind === 'outcome' && values.outcome) event.outcome = values.outcome;
  if (kindTakesItems(values.kind)) {
    const before = new Map(items.map((i) => [i.id, i.state]));
    const chosen = (values.items ?? []).filter((i) => before.has(i.id) && i.state);
    const states = values.kind === 'item_checked' ? chosen : chosen.filter((i) => before.get(i.id) !== i.state);
    if (states.length > 0) event.items = states.map(({ id, state }) => ({ id, state }));
  }
  return event;
}

/** The item states an outcome suggests: "removed" marks the pending items removed. */
export function suggestedItemStates(outcome: RequestOutcome | null | undefined, items: readonly { id: number; state: ItemState }[]) {
  if (outcome !== 'removed') return [...items];
  return items.map((i) => (i.state === 'pending' ? { ...i, state: 'removed' as ItemState } : i));
}

import { DomainError } from '../common/errors/domain-error';
import { applyEvent, type Lifecycle, type LifecycleContext } from './request-lifecycle';

const t = (iso: string) => new Date(iso);
const ctx: LifecycleContext = { slaHours: 72, itemIds: [1, 2], now: t('2024-06-30T00:00:00Z') };

const draft: Lifecycle = {
  status: 'draft',
  sentAt: null,
  dueAt: null,
  outcome: null,
  firstResponseAt: null,
  resolvedAt: null,
  deliveryFailedAt: null,
  deliveryFailure: null,
};
const sent: Lifecycle = { ...draft, status: 'sent', sentAt: t('2024-06-01T10:00:00Z'), dueAt: t('2024-06-04T10:00:00Z') };

function errorOf(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected a DomainError');
}

describe('applyEvent', () => {
  it('should send a draft and fix dueAt from the SLA at the time of sending', () => {
    expect(applyEvent(draft, { kind: 'sent', occurredAt: t('2024-06-01T10:00:00Z') }, ctx)).toEqual({
      status: 'sent',
      sentAt: t('2024-06-01T10:00:00Z'),
      dueAt: t('2024-06-04T10:00:00Z'),
    });
  });

  it('should move sent to acknowledged and set firstResponseAt on the first platform event', () => {
    const patch = applyEvent(sent, { kind: 'info_requested', occurredAt: t('2024-06-02T09:00:00Z') }, ctx);
    expect(patch).toEqual({ status: 'acknowledged', firstResponseAt: t('2024-06-02T09:00:00Z') });
  });

  it('should keep the earliest firstResponseAt when a platform event is recorded late', () => {
    const acked = { ...sent, status: 'acknowledged' as const, firstResponseAt: t('2024-06-03T00:00:00Z') };
    const patch = applyEvent(acked, { kind: 'acknowledged', occurredAt: t('2024-06-02T00:00:00Z') }, ctx);
    expect(patch.firstResponseAt).toEqual(t('2024-06-02T00:00:00Z'));
    const later = applyEvent(acked, { kind: 'acknowledged', occurredAt: t('2024-06-05T00:00:00Z') }, ctx);
    expect(later.firstResponseAt).toEqual(t('2024-06-03T00:00:00Z'));
  });

  it('should resolve with the outcome and count it as the first response when nothing came before', () => {
    const patch = applyEvent(sent, { kind: 'outcome', outcome: 'removed', occurredAt: t('2024-06-05T00:00:00Z') }, ctx);
    expect(patch).toEqual({
      status: 'resolved',
      outcome: 'removed',
      resolvedAt: t('2024-06-05T00:00:00Z'),
      firstResponseAt: t('2024-06-05T00:00:00Z'),
    });
  });

  it('should resolve a refused event with outcome refused', () => {
    const patch = applyEvent(sent, { kind: 'refused', occurredAt: t('2024-06-05T00:00:00Z') }, ctx);
    expect(patch.status).toBe('resolved');
    expect(patch.outcome).toBe('refused');
  });

  it('should withdraw a draft or a sent request but not a resolved one', () => {
    expect(applyEvent(draft, { kind: 'withdrawn', occurredAt: t('2024-06-05T00:00:00Z') }, ctx).status).toBe('withdrawn');
    expect(applyEvent(sent, { kind: 'withdrawn', occurredAt: t('2024-06-05T00:00:00Z') }, ctx).status).toBe('withdrawn');
    const resolved = { ...sent, status: 'resolved' as const };
    expect(errorOf(() => applyEvent(resolved, { kind: 'withdrawn', occurredAt: t('2024-06-05T00:00:00Z') }, ctx)).status).toBe(409);
  });

  it('should change nothing for regulator events other than sent and withdrawn', () => {
    for (const kind of ['reminder_sent', 'escalated', 'note'] as const) {
      expect(applyEvent(sent, { kind, occurredAt: t('2024-06-05T00:00:00Z') }, ctx)).toEqual({});
    }
    expect(
      applyEvent(sent, { kind: 'item_checked', occurredAt: t('2024-06-05T00:00:00Z'), items: [{ id: 1, state: 'removed' }] }, ctx),
    ).toEqual({});
  });

  it('should refuse an outcome on a draft with a message that says to send it first', () => {
    const err = errorOf(() => applyEvent(draft, { kind: 'outcome', outcome: 'removed', occurredAt: t('2024-06-05T00:00:00Z') }, ctx));
    expect(err.status).toBe(409);
    expect(err.message).toMatch(/draft.*'sent'/);
  });

  it('should refuse anything but a note on a resolved request', () => {
    const resolved = { ...sent, status: 'resolved' as const, outcome: 'removed' as const };
    expect(applyEvent(resolved, { kind: 'note', occurredAt: t('2024-06-09T00:00:00Z') }, ctx)).toEqual({});
    const err = errorOf(() => applyEvent(resolved, { kind: 'acknowledged', occurredAt: t('2024-06-09T00:00:00Z') }, ctx));
    expect(err.status).toBe(409);
    expect(err.message).toMatch(/resolved; only a note/);
  });

  it('should refuse a second sent event', () => {
    expect(errorOf(() => applyEvent(sent, { kind: 'sent', occurredAt: t('2024-06-02T00:00:00Z') }, ctx)).status).toBe(409);
  });

  it('should refuse an event dated before sentAt, naming occurredAt', () => {
    const err = errorOf(() => applyEvent(sent, { kind: 'acknowledged', occurredAt: t('2024-05-31T00:00:00Z') }, ctx));
    expect(err.status).toBe(400);
    expect(err.message).toMatch(/^occurredAt is before the request was sent/);
  });

  it('should refuse an event dated in the future', () => {
    const err = errorOf(() => applyEvent(sent, { kind: 'acknowledged', occurredAt: t('2024-07-01T00:00:00Z') }, ctx));
    expect(err.message).toBe('occurredAt cannot be in the future');
  });

  it('should require an outcome with kind outcome and refuse it with other kinds', () => {
    expect(errorOf(() => applyEvent(sent, { kind: 'outcome', occurredAt: t('2024-06-05T00:00:00Z') }, ctx)).message).toMatch(
      /^outcome is required/,
    );
    expect(
      errorOf(() => applyEvent(sent, { kind: 'acknowledged', outcome: 'removed', occurredAt: t('2024-06-05T00:00:00Z') }, ctx)).message,
    ).toMatch(/^outcome is only allowed/);
  });

  it("should check item states: only with outcome or item_checked, only the request's own items, each once", () => {
    const at = t('2024-06-05T00:00:00Z');
    expect(
      errorOf(() => applyEvent(sent, { kind: 'acknowledged', occurredAt: at, items: [{ id: 1, state: 'removed' }] }, ctx)).message,
    ).toMatch(/^items can only/);
    expect(errorOf(() => applyEvent(sent, { kind: 'item_checked', occurredAt: at }, ctx)).message).toMatch(/^items must name/);
    expect(
      errorOf(() => applyEvent(sent, { kind: 'item_checked', occurredAt: at, items: [{ id: 9, state: 'removed' }] }, ctx)).message,
    ).toBe('items[0].id 9 is not an item of this request');
    expect(
      errorOf(() =>
        applyEvent(
          sent,
          {
            kind: 'item_checked',
            occurredAt: at,
            items: [
              { id: 1, state: 'removed' },
              { id: 1, state: 'pending' },
            ],
          },
          ctx,
        ),
      ).message,
    ).toBe('items[1].id 1 is listed twice');
  });

  it('should mark a bounced request not delivered, without a change of status, until a dispatch is accepted again', () => {
    const bounced = applyEvent(sent, { kind: 'delivery_failed', occurredAt: t('2024-06-01T10:05:00Z'), note: '550 no such user' }, ctx);
    expect(bounced).toEqual({ deliveryFailedAt: t('2024-06-01T10:05:00Z'), deliveryFailure: '550 no such user' });
    const failed = { ...sent, ...bounced };
    expect(applyEvent(failed, { kind: 'reminder_sent', occurredAt: t('2024-06-02T10:00:00Z') }, ctx)).toEqual({});
    expect(applyEvent(failed, { kind: 'reminder_sent', occurredAt: t('2024-06-02T10:00:00Z'), fromMessage: true }, ctx)).toEqual({
      deliveryFailedAt: null,
      deliveryFailure: null,
    });
  });
});

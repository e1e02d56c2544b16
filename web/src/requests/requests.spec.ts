import type { PlatformRequest, RequestItem } from '../types';
import { buildEventPayload, suggestedItemStates } from './events';
import { requestsToCsvRows, toCsv } from './exporter';

const items: RequestItem[] = [
  { id: 11, url: 'https://t.me/a/1', contentHash: 'abc', state: 'pending', checkedAt: null },
  { id: 12, url: 'https://t.me/a/2', contentHash: null, state: 'pending', checkedAt: null },
];

describe('buildEventPayload', () => {
  it('should send an acknowledgement with its time in UTC and no outcome or items', () => {
    expect(
      buildEventPayload(
        {
          kind: 'acknowledged',
          occurredAt: '2024-06-02T09:00:00.000Z',
          note: '  ',
          outcome: 'removed',
          items: [{ id: 11, state: 'removed' }],
        },
        items,
      ),
    ).toEqual({ kind: 'acknowledged', occurredAt: '2024-06-02T09:00:00.000Z' });
  });

  it('should send an outcome with the item states that changed', () => {
    expect(
      buildEventPayload(
        {
          kind: 'outcome',
          occurredAt: new Date('2024-06-03T10:00:00Z'),
          note: ' done ',
          outcome: 'partially_removed',
          items: [
            { id: 11, state: 'removed' },
            { id: 12, state: 'pending' },
            { id: 99, state: 'removed' },
          ],
        },
        items,
      ),
    ).toEqual({
      kind: 'outcome',
      occurredAt: '2024-06-03T10:00:00.000Z',
      note: 'done',
      outcome: 'partially_removed',
      items: [{ id: 11, state: 'removed' }],
    });
  });

  it('should send every item with a re-check', () => {
    const payload = buildEventPayload(
      {
        kind: 'item_checked',
        occurredAt: '2024-06-03T10:00:00Z',
        items: [
          { id: 11, state: 'pending' },
          { id: 12, state: 'still_online' },
        ],
      },
      items,
    );
    expect(payload.items).toEqual([
      { id: 11, state: 'pending' },
      { id: 12, state: 'still_online' },
    ]);
  });

  it('should refuse a form without kind or time', () => {
    expect(() => buildEventPayload({ occurredAt: '2024-06-03T10:00:00Z' }, items)).toThrow('kind');
    expect(() => buildEventPayload({ kind: 'note', occurredAt: '' }, items)).toThrow('occurredAt');
  });

  it('should mark pending items removed when the outcome is "removed"', () => {
    expect(
      suggestedItemStates('removed', [
        { id: 1, state: 'pending' },
        { id: 2, state: 'still_online' },
      ]),
    ).toEqual([
      { id: 1, state: 'removed' },
      { id: 2, state: 'still_online' },
    ]);
    expect(suggestedItemStates('refused', [{ id: 1, state: 'pending' }])).toEqual([{ id: 1, state: 'pending' }]);
  });
});

describe('CSV export', () => {
  const request = (over: Partial<PlatformRequest>): PlatformRequest => ({
    id: 1,
    platformId: 1,
    agencyId: 2,
    type: 'removal',
    category: 'ncii',
    channel: 'email',
    reference: 'KCSC-1',
    platformRef: null,
    sentAt: '2024-06-01T00:00:00.000Z',
    dueAt: null,
    status: 'sent',
    outcome: null,
    firstResponseAt: null,
    resolvedAt: null,
    overdue: false,
    deliveryFailedAt: null,
    deliveryFailure: null,
    notes: null,
    items: [],
    version: 1,
    ...over,
  });

  it('should write one row per item in the import format, quoting where needed', () => {
    const rows = requestsToCsvRows(
      [request({ items }), request({ id: 2, reference: 'KCSC-2, "b"', items: [] })],
      { 1: { slug: 'telegram' } },
      { 2: { name: 'Korea Communications Standards Commission' } },
    );
    expect(rows).toHaveLength(3);
    expect(toCsv(rows).split('\r\n')).toEqual([
      'agency,reference,platform,type,category,channel,sentAt,status,outcome,firstResponseAt,resolvedAt,itemUrl,itemContentHash,itemState',
      'Korea Communications Standards Commission,KCSC-1,telegram,removal,ncii,email,2024-06-01T00:00:00.000Z,sent,,,,https://t.me/a/1,abc,pending',
      'Korea Communications Standards Commission,KCSC-1,telegram,removal,ncii,email,2024-06-01T00:00:00.000Z,sent,,,,https://t.me/a/2,,pending',
      'Korea Communications Standards Commission,"KCSC-2, ""b""",telegram,removal,ncii,email,2024-06-01T00:00:00.000Z,sent,,,,,,',
      '',
    ]);
  });
});

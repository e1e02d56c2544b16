import {
  countsOf,
  isSmall,
  lastHalfYear,
  type PlatformCounts,
  publicFigures,
  type PublicFigures,
  publicTotals,
  PUBLIC_METRICS,
  snapshotFolder,
} from './index';

const MIN = 10;

const counts = (over: Partial<PlatformCounts> = {}): PlatformCounts => ({
  sent: 50,
  responded: 30,
  onTime: 20,
  removalRequests: 20,
  itemsRequested: 60,
  itemsRemoved: 40,
  medianResponseHours: 30.04,
  kmMedianResponseHours: 70.96,
  ...over,
});

/** What a table publishes: every platform's figures and the totals. */
function publish(table: PlatformCounts[]): { rows: PublicFigures[]; totals: PublicFigures } {
  const rows = table.map((c) => ({ counts: c, figures: publicFigures(c, MIN) }));
  return { rows: rows.map((r) => r.figures), totals: publicTotals(rows, MIN) };
}

const statuses = (f: PublicFigures) => Object.fromEntries(PUBLIC_METRICS.map((m) => [m, f[m].status]));

describe('public snapshots: small cells', () => {
  it('should call 1 to 9 small, and neither 0 nor 10', () => {
    expect([0, 1, 9, 10].map((n) => isSmall(n, MIN))).toEqual([false, true, true, false]);
  });

  it('should show every figure of a platform with enough requests, rounded', () => {
    expect(publicFigures(counts(), MIN)).toEqual({
      sent: { value: 50, status: 'shown' },
      responded: { value: 30, status: 'shown' },
      responseRate: { value: 0.6, status: 'shown' },
      medianResponseHours: { value: 30, status: 'shown' },
      kmMedianResponseHours: { value: 71, status: 'shown' },
      onTimeRate: { value: 0.4, status: 'shown' },
      removalRate: { value: 0.6667, status: 'shown' },
    });
  });

  it('should show a platform that answered none as 0 answered, 0 %', () => {
    const f = publicFigures(counts({ responded: 0, onTime: 0, medianResponseHours: null, kmMedianResponseHours: null }), MIN);
    expect(f.responded).toEqual({ value: 0, status: 'shown' });
    expect(f.responseRate).toEqual({ value: 0, status: 'shown' });
    expect(f.medianResponseHours.status).toBe('none');
    expect(f.kmMedianResponseHours.status).toBe('none');
  });

  it('should say "fewer than" for a platform sent 1 to 9 requests, and withhold everything else of it', () => {
    const f = publicFigures(counts({ sent: 7, responded: 0, onTime: 0, removalRequests: 0, itemsRequested: 0, itemsRemoved: 0 }), MIN);
    expect(statuses(f)).toEqual({
      sent: 'fewer_than_min',
      responded: 'withheld',
      responseRate: 'withheld',
      medianResponseHours: 'withheld',
      kmMedianResponseHours: 'withheld',
      onTimeRate: 'withheld',
      removalRate: 'withheld',
    });
    expect(PUBLIC_METRICS.map((m) => f[m].value)).toEqual(PUBLIC_METRICS.map(() => null));
  });

  it('should withhold the answered count and rate when the unanswered are few (sent minus answered would give them)', () => {
    const f = publicFigures(counts({ responded: 46 }), MIN);
    expect(f.responded.status).toBe('withheld');
    expect(f.responseRate.status).toBe('withheld');
    expect(f.medianResponseHours.status).toBe('shown');
  });

  it('should withhold, not call "fewer than", an answered count when sent is too few for only one side to be small', () => {
    for (const responded of [4, 11]) {
      const f = publicFigures(counts({ sent: 15, responded, onTime: 0 }), MIN);
      expect(statuses(f)).toMatchObject({ responded: 'withheld', responseRate: 'withheld', medianResponseHours: 'withheld' });
    }
    expect(publicFigures(counts({ sent: 19, responded: 9, onTime: 0 }), MIN).responded.status).toBe('fewer_than_min');
  });

  it('should withhold rates whose part or complement is small, and the median over few answers', () => {
    const f = publicFigures(counts({ responded: 4, onTime: 3, itemsRemoved: 55 }), MIN);
    expect(statuses(f)).toMatchObject({
      responded: 'fewer_than_min',
      responseRate: 'withheld',
      medianResponseHours: 'withheld',
      onTimeRate: 'withheld',
      removalRate: 'withheld',
    });
    expect(publicFigures(counts({ removalRequests: 3 }), MIN).removalRate.status).toBe('withheld');
    expect(publicFigures(counts({ removalRequests: 0, itemsRequested: 0, itemsRemoved: 0 }), MIN).removalRate.status).toBe('none');
  });

  it('should show no total over a column with a suppressed cell, and every total when nothing is suppressed', () => {
    const clean = publish([counts(), counts({ sent: 40, responded: 10, onTime: 10 })]);
    expect(clean.totals.sent).toEqual({ value: 90, status: 'shown' });
    expect(clean.totals.responded).toEqual({ value: 40, status: 'shown' });
    expect(clean.totals.responseRate).toEqual({ value: 0.4444, status: 'shown' });
    expect(clean.totals.medianResponseHours.status).toBe('none');

    const small = publish([counts(), counts({ sent: 3, responded: 1, onTime: 1 })]);
    expect(statuses(small.totals)).toMatchObject({
      sent: 'withheld',
      responded: 'withheld',
      responseRate: 'withheld',
      onTimeRate: 'withheld',
    });
  });

  it('should give a platform the same counts from its responsiveness metrics', () => {
    expect(
      countsOf({
        sent: 7,
        responded: 3,
        onTimeRate: 2 / 7,
        itemsRequested: 9,
        itemsRemoved: 4,
        removedCompletely: 1,
        removedPartially: 2,
        notRemoved: 1,
        medianResponseHours: 5,
        kmMedianResponseHours: null,
      }),
    ).toEqual({
      sent: 7,
      responded: 3,
      onTime: 2,
      removalRequests: 4,
      itemsRequested: 9,
      itemsRemoved: 4,
      medianResponseHours: 5,
      kmMedianResponseHours: null,
    });
  });

  it('should find the half-year that ended last', () => {
    expect(lastHalfYear(new Date('2026-12-01T00:00:00Z'))).toEqual({ start: '2026-01-01', end: '2026-06-30' });
    expect(lastHalfYear(new Date('2027-03-15T00:00:00Z'))).toEqual({ start: '2026-07-01', end: '2026-12-31' });
  });

  it('should name a folder by label and id, safe in a URL', () => {
    expect(snapshotFolder(3, '2024-H1')).toBe('2024-H1-3');
    expect(snapshotFolder(4, '2024-01-01/2024-03-31')).toBe('2024-01-01_2024-03-31-4');
  });
});

/**
 * The property that matters: a suppressed count cannot be worked out. For generated tables, every
 * count of 1 to 9 requests that a snapshot hides (sent, answered, or unanswered) is replaced by each
 * other value of 1 to 9 (the rest of its row kept consistent): what is published must not change.
 */
describe('public snapshots: a hidden count cannot be recovered', () => {
  // A small deterministic generator (no dependency): tables of 1 to 5 platforms, counts around the threshold.
  let seed = 20240601;
  const next = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed % n;
  };
  const pick = <T>(xs: T[]) => xs[next(xs.length)];
  const someCount = () => pick([0, 1, 2, 5, 9, 10, 11, 15, 30, 120]);

  function platform(): PlatformCounts {
    const sent = someCount();
    const responded = Math.min(sent, pick([0, 1, 4, 9, 10, sent - 1, sent - 3, sent, 40]));
    const onTime = Math.min(responded, Math.max(0, pick([0, 2, 10, responded - 2, responded])));
    const removalRequests = Math.min(sent, someCount());
    const itemsRequested = removalRequests === 0 ? 0 : removalRequests + next(30);
    const itemsRemoved = Math.min(itemsRequested, Math.max(0, pick([0, 3, 12, itemsRequested - 2, itemsRequested])));
    return {
      sent,
      responded: Math.max(0, responded),
      onTime,
      removalRequests,
      itemsRequested,
      itemsRemoved,
      medianResponseHours: 12,
      kmMedianResponseHours: 40,
    };
  }

  /** Other tables that differ from `table` only in one hidden small count of platform i. */
  function alternatives(table: PlatformCounts[], i: number, published: ReturnType<typeof publish>): PlatformCounts[][] {
    const c = table[i];
    const f = published.rows[i];
    const out: PlatformCounts[][] = [];
    const replace = (row: PlatformCounts) => table.map((r, k) => (k === i ? row : r));
    for (let v = 1; v < MIN; v++) {
      if (f.sent.status === 'fewer_than_min' && v !== c.sent) {
        // Every figure of the row is hidden: any consistent row of v requests.
        const responded = Math.min(c.responded, v);
        out.push(
          replace({ ...c, sent: v, responded, onTime: Math.min(c.onTime, responded), removalRequests: Math.min(c.removalRequests, v) }),
        );
      }
      // Answered or unanswered hidden (sent shown): each that is small, set to v, the other to sent minus v.
      if (f.sent.status === 'shown' && f.responded.status !== 'shown') {
        if (isSmall(c.responded, MIN) && v !== c.responded && v >= c.onTime) out.push(replace({ ...c, responded: v }));
        const unanswered = c.sent - c.responded;
        if (isSmall(unanswered, MIN) && v !== unanswered && c.sent - v >= c.onTime) out.push(replace({ ...c, responded: c.sent - v }));
      }
    }
    return out;
  }

  it('should publish the same thing for every value a hidden count could have', () => {
    let hidden = 0;
    for (let n = 0; n < 400; n++) {
      const table = Array.from({ length: 1 + next(5) }, platform);
      const published = publish(table);
      table.forEach((_, i) => {
        for (const other of alternatives(table, i, published)) {
          hidden++;
          expect({ table: other, published: publish(other) }).toEqual({ table: other, published });
        }
      });
    }
    // The generator must actually produce hidden counts, or this test would prove nothing.
    expect(hidden).toBeGreaterThan(500);
  });
});

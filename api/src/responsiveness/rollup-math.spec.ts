import { type Histogram, kaplanMeierMedian, percentileCont } from './rollup-math';

/** Builds the histogram and the hour reader from plain values, as the rollups would. */
function fromValues(values: number[]): { histogram: Histogram; read: (hour: number) => Promise<number[]>; reads: number[] } {
  const sorted = [...values].sort((a, b) => a - b);
  const byHour = new Map<number, number[]>();
  for (const v of sorted) byHour.set(Math.floor(v), [...(byHour.get(Math.floor(v)) ?? []), v]);
  const reads: number[] = [];
  return {
    histogram: [...byHour.entries()].sort((a, b) => a[0] - b[0]).map(([hour, vs]) => ({ hour, n: vs.length })),
    read: async (hour) => {
      reads.push(hour);
      return byHour.get(hour) ?? [];
    },
    reads,
  };
}

/** The textbook computations, on every value, to compare with. */
function percentileContNaive(values: number[], f: number): number | null {
  if (!values.length) return null;
  const s = [...values].sort((a, b) => a - b);
  const pos = f * (s.length - 1);
  return s[Math.floor(pos)] + (pos - Math.floor(pos)) * (s[Math.ceil(pos)] - s[Math.floor(pos)]);
}

function kmNaive(events: number[], censored: number[]): number | null {
  const all = [...events.map((t) => ({ t, e: true })), ...censored.map((t) => ({ t, e: false }))];
  const times = [...new Set(all.map((x) => x.t))].sort((a, b) => a - b);
  let s = 1;
  for (const t of times) {
    const n = all.filter((x) => x.t >= t).length;
    const d = all.filter((x) => x.t === t && x.e).length;
    if (d > 0) {
      s *= 1 - d / n;
      if (s <= 0.5 + 1e-9) return t;
    }
  }
  return null;
}

function random(seed: number) {
  let a = seed;
  return () => {
    a = (a * 1664525 + 1013904223) % 4294967296;
    return a / 4294967296;
  };
}

describe('percentileCont', () => {
  it('should interpolate like PostgreSQL for odd and even counts and ties', async () => {
    for (const values of [[10, 20, 20, 40, 100], [5, 15], [3.5], [1, 1, 1, 2]]) {
      const { histogram, read } = fromValues(values);
      for (const f of [0.5, 0.9]) expect(await percentileCont(histogram, f, read)).toBeCloseTo(percentileContNaive(values, f)!, 12);
    }
  });

  it('should be null for no values and read only the hours it needs', async () => {
    expect(await percentileCont([], 0.5, async () => [])).toBeNull();
    const values = Array.from({ length: 1000 }, (_, i) => i / 3);
    const { histogram, read, reads } = fromValues(values);
    await percentileCont(histogram, 0.5, read);
    expect(reads.length).toBeLessThanOrEqual(2);
  });
});

describe('kaplanMeierMedian', () => {
  it('should give the hand-worked median: events 10, 20, 20, 40, 100 h; censored 1224 and 1344 h', async () => {
    const { histogram, read } = fromValues([10, 20, 20, 40, 100]);
    expect(
      await kaplanMeierMedian(
        histogram,
        7,
        [1224, 1344].filter((t) => t <= 100),
        read,
      ),
    ).toBe(40);
  });

  it('should be null when the curve never reaches one half (the 2020 Telegram case)', async () => {
    expect(await kaplanMeierMedian([], 7, [], async () => [])).toBeNull();
  });

  it('should agree with the textbook estimate on random data with censoring mixed in', async () => {
    const rnd = random(7);
    for (let trial = 0; trial < 200; trial++) {
      const events = Array.from({ length: 1 + Math.floor(rnd() * 40) }, () => Math.round(rnd() * 3000) / 10);
      const censored = Array.from({ length: Math.floor(rnd() * 40) }, () => Math.round(rnd() * 3000) / 10);
      const { histogram, read } = fromValues(events);
      const lastHour = histogram[histogram.length - 1].hour;
      const expected = kmNaive(events, censored);
      const got = await kaplanMeierMedian(
        histogram,
        events.length + censored.length,
        censored.filter((t) => Math.floor(t) <= lastHour),
        read,
      );
      expect({ trial, got }).toEqual({ trial, got: expected });
    }
  });
});

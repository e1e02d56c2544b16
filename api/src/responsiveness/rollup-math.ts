/**
 * Exact order statistics from hour histograms: a histogram says which whole hour holds a rank, and
 * only that hour's exact values are read (through `values`). Pure apart from that callback; the
 * rollup repository supplies the histograms and reads the values.
 */

/** Counts per whole hour, ascending by hour. */
export type Histogram = { hour: number; n: number }[];

/** The exact values within one hour, ascending. */
export type HourValues = (hour: number) => Promise<number[]>;

/** As in the SQL: the share still unanswered is "at most one half", with a float tolerance. */
export const HALF = 0.5 + 1e-9;

const total = (h: Histogram) => h.reduce((s, b) => s + b.n, 0);

/** The hour holding the value of 0-based rank `rank`, and the rank's offset within that hour. */
function locate(histogram: Histogram, rank: number): { hour: number; offset: number } {
  let before = 0;
  for (const { hour, n } of histogram) {
    if (rank < before + n) return { hour, offset: rank - before };
    before += n;
  }
  throw new Error(`rank ${rank} is beyond the histogram`);
}

/** PostgreSQL's percentile_cont: linear interpolation between the ranks around fraction * (n - 1). */
export async function percentileCont(histogram: Histogram, fraction: number, values: HourValues): Promise<number | null> {
  const n = total(histogram);
  if (n === 0) return null;
  const pos = fraction * (n - 1);
  const at = async (rank: number) => {
    const { hour, offset } = locate(histogram, rank);
    return (await values(hour))[offset];
  };
  const lo = await at(Math.floor(pos));
  const hi = await at(Math.ceil(pos));
  return lo + (pos - Math.floor(pos)) * (hi - lo);
}

/** A point of the Kaplan-Meier walk: the survival after the events of `hour`, or after those at exact time `t`. */
interface Step {
  hour: number;
  t: number | null;
  survival: number;
}

/**
 * Walks the Kaplan-Meier curve of time to first response: `events` are the answered requests by hour,
 * `atRisk` every request counted, `censored` the exact censoring times (asOf - sentAt) of the unanswered
 * ones that fall within the events' hours. A whole hour with no censoring is crossed in one step (the
 * product telescopes to (n - d) / n), unless `replay(hour, survivalAfter)` asks for its exact times;
 * an hour with censoring is always replayed at its exact times, which are read only then. Hours
 * crossed in one step are yielded only when `everyHour` (a yield costs a tick: thousands per series).
 */
async function* kaplanMeierSteps(
  events: Histogram,
  atRisk: number,
  censored: number[],
  values: HourValues,
  replay: (hour: number, survivalAfter: number) => boolean,
  everyHour: boolean,
): AsyncGenerator<Step> {
  const censoredByHour = new Map<number, number[]>();
  for (const t of censored) censoredByHour.set(Math.floor(t), [...(censoredByHour.get(Math.floor(t)) ?? []), t]);
  const eventsByHour = new Map(events.map((b) => [b.hour, b.n]));
  const hours = [...new Set([...eventsByHour.keys(), ...censoredByHour.keys()])].sort((a, b) => a - b);

  let n = atRisk;
  let survival = 1;
  for (const hour of hours) {
    const d = eventsByHour.get(hour) ?? 0;
    const cens = censoredByHour.get(hour) ?? [];
    const after = (survival * (n - d)) / n;
    if (cens.length === 0 && !replay(hour, after)) {
      survival = after;
      n -= d;
      if (d > 0 && everyHour) yield { hour, t: null, survival };
      continue;
    }
    // Replay the hour at its exact times; at equal times events come before censoring, as in the SQL.
    const times = [...(d > 0 ? (await values(hour)).map((t) => ({ t, event: true })) : []), ...cens.map((t) => ({ t, event: false }))];
    times.sort((a, b) => a.t - b.t || Number(b.event) - Number(a.event));
    for (let i = 0; i < times.length;) {
      const t = times[i].t;
      let dt = 0;
      let ct = 0;
      for (; i < times.length && times[i].t === t; i++) {
        if (times[i].event) dt++;
        else ct++;
      }
      if (dt > 0) {
        survival *= 1 - dt / n;
        yield { hour, t, survival };
      }
      n -= dt + ct;
    }
  }
}

/** The Kaplan-Meier median: the first exact time at which the share still unanswered is at most one half. */
export async function kaplanMeierMedian(events: Histogram, atRisk: number, censored: number[], values: HourValues): Promise<number | null> {
  for await (const step of kaplanMeierSteps(events, atRisk, censored, values, (_hour, after) => after <= HALF, false)) {
    if (step.t !== null && step.survival <= HALF) return step.t;
  }
  return null;
}

/** The Kaplan-Meier curve at whole hours before `maxHours`: the share still unanswered after each hour with a response. */
export async function kaplanMeierCurve(
  events: Histogram,
  atRisk: number,
  censored: number[],
  values: HourValues,
  maxHours: number,
): Promise<{ hour: number; unanswered: number }[]> {
  const byHour = new Map<number, number>();
  for await (const step of kaplanMeierSteps(events, atRisk, censored, values, () => false, true)) {
    if (step.hour >= maxHours) break;
    byHour.set(step.hour, step.survival);
  }
  return [...byHour].map(([hour, unanswered]) => ({ hour, unanswered }));
}

/**
 * Pure shaping of the stats API's rows for the dashboard. Figures are the server's: these functions
 * pick, group and sum them for display, and never estimate anything the API does not return.
 */
import type { KmCurve, ResponsivenessRow, SeriesRow } from '../types';

/** The query parameters GET /api/stats/* accept (anything else is a 400). */
export interface StatsFilter {
  from?: string;
  to?: string;
  asOf?: string;
  type?: string;
  category?: string;
  channel?: string;
  agencyId?: number;
  platformId?: number;
}

const STATS_PARAMS: readonly (keyof StatsFilter)[] = ['from', 'to', 'asOf', 'type', 'category', 'channel', 'agencyId', 'platformId'];

/** `?from=…&type=…` with only the parameters the API knows and only those that are set. */
export function statsQueryString(filter: StatsFilter, extra: Record<string, string | undefined> = {}): string {
  const params = new URLSearchParams();
  for (const key of STATS_PARAMS) {
    const value = filter[key];
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  for (const [key, value] of Object.entries(extra)) if (value) params.set(key, value);
  const query = params.toString();
  return query ? `?${query}` : '';
}

export const PRESETS = ['all', 'last30', 'last90', 'last12m', 'this_year', 'last_year', 'custom'] as const;
export type Preset = (typeof PRESETS)[number];

/** What the dashboard's filter bar holds (dates as YYYY-MM-DD, as date inputs give them). */
export interface DashboardFilter {
  preset: Preset;
  from?: string;
  to?: string;
  type?: string;
  category?: string;
}

export const DEFAULT_FILTER: DashboardFilter = { preset: 'last12m' };

const utcDay = (y: number, m: number, d: number) => new Date(Date.UTC(y, m, d)).toISOString();
const isDay = (value: string | undefined): value is string => !!value && /^\d{4}-\d{2}-\d{2}$/.test(value);

/** The [from, to) of a preset, in whole UTC days so that the query stays the same all day. */
export function periodOf(filter: DashboardFilter, now: Date): { from?: string; to?: string } {
  const y = now.getUTCFullYear();
  const m = now.getUTCMonth();
  const d = now.getUTCDate();
  switch (filter.preset) {
    case 'all':
      return {};
    case 'last30':
      return { from: utcDay(y, m, d - 30) };
    case 'last90':
      return { from: utcDay(y, m, d - 90) };
    case 'last12m':
      return { from: utcDay(y, m - 11, 1) };
    case 'this_year':
      return { from: utcDay(y, 0, 1) };
    case 'last_year':
      return { from: utcDay(y - 1, 0, 1), to: utcDay(y, 0, 1) };
    case 'custom':
      return {
        ...(isDay(filter.from) && { from: `${filter.from}T00:00:00.000Z` }),
        ...(isDay(filter.to) && { to: `${filter.to}T00:00:00.000Z` }),
      };
  }
}

/** The stats query for the dashboard filter. */
export function toStatsFilter(filter: DashboardFilter, now: Date): StatsFilter {
  return {
    ...periodOf(filter, now),
    ...(filter.type && { type: filter.type }),
    ...(filter.category && { category: filter.category }),
  };
}

/** The overdue list filters on type and category only (it is "now", whatever the period). */
export function overdueListFilter(filter: DashboardFilter): Record<string, string> {
  return { ...(filter.type && { type: filter.type }), ...(filter.category && { category: filter.category }) };
}

export interface Totals {
  sent: number;
  responded: number;
  unanswered: number;
  overdue: number;
  /** responded / sent over all platforms; null when nothing was sent. */
  responseRate: number | null;
}

export function totals(rows: readonly ResponsivenessRow[]): Totals {
  const sum = (pick: (r: ResponsivenessRow) => number) => rows.reduce((acc, r) => acc + pick(r), 0);
  const sent = sum((r) => r.sent);
  const responded = sum((r) => r.responded);
  return {
    sent,
    responded,
    unanswered: sum((r) => r.unanswered),
    overdue: sum((r) => r.overdue),
    responseRate: sent === 0 ? null : responded / sent,
  };
}

export interface PlatformChartRow {
  platformId: number;
  platform: string;
  sent: number;
  responded: number;
  /** The API's responseRate as a percentage (0..100), for a percentage axis. */
  responseRatePct: number | null;
  responseRate: number | null;
  medianResponseHours: number | null;
  p90ResponseHours: number | null;
  kmMedianResponseHours: number | null;
}

/** One bar group per platform that was sent something in the period, in the API's order. */
export function platformChartRows(rows: readonly ResponsivenessRow[]): PlatformChartRow[] {
  return rows
    .filter((r) => r.sent > 0)
    .map((r) => ({
      platformId: r.platformId,
      platform: r.platform,
      sent: r.sent,
      responded: r.responded,
      responseRate: r.responseRate,
      responseRatePct: r.responseRate === null ? null : r.responseRate * 100,
      medianResponseHours: r.medianResponseHours,
      p90ResponseHours: r.p90ResponseHours,
      kmMedianResponseHours: r.kmMedianResponseHours,
    }));
}

export interface TrendPoint {
  period: string;
  sent: number;
  responded: number;
}

function nextPeriod(iso: string, interval: 'month' | 'quarter' | 'year'): string {
  const date = new Date(iso);
  const step = { month: 1, quarter: 3, year: 12 }[interval];
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + step, 1)).toISOString();
}

/**
 * Sent and answered per period over all platforms (the series has one row per platform and period),
 * oldest first; periods between the first and the last with nothing sent are shown as zero.
 */
export function trendPoints(rows: readonly SeriesRow[], interval: 'month' | 'quarter' | 'year' = 'month'): TrendPoint[] {
  const byPeriod = new Map<string, TrendPoint>();
  for (const row of rows) {
    const period = new Date(row.period).toISOString();
    const point = byPeriod.get(period) ?? { period, sent: 0, responded: 0 };
    point.sent += row.sent;
    point.responded += row.responded;
    byPeriod.set(period, point);
  }
  const periods = [...byPeriod.keys()].sort();
  if (periods.length === 0) return [];
  const out: TrendPoint[] = [];
  const last = periods[periods.length - 1];
  for (let p = periods[0]; p <= last && out.length < 1200; p = nextPeriod(p, interval)) {
    out.push(byPeriod.get(p) ?? { period: p, sent: 0, responded: 0 });
  }
  return out;
}

/** One row per hour at which some curve steps: each platform's share still unanswered, in percent. */
export type KmChartRow = { hour: number } & Record<string, number>;

/**
 * The server's step curves on one shared hour axis for recharts: at each hour where any curve steps,
 * every platform's value is its last step at or before that hour (the curves are flat in between).
 */
export function kmChartRows(curves: readonly KmCurve[]): KmChartRow[] {
  const hours = [...new Set(curves.flatMap((c) => c.points.map((p) => p.hour)))].sort((a, b) => a - b);
  return hours.map((hour) => {
    const row: KmChartRow = { hour };
    for (const curve of curves) {
      const last = curve.points.filter((p) => p.hour <= hour).at(-1);
      if (last) row[curve.platform] = Math.round(last.unanswered * 10000) / 100;
    }
    return row;
  });
}

/** A column of the per-platform table. */
export type PlatformSortKey =
  | 'platform'
  | 'sent'
  | 'responded'
  | 'unanswered'
  | 'responseRate'
  | 'medianResponseHours'
  | 'p90ResponseHours'
  | 'kmMedianResponseHours'
  | 'overdue'
  | 'onTimeRate';

export interface PlatformSort {
  key: PlatformSortKey;
  direction: 'asc' | 'desc';
}

/** The first click on a column: names A to Z, figures largest first (the platform that stands out). */
export const firstDirection = (key: PlatformSortKey): PlatformSort['direction'] => (key === 'platform' ? 'asc' : 'desc');

/** A click on a column's header: the other direction if it is the sorted one, else its first direction. */
export function nextSort(current: PlatformSort | null, key: PlatformSortKey): PlatformSort {
  if (current?.key === key) return { key, direction: current.direction === 'asc' ? 'desc' : 'asc' };
  return { key, direction: firstDirection(key) };
}

/**
 * The table's rows in the chosen order (a copy; null keeps the API's order). Names compare in the
 * user's locale; a figure the API left empty (no rate, no median) goes last either way, and ties keep
 * the platforms in name order.
 */
export function sortPlatformRows<R extends Pick<ResponsivenessRow, 'platform'> & Partial<Record<PlatformSortKey, unknown>>>(
  rows: readonly R[],
  sort: PlatformSort | null,
  locale: string,
): R[] {
  if (!sort) return [...rows];
  const collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
  const byName = (a: R, b: R) => collator.compare(a.platform, b.platform);
  const sign = sort.direction === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => {
    if (sort.key === 'platform') return sign * byName(a, b);
    const x = a[sort.key];
    const y = b[sort.key];
    const xEmpty = typeof x !== 'number' || !Number.isFinite(x);
    const yEmpty = typeof y !== 'number' || !Number.isFinite(y);
    if (xEmpty || yEmpty) return xEmpty === yEmpty ? byName(a, b) : xEmpty ? 1 : -1;
    return sign * ((x as number) - (y as number)) || byName(a, b);
  });
}

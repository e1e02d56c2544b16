/**
 * Pure shaping of GET /api/cross-check's rows for the cross-check screen: the query, the grouping by
 * company or service, the chart series per half-year, and numbers that stand for a range ("886–899").
 * Every figure is the API's; nothing here recomputes a finding.
 */
import { EMPTY } from '../common/format';
import { type CrossCheckRow, type Interval, periodLabel, type RequesterType } from '../../../domain/src';

/** The filters GET /api/cross-check accepts (dates as YYYY-MM-DD); anything else would be a 400. */
export interface CrossCheckFilter {
  subject?: string;
  jurisdiction?: string;
  requesterType?: RequesterType | '';
  platformId?: number | '';
  from?: string;
  to?: string;
}

const PARAMS: readonly (keyof CrossCheckFilter)[] = ['subject', 'jurisdiction', 'requesterType', 'platformId', 'from', 'to'];

/** `?subject=…&language=…` with only the filters that are set (the subject trimmed, the jurisdiction in capitals). */
export function crossCheckQueryString(filter: CrossCheckFilter, extra: Record<string, string | undefined> = {}): string {
  const params = new URLSearchParams();
  for (const key of PARAMS) {
    const raw = filter[key];
    const value = typeof raw === 'string' ? raw.trim() : raw;
    if (value === undefined || value === null || value === '') continue;
    params.set(key, key === 'jurisdiction' ? String(value).toUpperCase() : String(value));
  }
  for (const [key, value] of Object.entries(extra)) if (value) params.set(key, value);
  const query = params.toString();
  return query ? `?${query}` : '';
}

/** The same filters for the DSA table 3 export, which knows only the platform and the period. */
export const dsaExportQueryString = (filter: CrossCheckFilter): string =>
  crossCheckQueryString({ platformId: filter.platformId, from: filter.from, to: filter.to });

const formats = new Map<string, Intl.NumberFormat>();
function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  if (!formats.has(key)) formats.set(key, new Intl.NumberFormat(locale, options));
  return formats.get(key)!;
}

export type IntervalKind = 'count' | 'percent' | 'points' | 'hours';

const OPTIONS: Record<IntervalKind, Intl.NumberFormatOptions> = {
  count: { maximumFractionDigits: 0 },
  percent: { maximumFractionDigits: 1 },
  points: { maximumFractionDigits: 1 },
  hours: { maximumFractionDigits: 1 },
};

/**
 * A value that rounding leaves as a range, in the locale's way: "886–899" (Korean "886~899"), one
 * number when both ends read the same. Percentages get "%" once, after the range ("64.5–65.5%"); a difference
 * (`signed`) shows its sign ("+12", "-5 – +3").
 */
export function formatInterval(interval: Interval | null | undefined, locale: string, kind: IntervalKind, signed = false): string {
  if (!interval || !Number.isFinite(interval.low) || !Number.isFinite(interval.high)) return EMPTY;
  const format = numberFormat(locale, { ...OPTIONS[kind], ...(signed && { signDisplay: 'exceptZero' }) });
  const low = format.format(interval.low);
  const text = low === format.format(interval.high) ? low : format.formatRange(interval.low, interval.high);
  return kind === 'percent' ? `${text}%` : text;
}

/** One number as an interval of itself, for the side that has no rounding (ours). */
export const exactly = (value: number | null | undefined): Interval | null =>
  typeof value === 'number' && Number.isFinite(value) ? { low: value, high: value } : null;

/** Where a row's figures apply besides the subject and period: who published them, for which country, requester and category. */
export interface Scope {
  key: string;
  publisher: string;
  jurisdiction: string | null;
  requesterType: RequesterType | null;
  /** The requester as the publisher named it, when it names one. */
  requester: string | null;
  category: string | null;
}

export const scopeOf = (row: CrossCheckRow): Scope => {
  const { publisher, jurisdiction, requesterType, requester, category } = row;
  return {
    key: JSON.stringify([publisher, jurisdiction, requesterType, requester, category]),
    publisher,
    jurisdiction,
    requesterType,
    requester,
    category,
  };
};

/** One half-year of one scope as the charts draw it: a bar from 0, or a floating bar [low, high] for a range. */
export interface HalfYearPoint {
  period: string;
  periodStart: string;
  publishedRequests: number | [number, number] | null;
  ourRequests: number | null;
  publishedRemovalPct: [number, number] | null;
  ourRemovalPct: number | null;
}

export interface ScopeSeries extends Scope {
  /** Oldest first, as a time axis reads. */
  points: HalfYearPoint[];
}

/** All the rows of one company or service. */
export interface SubjectGroup {
  subject: string;
  subjectKind: CrossCheckRow['subjectKind'];
  /** Newest period first. */
  rows: CrossCheckRow[];
  /** How many findings its rows have (not counting the explanations). */
  findings: number;
  /** One series per scope; the one with most half-years first. */
  series: ScopeSeries[];
}

const asBar = (interval: Interval | null | undefined): number | [number, number] | null =>
  !interval ? null : interval.low === interval.high ? interval.low : [interval.low, interval.high];

export function halfYearPoint(row: CrossCheckRow): HalfYearPoint {
  const removal = row.derived.itemsRemovedPct;
  return {
    period: periodLabel({ start: row.periodStart, end: row.periodEnd }),
    periodStart: row.periodStart,
    publishedRequests: asBar(row.published.requests),
    ourRequests: row.ours?.requests ?? null,
    publishedRemovalPct: removal ? [removal.low, removal.high] : null,
    ourRemovalPct: row.ours?.itemsRemovedPct ?? null,
  };
}

const byText = (a: string | null, b: string | null) => (a ?? '').localeCompare(b ?? '');

/** The rows grouped by company or service (alphabetically), each with its chart series per scope. */
export function groupBySubject(rows: readonly CrossCheckRow[]): SubjectGroup[] {
  const groups = new Map<string, CrossCheckRow[]>();
  for (const row of rows) {
    const key = JSON.stringify([row.subject, row.subjectKind]);
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  return [...groups.values()]
    .map((members) => {
      const sorted = [...members].sort(
        (a, b) =>
          b.periodStart.localeCompare(a.periodStart) ||
          byText(a.publisher, b.publisher) ||
          byText(a.jurisdiction, b.jurisdiction) ||
          byText(a.requesterType, b.requesterType) ||
          byText(a.requester, b.requester) ||
          byText(a.category, b.category),
      );
      const scopes = new Map<string, ScopeSeries>();
      for (const row of sorted) {
        const scope = scopeOf(row);
        const series = scopes.get(scope.key) ?? { ...scope, points: [] };
        series.points.unshift(halfYearPoint(row));
        scopes.set(scope.key, series);
      }
      return {
        subject: sorted[0].subject,
        subjectKind: sorted[0].subjectKind,
        rows: sorted,
        findings: sorted.reduce((n, r) => n + r.findings.length, 0),
        // A stable sort keeps the table's order among scopes with as many half-years.
        series: [...scopes.values()].sort((a, b) => b.points.length - a.points.length),
      };
    })
    .sort((a, b) => a.subject.localeCompare(b.subject) || a.subjectKind.localeCompare(b.subjectKind));
}

import { countedSql, facetKey, type RollupFacet } from '../../../domain/src';
import type { StatsQueryDto } from './stats-query.dto';

/**
 * What a statistic covers, split the way the rollups can answer it: the whole UTC months of the
 * period come from the rollups (of one facet), and the part-months at its edges (a preset such as the
 * last 30 days) from the requests themselves, which an index on sent_at keeps to a few weeks of rows.
 */
export interface RollupWindow {
  from: Date | null;
  to: Date | null;
  asOf: Date;
  /** Every platform when null. */
  platformIds: number[] | null;
  /** The rollups' facet key ('' for all requests) and the same filter on the requests. */
  facet: string;
  filter: { column: RollupFacet; value: string } | null;
  /** The whole months, [monthsFrom, monthsTo); null bounds are open; none when `wholeMonths` is false. */
  wholeMonths: boolean;
  monthsFrom: Date | null;
  monthsTo: Date | null;
}

const monthStart = (d: Date) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1));
const nextMonthStart = (d: Date) => {
  const start = monthStart(d);
  return start.getTime() === d.getTime() ? start : new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1));
};

/** The rollups answer every filter but the channel, the agency, and a type and a category together. */
export function facetOf(query: StatsQueryDto): RollupWindow['filter'] | undefined {
  if (query.channel || query.agencyId || (query.type && query.category)) return undefined;
  if (query.type) return { column: 'type', value: query.type };
  if (query.category) return { column: 'category', value: query.category };
  return null;
}

export function rollupWindow(query: StatsQueryDto, asOf: Date, platformIds: number[] | null = null): RollupWindow {
  const filter = facetOf(query);
  if (filter === undefined) throw new Error('the rollups do not cover this query');
  const from = query.from ? new Date(query.from) : null;
  const to = query.to ? new Date(query.to) : null;
  const monthsFrom = from && nextMonthStart(from);
  const monthsTo = to && monthStart(to);
  return {
    from,
    to,
    asOf,
    platformIds: platformIds ?? (query.platformId ? [query.platformId] : null),
    facet: filter ? facetKey(filter.column, filter.value) : '',
    filter,
    wholeMonths: !monthsFrom || !monthsTo || monthsFrom < monthsTo,
    monthsFrom,
    monthsTo,
  };
}

/** Numbered parameters for one statement: `p(value)` gives its placeholder. */
export class Params {
  readonly values: unknown[] = [];
  p(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/** A range of whole months or years, [from, to); a null bound is open. */
export type Span = [from: Date | null, to: Date | null];

/**
 * Conditions on the rollup table aliased `m`: the facet, the platforms, and `column` (month or year)
 * within `span`, by default the window's whole months.
 */
export function rollupConditions(w: RollupWindow, params: Params, column = 'month', [from, to]: Span = [w.monthsFrom, w.monthsTo]): string {
  return [
    `m.facet = ${params.p(w.facet)}`,
    ...(w.platformIds ? [`m.platform_id = ANY(${params.p(w.platformIds)}::int[])`] : []),
    ...(from ? [`m.${column} >= ${params.p(from)}::date`] : []),
    ...(to ? [`m.${column} < ${params.p(to)}::date`] : []),
  ].join(' AND ');
}

const yearStart = (d: Date) => new Date(Date.UTC(d.getUTCFullYear(), 0, 1));

/** The window's whole months as the whole years within them (null when none) and the months either side. */
export function yearsAndMonths(w: RollupWindow): { years: Span | null; months: Span[] } {
  const { monthsFrom, monthsTo } = w;
  const yearsFrom =
    monthsFrom &&
    (yearStart(monthsFrom).getTime() === monthsFrom.getTime() ? monthsFrom : new Date(Date.UTC(monthsFrom.getUTCFullYear() + 1, 0, 1)));
  const yearsTo = monthsTo && yearStart(monthsTo);
  if (yearsFrom && yearsTo && yearsFrom >= yearsTo) return { years: null, months: [[monthsFrom, monthsTo]] };
  return {
    years: [yearsFrom, yearsTo],
    months: [
      ...(monthsFrom && monthsFrom < yearsFrom! ? [[monthsFrom, yearsFrom] as Span] : []),
      ...(monthsTo && yearsTo! < monthsTo ? [[yearsTo, monthsTo] as Span] : []),
    ],
  };
}

/**
 * Conditions on `requests r`: counted, of the platforms and the facet, and sent within the whole
 * window, or (`edgesOnly`) within its part-months only; null when that part is empty.
 */
export function requestConditions(w: RollupWindow, params: Params, edgesOnly = false): string | null {
  const leftEdge = !!w.from && w.monthsFrom! > w.from;
  const rightEdge = !!w.to && w.monthsTo! < w.to;
  const onlyEdges = edgesOnly && w.wholeMonths;
  if (onlyEdges && !leftEdge && !rightEdge) return null;
  const conditions = [countedSql('r')];
  if (w.platformIds) conditions.push(`r.platform_id = ANY(${params.p(w.platformIds)}::int[])`);
  if (w.filter) conditions.push(`r.${w.filter.column} = ${params.p(w.filter.value)}`);
  const range = (from: Date | null, to: Date | null) =>
    [...(from ? [`r.sent_at >= ${params.p(from)}`] : []), ...(to ? [`r.sent_at < ${params.p(to)}`] : [])].join(' AND ') || 'true';
  if (!onlyEdges) conditions.push(range(w.from, w.to));
  else {
    const edges = [...(leftEdge ? [range(w.from, w.monthsFrom)] : []), ...(rightEdge ? [range(w.monthsTo, w.to)] : [])];
    conditions.push(`(${edges.join(' OR ')})`);
  }
  return conditions.join(' AND ');
}

import type { RequestStatus } from './vocabulary';

/**
 * Which requests count, and which are overdue (docs/domain.md, "Metrics"). Each rule is written here
 * once as a TypeScript predicate and once as the SQL fragment that every query uses; a unit test
 * holds the two equal, and the e2e tests hold the SQL to the endpoints.
 */

/** A list of vocabulary values as SQL literals, for `IN (…)`; the values are the domain's own, never user input. */
export const sqlValues = (values: readonly string[]): string => values.map((v) => `'${v}'`).join(', ');

/** Statuses that never count: a draft was never sent, a withdrawn request was taken back. */
export const UNCOUNTED_STATUSES = ['draft', 'withdrawn'] as const satisfies readonly RequestStatus[];

export interface CountedFields {
  status: RequestStatus;
  sentAt: Date | null;
}

/** A request counts in the statistics when it was sent and neither withdrawn nor still a draft. */
export const isCounted = (r: CountedFields): boolean => !(UNCOUNTED_STATUSES as readonly string[]).includes(r.status) && r.sentAt !== null;

/** isCounted in SQL, over the requests table aliased `r` (snake_case columns). */
export const countedSql = (r = 'r'): string => `${r}.status NOT IN (${sqlValues(UNCOUNTED_STATUSES)}) AND ${r}.sent_at IS NOT NULL`;

export interface OverdueFields extends CountedFields {
  dueAt: Date | null;
  firstResponseAt: Date | null;
  /** Set by a bounce, cleared when a dispatch is accepted again. */
  deliveryFailedAt?: Date | null;
}

/**
 * Not delivered at `asOf`: our mail bounced and has not been sent again since. The platform never got
 * the request, so it is not silent on it: such a request is not overdue.
 */
export const isUndelivered = (r: Pick<OverdueFields, 'deliveryFailedAt'>, asOf: Date): boolean =>
  !!r.deliveryFailedAt && r.deliveryFailedAt <= asOf;

/** isUndelivered in SQL over the requests table aliased `r`; `asOf` is an SQL expression. */
export const undeliveredSql = (asOf: string, r = 'r'): string =>
  `(${r}.delivery_failed_at IS NOT NULL AND ${r}.delivery_failed_at <= ${asOf})`;

/** Answered as of `asOf`: a platform-originated event at or before it. */
export const isAnswered = (r: Pick<OverdueFields, 'firstResponseAt'>, asOf: Date): boolean =>
  r.firstResponseAt !== null && r.firstResponseAt <= asOf;

/** Overdue as of `asOf`: counted, sent by then, unanswered at `asOf`, `asOf` past the deadline, and not undelivered. */
export const isOverdue = (r: OverdueFields, asOf: Date): boolean =>
  isCounted(r) && r.sentAt! <= asOf && r.dueAt !== null && r.dueAt < asOf && !isAnswered(r, asOf) && !isUndelivered(r, asOf);

/**
 * isOverdue in SQL over the requests table aliased `r`; `asOf` is an SQL expression (a parameter
 * such as `$1` or `:asOf`, or `now()`).
 */
export const overdueSql = (asOf: string, r = 'r'): string =>
  `(${countedSql(r)} AND ${r}.sent_at <= ${asOf} AND ${r}.due_at < ${asOf} AND (${r}.first_response_at IS NULL OR ${r}.first_response_at > ${asOf})` +
  ` AND NOT ${undeliveredSql(asOf, r)})`;

/**
 * The additive counts the statistics' rollups keep per platform and month (docs/domain.md, "Metrics"),
 * as SQL over one request row (unqualified snake_case columns): the rollup triggers and the rollup
 * reader's partial months use these, so that both sides of a period count alike.
 */
export const ROLLUP_COUNTS = [
  ['sent', '1'],
  ['responded', '(first_response_at IS NOT NULL)::int'],
  ['on_time', 'coalesce(first_response_at <= due_at, false)::int'],
  ['items_requested', `CASE WHEN type = 'removal' THEN items_total ELSE 0 END`],
  ['items_removed', `CASE WHEN type = 'removal' THEN items_removed ELSE 0 END`],
  ['items_still_online', `CASE WHEN type = 'removal' THEN items_still_online ELSE 0 END`],
  ['removed_completely', `(type = 'removal' AND items_total > 0 AND items_removed = items_total)::int`],
  ['removed_partially', `(type = 'removal' AND items_removed > 0 AND items_removed < items_total)::int`],
  ['not_removed', `(type = 'removal' AND items_total > 0 AND items_removed = 0)::int`],
] as const;
export type RollupCount = (typeof ROLLUP_COUNTS)[number][0];

/** The filters the rollups are kept by: a request is counted under all requests, its type, and its category. */
export const ROLLUP_FACETS = ['type', 'category'] as const;
export type RollupFacet = (typeof ROLLUP_FACETS)[number];

/** The facet key of a filter (the rollups' `facet` column): '' for no filter, `type:removal`, `category:ncii`. */
export const facetKey = (facet?: RollupFacet, value?: string): string => (facet && value ? `${facet}:${value}` : '');

/** The facet keys one request row is counted under, as an SQL array over its columns (unqualified, or of alias `r`). */
export const facetKeysSql = (r?: string): string =>
  `ARRAY['', ${ROLLUP_FACETS.map((f) => `'${f}:' || ${r ? `${r}.` : ''}${f}`).join(', ')}]`;

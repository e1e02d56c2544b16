import type { DataSource, ObjectLiteral, SelectQueryBuilder } from 'typeorm';

/** A list's total for Content-Range, and whether it is PostgreSQL's estimate rather than a count. */
export interface Total {
  total: number;
  estimated: boolean;
}

/**
 * Lists whose total a table kept by triggers holds exactly, however long the list (migration
 * RequestCounts): per resource, its counts table and the filters it is keyed by, each with the column
 * and how the list's filter reads a value (intFilter takes numbers).
 */
const COUNTED: Record<string, { table: string; keys: Record<string, { column: string; of: (value: unknown) => unknown }> }> = {
  requests: {
    table: 'request_counts',
    keys: { platformId: { column: 'platform_id', of: Number }, status: { column: 'status', of: String } },
  },
};

/**
 * The subquery of a list's exact total from its counts table, or undefined when the list's applied
 * filters are not all keys of one. For a list query that reads its table whole before the filters
 * (no condition or join of its own: the caller checks), built after the filters have checked the values.
 */
export function countedTotal(
  resource: string,
  filters: [field: string, value: unknown][],
): ((qb: SelectQueryBuilder<ObjectLiteral>) => SelectQueryBuilder<ObjectLiteral>) | undefined {
  const counted = COUNTED[resource];
  if (!counted || !filters.every(([field]) => field in counted.keys)) return undefined;
  return (qb) => {
    qb.select('coalesce(sum(c.n), 0)::int').from(counted.table, 'c');
    filters.forEach(([field, value], i) => {
      const { column, of } = counted.keys[field];
      // IN, as the list's filters write it: the planner counts the values (an array's it has to guess).
      qb.andWhere(`c.${column} IN (:...counted${i})`, { [`counted${i}`]: [value].flat().map(of) });
    });
    return qb;
  };
}

/** Totals are counted exactly up to this many rows; beyond, the planner's estimate is given. */
export const EXACT_COUNT_LIMIT = 10_000;

// An estimate is an estimate: the same list query reuses it for a few seconds instead of asking the
// planner again on every page (a round trip that was a fifth of a list request's work). Past that, the
// old estimate still answers while one call asks again: when every call under way asked at once, each
// took a second connection from the pool, and the calls behind them waited.
const ESTIMATE_TTL_MS = 5_000;
const ESTIMATES_KEPT = 1_000;
const largeEstimates = new Map<string, { estimate: number; until: number; refreshing: boolean }>();

/**
 * The total of a list no counts table holds (`sql` selects its rows). Counting a million rows on
 * every page would cost more than the page itself, so past EXACT_COUNT_LIMIT the total is PostgreSQL's
 * estimate for the same query, and says so.
 */
export function countUpTo(dataSource: DataSource, sql: string, params: unknown[]): Promise<Total> {
  const key = `${sql}\u0000${JSON.stringify(params)}`;
  const known = largeEstimates.get(key);
  if (known) {
    if (known.until <= Date.now() && !known.refreshing) {
      known.refreshing = true;
      totalOf(dataSource, sql, params, key).catch(() => largeEstimates.delete(key));
    }
    return Promise.resolve({ total: known.estimate, estimated: true });
  }
  return totalOf(dataSource, sql, params, key);
}

async function totalOf(dataSource: DataSource, sql: string, params: unknown[], key: string): Promise<Total> {
  const runner = dataSource.createQueryRunner();
  try {
    // Planning is cheap: when the estimate is far past the limit, counting would only confirm it.
    const [{ 'QUERY PLAN': plan }] = await runner.query(`EXPLAIN (FORMAT JSON) ${sql}`, params);
    const estimate = Math.round(plan[0].Plan['Plan Rows']);
    if (estimate > 10 * EXACT_COUNT_LIMIT) {
      if (largeEstimates.size >= ESTIMATES_KEPT) largeEstimates.clear();
      largeEstimates.set(key, { estimate, until: Date.now() + ESTIMATE_TTL_MS, refreshing: false });
      return { total: estimate, estimated: true };
    }
    largeEstimates.delete(key);
    const [{ n }] = await runner.query(`SELECT count(*)::int AS n FROM (${sql} LIMIT ${EXACT_COUNT_LIMIT + 1}) s`, params);
    return n <= EXACT_COUNT_LIMIT ? { total: n, estimated: false } : { total: Math.max(n, estimate), estimated: true };
  } finally {
    await runner.release();
  }
}

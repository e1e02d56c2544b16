import { assertPlainInput } from './plain-input.pipe';
import type { Response } from 'express';
import type { DataSource, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { queryPrepared } from '../../database/prepared-query';
import { DomainError, invalid } from '../errors/domain-error';

/**
 * The list dialect of react-admin's ra-data-simple-rest, written once:
 * `?sort=["field","ASC"]&range=[0,24]&filter={"platformId":3}` in, `Content-Range: name 0-24/319` out.
 * Sort fields and filters are allow-listed per resource; everything else is a 400 naming the field.
 */
export type FilterHandler<T extends ObjectLiteral> = (qb: SelectQueryBuilder<T>, value: unknown, param: string) => void;

export interface ListSpec<T extends ObjectLiteral> {
  resource: string;
  /** API field -> SQL expression it sorts by. */
  sortable: Record<string, string>;
  defaultSort: [string, 'ASC' | 'DESC'];
  filters: Record<string, FilterHandler<T>>;
}

export interface ListQuery {
  sort: [string, 'ASC' | 'DESC'];
  range: [number, number];
  filter: Record<string, unknown>;
}

export const MAX_PAGE_SIZE = 1000;
const DEFAULT_RANGE: [number, number] = [0, 24];

function parseJson(name: string, raw: unknown): unknown {
  if (raw === undefined || raw === '') return undefined;
  if (typeof raw !== 'string') throw invalid(name, 'must be given once, as JSON', 'list.bad_parameter');
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw invalid(name, 'is not valid JSON', 'list.bad_parameter');
  }
  assertPlainInput(parsed, name);
  return parsed;
}

export function parseListQuery<T extends ObjectLiteral>(query: Record<string, unknown>, spec: ListSpec<T>): ListQuery {
  const sortRaw = parseJson('sort', query.sort) ?? spec.defaultSort;
  if (!Array.isArray(sortRaw) || sortRaw.length !== 2 || typeof sortRaw[0] !== 'string') {
    throw invalid('sort', 'must be ["field","ASC"|"DESC"]', 'list.bad_parameter');
  }
  const order = String(sortRaw[1]).toUpperCase();
  if (order !== 'ASC' && order !== 'DESC') throw invalid('sort', 'order must be ASC or DESC', 'list.bad_parameter');
  if (!(sortRaw[0] in spec.sortable)) {
    throw invalid('sort', `field '${sortRaw[0]}' is not sortable (sortable: ${Object.keys(spec.sortable).join(', ')})`, 'list.bad_parameter');
  }

  const rangeRaw = parseJson('range', query.range) ?? DEFAULT_RANGE;
  if (
    !Array.isArray(rangeRaw) ||
    rangeRaw.length !== 2 ||
    !rangeRaw.every((n) => Number.isSafeInteger(n) && n >= 0) ||
    rangeRaw[1] < rangeRaw[0]
  ) {
    throw invalid('range', 'must be two whole numbers [start, end] with 0 <= start <= end', 'list.bad_parameter');
  }
  if (rangeRaw[1] - rangeRaw[0] + 1 > MAX_PAGE_SIZE) throw invalid('range', `may span at most ${MAX_PAGE_SIZE} records`, 'list.range_too_large', { max: MAX_PAGE_SIZE });

  const filterRaw = parseJson('filter', query.filter) ?? {};
  if (typeof filterRaw !== 'object' || filterRaw === null || Array.isArray(filterRaw)) {
    throw invalid('filter', 'must be a JSON object', 'list.bad_parameter');
  }
  for (const key of Object.keys(filterRaw)) {
    if (!(key in spec.filters)) {
      const filterable = Object.keys(spec.filters).join(', ');
      throw new DomainError('list.unknown_filter', `filter field '${key}' is not filterable (filterable: ${filterable})`, `filter.${key}`);
    }
  }
  return { sort: [sortRaw[0], order], range: rangeRaw as [number, number], filter: filterRaw as Record<string, unknown> };
}

/** Applies the list's filters (for exports, which take the list's filters but no page). */
export function applyFilters<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, list: ListQuery, spec: ListSpec<T>): SelectQueryBuilder<T> {
  Object.entries(list.filter).forEach(([key, value], i) => {
    if (value !== undefined && value !== null && value !== '') spec.filters[key](qb, value, `f${i}`);
  });
  return qb;
}

/** Applies filters and sort to `qb`, and returns a copy to page (`qb` itself stays unsorted, for the total). */
function sorted<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, list: ListQuery, spec: ListSpec<T>): SelectQueryBuilder<T> {
  applyFilters(qb, list, spec);
  const [field, order] = list.sort;
  // PostgreSQL's default null order (last ascending, first descending) lets one b-tree index serve both.
  qb.orderBy(spec.sortable[field], order);
  // A stable tie-break so that pages never overlap or skip rows.
  if (field !== 'id') qb.addOrderBy(`${qb.alias}.id`, order);
  return qb.clone();
}

const pageSize = (list: ListQuery) => list.range[1] - list.range[0] + 1;

/** Applies filters, sort and range; returns one page and the total. */
export async function findPage<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, list: ListQuery, spec: ListSpec<T>): Promise<[T[], number]> {
  const page = sorted(qb, list, spec).offset(list.range[0]).limit(pageSize(list));
  return Promise.all([page.getMany(), countUpTo(qb.connection, ...rowsOf(qb))]);
}

/** A page already serialised: the JSON array, how many records it holds, and the total. */
export type JsonPage = [body: string, count: number, total: number];

/** The SQL of one list query: its rows in order (the page's bounds still to add), and its rows for the total. */
interface ListSql {
  page: [sql: string, params: unknown[]];
  rows: [sql: string, params: unknown[]];
}

// Building the requests page's query through TypeORM was about a tenth of the app's work on a list
// call; the same list query (a screen's refresh, the next page) reuses the text it built.
// Kept per record expression first: the same (long) string every call, so the lookup does not read it.
const LIST_SQL_KEPT = 1_000;
const listSql = new Map<string, Map<string, ListSql>>();

/**
 * Like findPage, but PostgreSQL writes each record's JSON (`json`, an expression over the query's
 * alias) and the page goes out as it comes. For the busiest list, where building entities and
 * serialising them again in Node was most of a request's work. `from` must build the same query on
 * every call: its SQL is kept per list query.
 */
export async function findJsonPage<T extends ObjectLiteral>(
  dataSource: DataSource,
  from: () => SelectQueryBuilder<T>,
  list: ListQuery,
  spec: ListSpec<T>,
  json: string,
): Promise<JsonPage> {
  let kept = listSql.get(json);
  if (!kept) listSql.set(json, (kept = new Map()));
  const key = JSON.stringify([spec.resource, list.sort, list.filter]);
  let built = kept.get(key);
  if (!built) {
    const qb = from();
    // As text: the driver would otherwise parse the json only for it to be written out again.
    const [sql, params] = sorted(qb, list, spec).select(`(${json})::text`, 'json').getQueryAndParameters();
    built = { page: [sql, params], rows: rowsOf(qb) };
    if (kept.size >= LIST_SQL_KEPT) kept.clear();
    kept.set(key, built);
  }
  const [page, params] = built.page;
  // The bounds written in (they are checked whole numbers): as parameters, PostgreSQL could not judge
  // the page's cost without them, and so planned the statement again on every call.
  const [rows, total] = await Promise.all([
    queryPrepared<{ json: string }>(dataSource, `${page} LIMIT ${pageSize(list)} OFFSET ${list.range[0]}`, params),
    countUpTo(dataSource, ...built.rows),
  ]);
  return [`[${rows.map((r) => r.json).join(',')}]`, rows.length, total];
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

/** The list's rows, unsorted and unpaged, as ids: what its total counts. */
const rowsOf = <T extends ObjectLiteral>(qb: SelectQueryBuilder<T>): [string, unknown[]] =>
  qb.clone().orderBy().select(`${qb.alias}.id`).getQueryAndParameters();

/**
 * The total for Content-Range (`sql` selects the list's rows). Counting a million rows on every page
 * would cost more than the page itself, so past EXACT_COUNT_LIMIT the total is PostgreSQL's estimate
 * for the same query.
 */
function countUpTo(dataSource: DataSource, sql: string, params: unknown[]): Promise<number> {
  const key = `${sql}\u0000${JSON.stringify(params)}`;
  const known = largeEstimates.get(key);
  if (known) {
    if (known.until <= Date.now() && !known.refreshing) {
      known.refreshing = true;
      totalOf(dataSource, sql, params, key).catch(() => largeEstimates.delete(key));
    }
    return Promise.resolve(known.estimate);
  }
  return totalOf(dataSource, sql, params, key);
}

async function totalOf(dataSource: DataSource, sql: string, params: unknown[], key: string): Promise<number> {
  const runner = dataSource.createQueryRunner();
  try {
    // Planning is cheap: when the estimate is far past the limit, counting would only confirm it.
    const [{ 'QUERY PLAN': plan }] = await runner.query(`EXPLAIN (FORMAT JSON) ${sql}`, params);
    const estimate = Math.round(plan[0].Plan['Plan Rows']);
    if (estimate > 10 * EXACT_COUNT_LIMIT) {
      if (largeEstimates.size >= ESTIMATES_KEPT) largeEstimates.clear();
      largeEstimates.set(key, { estimate, until: Date.now() + ESTIMATE_TTL_MS, refreshing: false });
      return estimate;
    }
    largeEstimates.delete(key);
    const [{ n }] = await runner.query(`SELECT count(*)::int AS n FROM (${sql} LIMIT ${EXACT_COUNT_LIMIT + 1}) s`, params);
    return n <= EXACT_COUNT_LIMIT ? n : Math.max(n, estimate);
  } finally {
    await runner.release();
  }
}

export function setContentRange(res: Response, resource: string, list: ListQuery, count: number, total: number): void {
  const start = list.range[0];
  const end = count === 0 ? start : start + count - 1;
  res.setHeader('Content-Range', `${resource} ${start}-${end}/${total}`);
}

// Filter builders shared by the resources.
const asArray = (value: unknown) => (Array.isArray(value) ? value : [value]);

export const intFilter =
  <T extends ObjectLiteral>(column: string, field: string): FilterHandler<T> =>
  (qb, value, p) => {
    const ids = asArray(value);
    if (!ids.every((n) => Number.isSafeInteger(Number(n)) && Number(n) > 0)) {
      throw invalid(`filter.${field}`, 'must be a positive whole number or a list of them');
    }
    qb.andWhere(`${column} IN (:...${p})`, { [p]: ids.map(Number) });
  };

export const enumFilter =
  <T extends ObjectLiteral>(column: string, field: string, allowed: readonly string[]): FilterHandler<T> =>
  (qb, value, p) => {
    const values = asArray(value);
    const bad = values.find((v) => !allowed.includes(v as string));
    if (bad !== undefined) throw invalid(`filter.${field}`, `must be one of ${allowed.join(', ')}`, 'input.not_one_of', { allowed: allowed.join(', ') });
    qb.andWhere(`${column} IN (:...${p})`, { [p]: values });
  };

export const boolFilter =
  <T extends ObjectLiteral>(column: string, field: string): FilterHandler<T> =>
  (qb, value, p) => {
    if (typeof value !== 'boolean') throw invalid(`filter.${field}`, 'must be true or false');
    qb.andWhere(`${column} = :${p}`, { [p]: value });
  };

export const dateFilter =
  <T extends ObjectLiteral>(column: string, field: string, op: '>=' | '<' | '<='): FilterHandler<T> =>
  (qb, value, p) => {
    const date = typeof value === 'string' ? new Date(value) : undefined;
    if (!date || Number.isNaN(date.getTime())) throw invalid(`filter.${field}`, 'must be an ISO-8601 date', 'input.not_a_date');
    qb.andWhere(`${column} ${op} :${p}`, { [p]: date });
  };

export const textFilter =
  <T extends ObjectLiteral>(columns: string[], field: string): FilterHandler<T> =>
  (qb, value, p) => {
    if (typeof value !== 'string') throw invalid(`filter.${field}`, 'must be text');
    const pattern = `%${value.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    qb.andWhere(`(${columns.map((c) => `${c} ILIKE :${p}`).join(' OR ')})`, { [p]: pattern });
  };

/** One list endpoint: parse the dialect, fetch the page, set Content-Range, map each row. */
export async function respondWithList<T extends ObjectLiteral, R>(
  res: Response,
  query: Record<string, unknown>,
  spec: ListSpec<T>,
  fetch: (list: ListQuery) => Promise<[T[], number]>,
  map: (row: T) => R,
): Promise<R[]> {
  const list = parseListQuery(query, spec);
  const [rows, total] = await fetch(list);
  setContentRange(res, spec.resource, list, rows.length, total);
  return rows.map(map);
}

/** respondWithList for a page PostgreSQL serialised (findJsonPage): the body is sent as it is. */
export async function respondWithJsonList<T extends ObjectLiteral>(
  res: Response,
  query: Record<string, unknown>,
  spec: ListSpec<T>,
  fetch: (list: ListQuery) => Promise<JsonPage>,
): Promise<string> {
  const list = parseListQuery(query, spec);
  const [body, count, total] = await fetch(list);
  setContentRange(res, spec.resource, list, count, total);
  res.type('json');
  return body;
}

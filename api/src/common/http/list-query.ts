import { assertPlainInput } from './plain-input.pipe';
import type { Response } from 'express';
import type { DataSource, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { queryPrepared } from '../../database/prepared-query';
import { DomainError, invalid } from '../errors/domain-error';
import { countedTotal, countUpTo, type Total } from './list-totals';

/**
 * The list dialect of react-admin's ra-data-simple-rest, written once:
 * `?sort=["field","ASC"]&range=[0,24]&filter={"platformId":3}` in, `Content-Range: name 0-24/319` out,
 * with `X-Total-Estimated: true` when that total is PostgreSQL's estimate rather than a count.
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
    throw invalid(
      'sort',
      `field '${sortRaw[0]}' is not sortable (sortable: ${Object.keys(spec.sortable).join(', ')})`,
      'list.bad_parameter',
    );
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
  if (rangeRaw[1] - rangeRaw[0] + 1 > MAX_PAGE_SIZE)
    throw invalid('range', `may span at most ${MAX_PAGE_SIZE} records`, 'list.range_too_large', { max: MAX_PAGE_SIZE });

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

/** The filters a list applies: an empty value filters nothing. */
const appliedFilters = (list: ListQuery) =>
  Object.entries(list.filter).filter(([, value]) => value !== undefined && value !== null && value !== '');

/** Applies the list's filters (for exports, which take the list's filters but no page). */
export function applyFilters<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  list: ListQuery,
  spec: ListSpec<T>,
): SelectQueryBuilder<T> {
  appliedFilters(list).forEach(([key, value], i) => spec.filters[key](qb, value, `f${i}`));
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

/**
 * The list queries whose total (from findPage) is an estimate. Services return findPage's rows and
 * total as `[rows, number]`, and may build the rows again, but pass the list query through: the flag
 * stays with it until respondWithList answers.
 */
const estimatedTotals = new WeakSet<ListQuery>();

/** Applies filters, sort and range; returns one page and the total. */
export async function findPage<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  list: ListQuery,
  spec: ListSpec<T>,
  exactTotal?: () => Promise<number>,
): Promise<[T[], number]> {
  const page = sorted(qb, list, spec).offset(list.range[0]).limit(pageSize(list));
  const counted = exactTotal ? exactTotal().then((total) => ({ total, estimated: false })) : countUpTo(qb.connection, ...rowsOf(qb));
  const [rows, { total, estimated }] = await Promise.all([page.getMany(), counted]);
  if (estimated) estimatedTotals.add(list);
  return [rows, total];
}

/** A page already serialised: the JSON array, how many records it holds, and the total. */
export type JsonPage = [body: string, count: number, total: Total];

/**
 * The SQL of one list query: its rows in order (the page's bounds still to add), and its rows for the
 * total, unless each row of the page carries the exact total (column `total`) from a counts table.
 */
interface ListSql {
  page: [sql: string, params: unknown[]];
  rows?: [sql: string, params: unknown[]];
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
    const { wheres, joinAttributes } = qb.expressionMap;
    const counted = wheres.length === 0 && joinAttributes.length === 0 ? countedTotal(spec.resource, appliedFilters(list)) : undefined;
    // As text: the driver would otherwise parse the json only for it to be written out again.
    const page = sorted(qb, list, spec).select(`(${json})::text`, 'json');
    // The exact total in the page's own statement: no round trip of its own, and the rows' snapshot.
    if (counted) page.addSelect(counted, 'total');
    built = { page: page.getQueryAndParameters(), rows: counted ? undefined : rowsOf(qb) };
    if (kept.size >= LIST_SQL_KEPT) kept.clear();
    kept.set(key, built);
  }
  const [page, params] = built.page;
  // The bounds written in (they are checked whole numbers): as parameters, PostgreSQL could not judge
  // the page's cost without them, and so planned the statement again on every call.
  const rowsAt = (limit: number, offset: number) =>
    queryPrepared<{ json: string; total?: number }>(dataSource, `${page} LIMIT ${limit} OFFSET ${offset}`, params);
  const body = (rows: { json: string }[]) => `[${rows.map((r) => r.json).join(',')}]`;
  if (built.rows) {
    const [rows, total] = await Promise.all([rowsAt(pageSize(list), list.range[0]), countUpTo(dataSource, ...built.rows)]);
    return [body(rows), rows.length, total];
  }
  const rows = await rowsAt(pageSize(list), list.range[0]);
  // A page past the end carries no total: the list's first row does (no first row: the list is empty).
  const [first] = rows.length > 0 || list.range[0] === 0 ? rows : await rowsAt(1, 0);
  return [body(rows), rows.length, { total: first?.total ?? 0, estimated: false }];
}

/** The list's rows, unsorted and unpaged, as ids: what its total counts. */
const rowsOf = <T extends ObjectLiteral>(qb: SelectQueryBuilder<T>): [string, unknown[]] =>
  qb.clone().orderBy().select(`${qb.alias}.id`).getQueryAndParameters();

/** The total stays a bare number in Content-Range, as react-admin's providers read it; an estimate says so apart. */
export function setContentRange(res: Response, resource: string, list: ListQuery, count: number, { total, estimated }: Total): void {
  const start = list.range[0];
  const end = count === 0 ? start : start + count - 1;
  res.setHeader('Content-Range', `${resource} ${start}-${end}/${total}`);
  if (estimated) res.setHeader('X-Total-Estimated', 'true');
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
    if (bad !== undefined)
      throw invalid(`filter.${field}`, `must be one of ${allowed.join(', ')}`, 'input.not_one_of', { allowed: allowed.join(', ') });
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
  setContentRange(res, spec.resource, list, rows.length, { total, estimated: estimatedTotals.has(list) });
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

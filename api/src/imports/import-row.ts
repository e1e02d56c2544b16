import { isURL } from 'class-validator';
import { FUTURE_TOLERANCE_MS } from '../requests/request-lifecycle';
import { ENUMS, REQUEST_CSV_COLUMNS, type RequestCsvColumn } from '../../../domain/src';

export interface ImportError {
  line: number;
  field?: string;
  message: string;
}

/** A row that passed its own checks; times parsed, status settled. Nulls for empty cells. */
export interface ImportRow {
  line: number;
  agency: string;
  reference: string;
  platform: string;
  type: string;
  category: string;
  channel: string;
  sentAt: Date | null;
  status: string;
  outcome: string | null;
  firstResponseAt: Date | null;
  resolvedAt: Date | null;
  itemUrl: string | null;
  itemContentHash: string | null;
  itemState: string | null;
}

export interface KnownNames {
  agencies: Set<string>;
  platforms: Set<string>;
}

// The enum columns, which the domain's vocabulary names alike.
const ENUM_CHECKS = (['type', 'category', 'channel', 'status', 'outcome', 'itemState'] as const).map(
  (column) => [column, ENUMS[column] as readonly string[]] as const,
);
const REQUIRED: RequestCsvColumn[] = ['agency', 'reference', 'platform', 'type', 'category', 'channel'];
const URL_OPTIONS = { protocols: ['http', 'https'], require_protocol: true, require_tld: false };
const TIMES = ['sentAt', 'firstResponseAt', 'resolvedAt'] as const;
// ISO-8601 with a time zone, as exports write them ("2020-02-11T01:30:00Z", "2020-02-11 01:30:00+00").
const ISO_TIME = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?)?(Z|[+-]\d{2}(:?\d{2})?)?$/;

/** An ISO-8601 time; without a zone it is taken as UTC. */
export function parseTime(value: string): Date | undefined {
  if (!ISO_TIME.test(value)) return undefined;
  let v = value.replace(' ', 'T');
  if (v.length > 10) {
    if (/[+-]\d{2}$/.test(v)) v += ':00';
    else if (/[+-]\d{4}$/.test(v)) v = `${v.slice(0, -2)}:${v.slice(-2)}`;
    else if (!/([zZ]|[+-]\d{2}:\d{2})$/.test(v)) v += 'Z';
  }
  const d = new Date(v);
  return Number.isNaN(d.getTime()) ? undefined : d;
}

/**
 * Checks one CSV record on its own: required cells, vocabulary, dates, URLs, names that must exist,
 * and a status that fits its times. Returns the row, or the errors, each naming its column.
 */
export function checkRow(cells: string[], line: number, known: KnownNames, now = new Date()): ImportRow | ImportError[] {
  const errors: ImportError[] = [];
  const fail = (field: string, message: string) => errors.push({ line, field, message: `${field} ${message}` });
  if (cells.length !== REQUEST_CSV_COLUMNS.length) {
    return [{ line, message: `the row has ${cells.length} cells; the header has ${REQUEST_CSV_COLUMNS.length}` }];
  }
  // Filled in one order, so that every row's object has the same shape (Object.fromEntries made a
  // dictionary of each, a third of the time spent checking rows).
  const cell = {} as Record<RequestCsvColumn, string>;
  for (let i = 0; i < REQUEST_CSV_COLUMNS.length; i++) cell[REQUEST_CSV_COLUMNS[i]] = cells[i].trim();
  for (const field of REQUIRED) if (!cell[field]) fail(field, 'is required');
  // PostgreSQL text cannot hold NUL: refused here rather than failing the whole import's COPY.
  for (const field of REQUEST_CSV_COLUMNS) if (cell[field].includes('\u0000')) fail(field, 'must not contain NUL characters');
  for (const [field, allowed] of ENUM_CHECKS) {
    if (cell[field] && !allowed.includes(cell[field])) fail(field, `must be one of ${allowed.join(', ')}`);
  }
  if (cell.agency && !known.agencies.has(cell.agency)) fail('agency', `'${cell.agency}' is not a known agency (add it first)`);
  if (cell.platform && !known.platforms.has(cell.platform)) fail('platform', `'${cell.platform}' is not a known platform slug`);
  if (cell.reference.length > 200) fail('reference', 'is longer than 200 characters');

  const times: Record<(typeof TIMES)[number], Date | null> = { sentAt: null, firstResponseAt: null, resolvedAt: null };
  for (const field of TIMES) {
    if (!cell[field]) continue;
    const d = parseTime(cell[field]);
    if (!d) fail(field, 'must be an ISO-8601 date and time, e.g. 2024-03-01T09:30:00Z');
    else if (d.getTime() > now.getTime() + FUTURE_TOLERANCE_MS) fail(field, 'cannot be in the future');
    else times[field] = d;
  }
  const { sentAt, firstResponseAt, resolvedAt } = times;
  if (sentAt && firstResponseAt && firstResponseAt < sentAt) fail('firstResponseAt', 'is before sentAt');
  if (sentAt && resolvedAt && resolvedAt < sentAt) fail('resolvedAt', 'is before sentAt');
  if (firstResponseAt && resolvedAt && resolvedAt < firstResponseAt) fail('resolvedAt', 'is before firstResponseAt');

  if (cell.itemUrl && !isURL(cell.itemUrl, URL_OPTIONS)) {
    fail('itemUrl', 'must be an http(s) URL');
  }
  if (!cell.itemUrl && (cell.itemContentHash || cell.itemState)) fail('itemUrl', 'is required when itemContentHash or itemState is given');
  if (cell.itemContentHash.length > 256) fail('itemContentHash', 'is longer than 256 characters');

  // The status follows from the times when it is not given; when it is, the times must fit it.
  const status = cell.status || (!sentAt ? 'draft' : resolvedAt ? 'resolved' : firstResponseAt ? 'acknowledged' : 'sent');
  const needs = (field: string, present: boolean, why: string) => present || fail(field, why);
  const forbids = (field: string, present: boolean, why: string) => !present || fail(field, why);
  if (status !== 'draft' && status !== 'withdrawn') needs('sentAt', !!sentAt, `is required for a ${status} request`);
  if (status === 'draft') forbids('sentAt', !!sentAt, 'must be empty for a draft');
  if (status === 'acknowledged') needs('firstResponseAt', !!firstResponseAt, 'is required for an acknowledged request');
  if (status === 'sent') forbids('firstResponseAt', !!firstResponseAt, "must be empty for a 'sent' request (it has had no answer)");
  if (status === 'resolved') {
    needs('outcome', !!cell.outcome, 'is required for a resolved request');
    needs('resolvedAt', !!resolvedAt, 'is required for a resolved request');
  } else {
    forbids('outcome', !!cell.outcome, 'is only allowed for a resolved request');
    forbids('resolvedAt', !!resolvedAt, 'is only allowed for a resolved request');
  }
  // 'pending' is every item's state until checked: it records nothing (and exports write it).
  const itemState = cell.itemState === 'pending' ? '' : cell.itemState;
  if (status === 'draft' && itemState) fail('itemState', 'cannot be set on a draft');

  if (errors.length) return errors;
  return {
    line,
    agency: cell.agency,
    reference: cell.reference,
    platform: cell.platform,
    type: cell.type,
    category: cell.category,
    channel: cell.channel,
    sentAt,
    status,
    outcome: cell.outcome || null,
    // The outcome is the first answer when nothing came before it.
    firstResponseAt: firstResponseAt ?? (status === 'resolved' ? resolvedAt : null),
    resolvedAt,
    itemUrl: cell.itemUrl || null,
    itemContentHash: cell.itemContentHash || null,
    itemState: itemState || null,
  };
}

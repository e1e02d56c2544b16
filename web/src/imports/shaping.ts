import { REQUEST_CSV_COLUMNS } from '../../../domain/src';
/**
 * What the console makes of POST /api/imports/requests' answer (DOMAIN.md, "CSV format"):
 * 200 `{created, skipped, errors: []}`, or 400 with `errors: [{line, field?, message}]` when any row is
 * wrong (then nothing was imported), or another failure. Pure, so that it is unit-tested.
 */

export interface ImportRowError {
  /** The 1-based line of the file (the header is line 1). */
  line: number;
  /** The CSV column at fault; null when the error is about the whole row or file. */
  field: string | null;
  message: string;
}

/** Why an import did not go through, other than errors in its rows. */
export type ImportFailure = 'network' | 'auth' | 'forbidden' | 'not_found' | 'too_large' | 'unsupported' | 'bad_request' | 'server';

export type ImportOutcome =
  | { kind: 'imported'; created: number; skipped: number }
  | { kind: 'rejected'; errors: ImportRowError[]; rows: number; message: string }
  | { kind: 'failed'; reason: ImportFailure; status: number; message: string };

const isCount = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value) && value >= 0;

/** The API's `message`, which a validation error may give as a list. */
function messageOf(body: unknown): string {
  const message = (body as { message?: unknown } | null)?.message;
  if (typeof message === 'string') return message;
  if (Array.isArray(message)) return message.filter((m) => typeof m === 'string').join('; ');
  return '';
}

const columnOrder = (field: string | null): number => {
  const i = field === null ? -1 : (REQUEST_CSV_COLUMNS as readonly string[]).indexOf(field);
  return i === -1 && field !== null ? REQUEST_CSV_COLUMNS.length : i;
};

/** Row errors as the API sent them, cleaned up and in file order (by line, then by column). */
export function normalizeErrors(errors: unknown): ImportRowError[] {
  if (!Array.isArray(errors)) return [];
  return errors
    .filter((e): e is Record<string, unknown> => typeof e === 'object' && e !== null)
    .map((e) => {
      const line = Number(e.line);
      return {
        line: Number.isInteger(line) && line > 0 ? line : 0,
        field: typeof e.field === 'string' && e.field !== '' ? e.field : null,
        message: typeof e.message === 'string' ? e.message : String(e.message ?? ''),
      };
    })
    .sort((a, b) => a.line - b.line || columnOrder(a.field) - columnOrder(b.field));
}

/** How many lines of the file have at least one error. */
export const linesWithErrors = (errors: readonly ImportRowError[]): number => new Set(errors.map((e) => e.line)).size;

const FAILURES: Record<number, ImportFailure> = {
  0: 'network',
  401: 'auth',
  403: 'forbidden',
  404: 'not_found',
  405: 'not_found',
  413: 'too_large',
  415: 'unsupported',
};

/** The outcome of an upload from its HTTP status (0: no answer) and its parsed JSON body (or null). */
export function readImportResponse(status: number, body: unknown): ImportOutcome {
  const b = (body ?? {}) as { created?: unknown; skipped?: unknown; errors?: unknown };
  if (status >= 200 && status < 300) {
    const errors = normalizeErrors(b.errors);
    if (errors.length > 0) return { kind: 'rejected', errors, rows: linesWithErrors(errors), message: messageOf(body) };
    if (isCount(b.created) && isCount(b.skipped)) return { kind: 'imported', created: b.created, skipped: b.skipped };
    return { kind: 'failed', reason: 'server', status, message: 'unexpected answer' };
  }
  if (status === 400 || status === 422) {
    const errors = normalizeErrors(b.errors);
    if (errors.length > 0) return { kind: 'rejected', errors, rows: linesWithErrors(errors), message: messageOf(body) };
    return { kind: 'failed', reason: 'bad_request', status, message: messageOf(body) };
  }
  return { kind: 'failed', reason: FAILURES[status] ?? 'server', status, message: messageOf(body) };
}

const csvCell = (value: string) => (/[",\r\n;]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

/** The error list as a CSV of its own (line, column, message), to work through a long list in a spreadsheet. */
export function errorsToCsv(errors: readonly ImportRowError[]): string {
  const rows = errors.map((e) => [String(e.line), e.field ?? '', e.message].map(csvCell).join(','));
  return ['line,column,message', ...rows].join('\r\n') + '\r\n';
}

/** Upload progress as a whole percentage (0..100), or null while the size is unknown. */
export function progressPercent(loaded: number, total: number): number | null {
  if (!(total > 0) || !Number.isFinite(loaded)) return null;
  return Math.max(0, Math.min(100, Math.floor((loaded / total) * 100)));
}

/** A file size in the language's format: "820 bytes", "12.5 kB", "3.1 MB". */
export function formatBytes(bytes: number, locale: string): string {
  const format = (unit: string, value: number, unitDisplay: 'long' | 'short') =>
    new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay, maximumFractionDigits: unit === 'byte' ? 0 : 1 }).format(value);
  if (bytes < 1000) return format('byte', bytes, 'long');
  return bytes < 1_000_000 ? format('kilobyte', bytes / 1000, 'short') : format('megabyte', bytes / 1_000_000, 'short');
}

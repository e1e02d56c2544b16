/**
 * What the console makes of POST /api/published-figures/import's answer: 200 `{format, read, added,
 * revised, unchanged}`; 400 `import.unknown_format` with `expected: [{format, headers}]`; 400
 * `import.rows_invalid` with `errors: [{line, field, message}]` (then nothing was stored); or another
 * failure, read as the requests import reads it. Pure, so that it is unit-tested.
 */
import { type ImportFailure, type ImportRowError, readImportResponse } from '../imports/shaping';
import {
  FIGURE_CSV_COLUMNS,
  FIGURE_SOURCES,
  type FigureSource,
  parsePeriod,
  PUBLISHED_METRICS,
  type PublishedMetric,
  unitOf,
} from '../../../domain/src';

/** A format the importer reads, and the headers that tell it. */
export interface ExpectedFormat {
  format: FigureSource | string;
  headers: string[];
}

export type FigureImportOutcome =
  | { kind: 'imported'; format: FigureSource | null; read: number; added: number; revised: number; unchanged: number }
  | { kind: 'unknown_format'; expected: ExpectedFormat[] }
  | { kind: 'rejected'; errors: ImportRowError[]; rows: number; message: string }
  | { kind: 'failed'; reason: ImportFailure; status: number; message: string };

const isCount = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value) && value >= 0;
const isSource = (value: unknown): value is FigureSource => (FIGURE_SOURCES as readonly unknown[]).includes(value);

function expectedFormats(expected: unknown): ExpectedFormat[] {
  if (!Array.isArray(expected)) return [];
  return expected
    .filter((e): e is { format: unknown; headers: unknown } => typeof e === 'object' && e !== null)
    .map((e) => ({
      format: String(e.format ?? ''),
      headers: Array.isArray(e.headers) ? e.headers.map((h) => String(h).trim()) : [],
    }))
    .filter((e) => e.headers.length > 0);
}

/** The outcome of an upload from its HTTP status (0: no answer) and its parsed JSON body (or null). */
export function readFigureImportResponse(status: number, body: unknown): FigureImportOutcome {
  const b = (body ?? {}) as Record<string, unknown>;
  if (status >= 200 && status < 300) {
    const { read, added, revised, unchanged } = b;
    if (isCount(read) && isCount(added) && isCount(revised) && isCount(unchanged))
      return { kind: 'imported', format: isSource(b.format) ? b.format : null, read, added, revised, unchanged };
    return { kind: 'failed', reason: 'server', status, message: 'unexpected answer' };
  }
  if (status === 400 && b.code === 'import.unknown_format') {
    const expected = expectedFormats(b.expected);
    // An empty file answers the same code without the list: it is a file that could not be read.
    if (expected.length > 0) return { kind: 'unknown_format', expected };
  }
  const outcome = readImportResponse(status, body);
  return outcome.kind === 'imported' ? { kind: 'failed', reason: 'server', status, message: 'unexpected answer' } : outcome;
}

/** The import's address with the publisher and the source named, when they are given. */
export function figureImportPath(options: { publisher?: string; sourceUrl?: string }): string {
  const params = new URLSearchParams();
  if (options.publisher?.trim()) params.set('publisher', options.publisher.trim());
  if (options.sourceUrl?.trim()) params.set('sourceUrl', options.sourceUrl.trim());
  const query = params.toString();
  return `/published-figures/import${query ? `?${query}` : ''}`;
}

/** The form's check of a period, as the API reads it: a half-year (2024-H1) or a YYYY-MM-DD/YYYY-MM-DD range. */
export const isPeriod = (value: unknown): boolean => typeof value === 'string' && parsePeriod(value) !== null;

/** The form's check of a value as published, as the API's: digits with an optional decimal part, a share at most 100, a whole count. */
export function isPublishedValue(value: unknown, metric: unknown): boolean {
  const text = String(value ?? '').trim();
  if (!/^\d+(\.\d+)?$/.test(text)) return false;
  const unit = (PUBLISHED_METRICS as readonly unknown[]).includes(metric) ? unitOf(metric as PublishedMetric) : null;
  if (unit === 'percent') return Number(text) <= 100;
  if (unit === 'count') return Number.isInteger(Number(text));
  return true;
}

/** What the figure form sends, in the API's names. */
const FIGURE_FIELDS = [...FIGURE_CSV_COLUMNS, 'sourceUrl'];

/** The body of POST /api/published-figures: the fields filled in, and nothing else (the API refuses unknown ones). */
export function figurePayload(values: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(
    FIGURE_FIELDS.map((f) => [f, typeof values[f] === 'string' ? (values[f] as string).trim() : values[f]] as const)
      .filter((entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1] !== '')
      .map(([f, v]) => [f, f === 'jurisdiction' ? v.toUpperCase() : v]),
  );
}

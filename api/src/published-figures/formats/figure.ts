import {
  isJurisdiction,
  type MetricUnit,
  type PublishedFigureFields,
  type PublishedMetric,
  publishedInterval,
  REQUESTER_TYPES,
  type RequesterType,
  unitOf,
} from '../../../../domain/src';

/** One published figure read from a file, checked on its own, before it meets the stored ones. */
export interface FigureRow extends PublishedFigureFields {
  line: number;
  sourceUrl: string | null;
}

export interface FigureError {
  line: number;
  field: string;
  message: string;
}

/** A file's rows as header -> cell, with the line each came from (the header is line 1). */
export interface CsvRow {
  line: number;
  cells: Record<string, string>;
}

/** What every format turns a file into: figures, or the errors that keep the whole file out. */
export interface Parsed {
  figures: Omit<FigureRow, 'sourceUrl'>[];
  errors: FigureError[];
}

export interface FileFormat {
  source: 'google_current' | 'google_historical' | 'dsa_table3' | 'tracker_csv';
  /** The headers that identify the format (compared without surrounding spaces); the file may have more. */
  headers: readonly string[];
  parse(rows: CsvRow[], publisher: string | null): Parsed;
}

const NUMBER = /^\d+(\.\d+)?$/;

/**
 * A published number as text, checked: digits with an optional decimal part (Google's "<10" where the
 * format allows it). A negative count or a share over 100 is refused. Returns the error or the value.
 */
export function readNumber(text: string, unit: MetricUnit, allowFew = false): { value: number; text: string } | string {
  const t = text.trim();
  if (allowFew && /^<\s*\d+$/.test(t)) return { value: publishedInterval(t, 'count').high, text: t.replace(/\s+/g, '') };
  if (/^-\s*\d/.test(t)) return 'must not be negative';
  if (!NUMBER.test(t)) return `"${t}" is not a number`;
  const value = Number(t);
  if (unit === 'percent' && value > 100) return `${t} is over 100 %`;
  if (unit === 'count' && !Number.isInteger(value)) return `${t} is not a whole number`;
  return { value, text: t };
}

/** A figure of `metric` from a cell, or an error naming the row and the column. */
export function figureFrom(
  base: Omit<FigureRow, 'metric' | 'value' | 'valueText' | 'unit' | 'sourceUrl'>,
  metric: PublishedMetric,
  column: string,
  cell: string,
  allowFew = false,
): Omit<FigureRow, 'sourceUrl'> | FigureError {
  const unit = unitOf(metric);
  const read = readNumber(cell, unit, allowFew);
  if (typeof read === 'string') return { line: base.line, field: column, message: `${column} ${read}` };
  return { ...base, metric, value: read.value, valueText: read.text, unit };
}

export const isError = (x: object): x is FigureError => 'message' in x;

export function checkJurisdiction(code: string, line: number, field: string): FigureError | null {
  return isJurisdiction(code) ? null : { line, field, message: `${field} "${code}" is not an ISO 3166-1 alpha-2 country code` };
}

export const isRequesterType = (value: string): value is RequesterType => (REQUESTER_TYPES as readonly string[]).includes(value);

/** Adds each result to the figures or the errors. */
export function collect(into: Parsed, results: (Omit<FigureRow, 'sourceUrl'> | FigureError | null)[]): void {
  for (const r of results) {
    if (r === null) continue;
    if (isError(r)) into.errors.push(r);
    else into.figures.push(r);
  }
}

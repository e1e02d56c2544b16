/**
 * Locale-aware formatting of the API's numbers and dates (Intl only: what is shown is the API's value,
 * rounded for display, never recomputed).
 */
export const EMPTY = '—';

const numberFormats = new Map<string, Intl.NumberFormat>();
function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, options);
    numberFormats.set(key, format);
  }
  return format;
}

const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

export function formatCount(value: number | null | undefined, locale: string): string {
  return isNumber(value) ? numberFormat(locale, { maximumFractionDigits: 0 }).format(value) : EMPTY;
}

/** A ratio of 0..1 as a percentage with at most one decimal; null (nothing sent) as a dash. */
export function formatPercent(ratio: number | null | undefined, locale: string): string {
  return isNumber(ratio) ? numberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(ratio) : EMPTY;
}

/** Hours with at most one decimal and the locale's unit ("12.5 hours", "12.5시간", "12,5 jam"). */
export function formatHours(hours: number | null | undefined, locale: string): string {
  return isNumber(hours)
    ? numberFormat(locale, { style: 'unit', unit: 'hour', unitDisplay: 'long', maximumFractionDigits: 1 }).format(hours)
    : EMPTY;
}

export function formatDateTime(iso: string | null | undefined, locale: string): string {
  if (!iso) return EMPTY;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return EMPTY;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

/** The label of a series period (an ISO start in UTC): "Feb 2020", "2020년 2월", "Q1 2020", "2020". */
export function formatPeriod(iso: string, locale: string, interval: 'month' | 'quarter' | 'year' = 'month'): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const year = new Intl.DateTimeFormat(locale, { year: 'numeric', timeZone: 'UTC' }).format(date);
  if (interval === 'year') return year;
  if (interval === 'quarter') return `Q${Math.floor(date.getUTCMonth() / 3) + 1} ${year}`;
  return new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short', timeZone: 'UTC' }).format(date);
}

/**
 * A list total the API could only estimate, as the console shows it: to two significant figures
 * (20,235 → "20,000"), about as close as PostgreSQL's estimate is, in the locale's digits.
 */
export function aboutCount(total: number, locale: string): string {
  return new Intl.NumberFormat(locale, { maximumSignificantDigits: 2 }).format(total);
}

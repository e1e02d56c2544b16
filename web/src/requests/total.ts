/**
 * A list total the API could only estimate, as the console shows it: to two significant figures
 * (20,235 → "20,000"), about as close as PostgreSQL's estimate is, in the locale's digits.
 */
export function aboutCount(total: number, locale: string): string {
  return new Intl.NumberFormat(locale, { maximumSignificantDigits: 2 }).format(total);
}

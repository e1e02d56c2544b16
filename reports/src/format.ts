import type { LocaleFormat } from './i18n/en';

/** Numbers and dates as a report's language writes them; dates in UTC, so a report reads the same everywhere. */
export interface Formats {
  count: (n: number) => string;
  /** A share of 0..1 with one decimal; – when there is none (nothing sent). */
  percent: (rate: number | null) => string;
  /** A duration in hours, or in days from 48 hours on. */
  hours: (h: number | null) => string;
  day: (d: Date) => string;
  /** A calendar date stored as YYYY-MM-DD (a due date), or – when there is none. */
  calendarDay: (day: string | null) => string;
  dateTime: (d: Date) => string;
  month: (d: Date) => string;
}

const NONE = '–';

export const isoDay = (d: Date) => d.toISOString().slice(0, 10);

type Dates = Pick<Formats, 'day' | 'dateTime' | 'month'>;

const ISO_DATES: Dates = {
  day: isoDay,
  dateTime: (d) => `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`,
  month: (d) => d.toISOString().slice(0, 7),
};

function intlDates(locale: string, month: 'numeric' | 'short'): Dates {
  const at = (options: Intl.DateTimeFormatOptions) =>
    new Intl.DateTimeFormat(locale, { timeZone: 'UTC', year: 'numeric', month, ...options });
  const day = at({ day: 'numeric' });
  // hourCycle rather than timeStyle: with timeStyle, Intl writes 12-hour times (AM/PM) in both languages.
  const dateTime = at({ day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  const yearMonth = at({});
  return { day: (d) => day.format(d), dateTime: (d) => `${dateTime.format(d)} UTC`, month: (d) => yearMonth.format(d) };
}

export function formats(format: LocaleFormat): Formats {
  const whole = new Intl.NumberFormat(format.locale);
  // One decimal and no grouping: what toFixed(1) wrote in the English reports, which must not change.
  const decimal = new Intl.NumberFormat(format.locale, { minimumFractionDigits: 1, maximumFractionDigits: 1, useGrouping: false });
  const dates = format.month === 'iso' ? ISO_DATES : intlDates(format.locale, format.month);
  return {
    ...dates,
    count: (n) => whole.format(n),
    percent: (rate) => (rate === null ? NONE : format.percent(decimal.format(rate * 100))),
    hours: (h) => (h === null ? NONE : h < 48 ? format.hours(decimal.format(h)) : format.days(decimal.format(h / 24))),
    calendarDay: (day) => (day === null ? NONE : dates.day(new Date(`${day}T00:00:00Z`))),
  };
}

import { EMPTY, formatCount, formatDateTime, formatHours, formatPercent, formatPeriod } from './format';

describe('format', () => {
  it('should format counts with the locale grouping', () => {
    expect(formatCount(99266, 'en')).toBe('99,266');
    expect(formatCount(99266, 'id')).toBe('99.266');
    expect(formatCount(0, 'ko')).toBe('0');
    expect(formatCount(null, 'en')).toBe(EMPTY);
  });

  it('should show a response rate as a percentage, and null (nothing sent) as a dash', () => {
    expect(formatPercent(0, 'en')).toBe('0%');
    expect(formatPercent(0.5, 'en')).toBe('50%');
    expect(formatPercent(1 / 3, 'en')).toBe('33.3%');
    expect(formatPercent(1 / 3, 'id')).toBe('33,3%');
    expect(formatPercent(null, 'ko')).toBe(EMPTY);
  });

  it('should show hours with one decimal and the locale unit', () => {
    expect(formatHours(12.345, 'en')).toBe('12.3 hours');
    expect(formatHours(12.345, 'ko')).toBe('12.3시간');
    expect(formatHours(12.345, 'id')).toBe('12,3 jam');
    expect(formatHours(null, 'en')).toBe(EMPTY);
  });

  it('should label series periods in UTC', () => {
    expect(formatPeriod('2020-02-01T00:00:00.000Z', 'en')).toBe('Feb 2020');
    expect(formatPeriod('2020-02-01T00:00:00.000Z', 'ko')).toBe('2020년 2월');
    expect(formatPeriod('2020-04-01T00:00:00.000Z', 'en', 'quarter')).toBe('Q2 2020');
    expect(formatPeriod('2020-01-01T00:00:00.000Z', 'en', 'year')).toBe('2020');
  });

  it('should format date-times and leave missing ones as a dash', () => {
    expect(formatDateTime('2020-02-01T10:00:00Z', 'en')).toMatch(/2020/);
    expect(formatDateTime(null, 'en')).toBe(EMPTY);
    expect(formatDateTime('not a date', 'en')).toBe(EMPTY);
  });
});

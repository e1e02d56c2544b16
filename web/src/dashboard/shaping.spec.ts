import type { ResponsivenessRow, SeriesRow } from '../types';
import {
  kmChartRows,
  nextSort,
  overdueListFilter,
  periodOf,
  platformChartRows,
  sortPlatformRows,
  statsQueryString,
  toStatsFilter,
  totals,
  trendPoints,
} from './shaping';

const row = (over: Partial<ResponsivenessRow>): ResponsivenessRow => ({
  platformId: 1,
  platform: 'Telegram',
  sent: 0,
  responded: 0,
  unanswered: 0,
  responseRate: null,
  medianResponseHours: null,
  p90ResponseHours: null,
  overdue: 0,
  onTimeRate: null,
  itemsRequested: 0,
  itemsRemoved: 0,
  itemsStillOnline: 0,
  removedCompletely: 0,
  removedPartially: 0,
  notRemoved: 0,
  medianRemovalHours: null,
  kmMedianResponseHours: null,
  ...over,
});

describe('statsQueryString', () => {
  it('should send only the parameters the API accepts, and only when set', () => {
    const filter = { from: '2020-02-01T00:00:00.000Z', type: '', category: 'csam', bogus: 'x' } as never;
    expect(statsQueryString(filter)).toBe('?from=2020-02-01T00%3A00%3A00.000Z&category=csam');
    expect(statsQueryString({})).toBe('');
    expect(statsQueryString({ platformId: 3 }, { interval: 'month' })).toBe('?platformId=3&interval=month');
  });
});

describe('periodOf', () => {
  const now = new Date('2024-08-20T15:30:00Z');

  it('should turn presets into whole UTC days', () => {
    expect(periodOf({ preset: 'all' }, now)).toEqual({});
    expect(periodOf({ preset: 'last30' }, now)).toEqual({ from: '2024-07-21T00:00:00.000Z' });
    expect(periodOf({ preset: 'last12m' }, now)).toEqual({ from: '2023-09-01T00:00:00.000Z' });
    expect(periodOf({ preset: 'this_year' }, now)).toEqual({ from: '2024-01-01T00:00:00.000Z' });
    expect(periodOf({ preset: 'last_year' }, now)).toEqual({ from: '2023-01-01T00:00:00.000Z', to: '2024-01-01T00:00:00.000Z' });
  });

  it('should use the custom dates as given, the end excluded, and ignore half-typed ones', () => {
    expect(periodOf({ preset: 'custom', from: '2020-02-01', to: '2020-09-01' }, now)).toEqual({
      from: '2020-02-01T00:00:00.000Z',
      to: '2020-09-01T00:00:00.000Z',
    });
    expect(periodOf({ preset: 'custom', from: '2020-0' }, now)).toEqual({});
  });

  it('should build the stats and overdue filters from the dashboard filter', () => {
    expect(toStatsFilter({ preset: 'last_year', type: 'investigation', category: '' }, now)).toEqual({
      from: '2023-01-01T00:00:00.000Z',
      to: '2024-01-01T00:00:00.000Z',
      type: 'investigation',
    });
    expect(overdueListFilter({ preset: 'all', category: 'csam' })).toEqual({ category: 'csam' });
  });
});

describe('totals', () => {
  it('should add up the platforms and leave the rate null when nothing was sent', () => {
    const rows = [row({ sent: 7, unanswered: 7, overdue: 7 }), row({ platformId: 2, sent: 3, responded: 3 })];
    expect(totals(rows)).toEqual({ sent: 10, responded: 3, unanswered: 7, overdue: 7, responseRate: 0.3 });
    expect(totals([row({})]).responseRate).toBeNull();
  });
});

describe('platformChartRows', () => {
  it("should keep the API's figures and skip platforms sent nothing", () => {
    const rows = [
      row({ sent: 7, responseRate: 0, kmMedianResponseHours: null }),
      row({ platformId: 2, platform: 'X', sent: 0 }),
      row({
        platformId: 3,
        platform: 'YouTube',
        sent: 4,
        responded: 2,
        responseRate: 0.5,
        medianResponseHours: 12.5,
        p90ResponseHours: 30,
        kmMedianResponseHours: 40,
      }),
    ];
    expect(platformChartRows(rows)).toEqual([
      expect.objectContaining({ platform: 'Telegram', responseRatePct: 0, kmMedianResponseHours: null }),
      expect.objectContaining({
        platform: 'YouTube',
        responseRatePct: 50,
        medianResponseHours: 12.5,
        p90ResponseHours: 30,
        kmMedianResponseHours: 40,
      }),
    ]);
  });
});

describe('trendPoints', () => {
  const series = (period: string, sent: number, responded: number, platformId = 1): SeriesRow => ({
    ...row({ platformId, sent, responded }),
    period,
  });

  it('should sum the platforms per month, oldest first, with empty months as zero', () => {
    const rows = [
      series('2020-04-01T00:00:00.000Z', 1, 1),
      series('2020-02-01T00:00:00.000Z', 3, 0),
      series('2020-02-01T00:00:00.000Z', 2, 2, 2),
    ];
    expect(trendPoints(rows)).toEqual([
      { period: '2020-02-01T00:00:00.000Z', sent: 5, responded: 2 },
      { period: '2020-03-01T00:00:00.000Z', sent: 0, responded: 0 },
      { period: '2020-04-01T00:00:00.000Z', sent: 1, responded: 1 },
    ]);
  });

  it('should step by quarter and year too', () => {
    expect(
      trendPoints([series('2020-01-01T00:00:00.000Z', 1, 0), series('2020-07-01T00:00:00.000Z', 1, 1)], 'quarter').map((p) => p.period),
    ).toEqual(['2020-01-01T00:00:00.000Z', '2020-04-01T00:00:00.000Z', '2020-07-01T00:00:00.000Z']);
    expect(trendPoints([])).toEqual([]);
  });
});

describe('kmChartRows', () => {
  it('should put the step curves on one hour axis, each platform carrying its last step', () => {
    const rows = kmChartRows([
      {
        platformId: 1,
        platform: 'X',
        points: [
          { hour: 0, unanswered: 1 },
          { hour: 11, unanswered: 6 / 7 },
          { hour: 41, unanswered: 3 / 7 },
          { hour: 720, unanswered: 3 / 7 },
        ],
      },
      {
        platformId: 2,
        platform: 'Telegram',
        points: [
          { hour: 0, unanswered: 1 },
          { hour: 720, unanswered: 1 },
        ],
      },
    ]);
    expect(rows).toEqual([
      { hour: 0, X: 100, Telegram: 100 },
      { hour: 11, X: 85.71, Telegram: 100 },
      { hour: 41, X: 42.86, Telegram: 100 },
      { hour: 720, X: 42.86, Telegram: 100 },
    ]);
    expect(kmChartRows([])).toEqual([]);
  });
});

describe('sortPlatformRows', () => {
  const rows = [
    row({ platformId: 1, platform: 'telegram', sent: 10, responseRate: null, overdue: 3 }),
    row({ platformId: 2, platform: 'Facebook', sent: 200, responseRate: 0.5, overdue: 0 }),
    row({ platformId: 3, platform: 'X', sent: 10, responseRate: 0.9, overdue: 3 }),
    row({ platformId: 4, platform: 'Bench platform 10', sent: 5, responseRate: 0.5, overdue: 1 }),
    row({ platformId: 5, platform: 'Bench platform 9', sent: 5, responseRate: null, overdue: 1 }),
  ];
  const names = (sorted: typeof rows) => sorted.map((r) => r.platform);

  it("should keep the API's order until a column is chosen, without changing the rows given", () => {
    expect(sortPlatformRows(rows, null, 'en')).toEqual(rows);
    const copy = [...rows];
    sortPlatformRows(rows, { key: 'sent', direction: 'asc' }, 'en');
    expect(rows).toEqual(copy);
  });

  it('should sort names in the locale, ignoring case and with numbers in numeric order', () => {
    expect(names(sortPlatformRows(rows, { key: 'platform', direction: 'asc' }, 'en'))).toEqual([
      'Bench platform 9',
      'Bench platform 10',
      'Facebook',
      'telegram',
      'X',
    ]);
    expect(names(sortPlatformRows(rows, { key: 'platform', direction: 'desc' }, 'en'))[0]).toBe('X');
  });

  it('should sort figures either way, ties in name order', () => {
    expect(names(sortPlatformRows(rows, { key: 'sent', direction: 'desc' }, 'en'))).toEqual([
      'Facebook',
      'telegram',
      'X',
      'Bench platform 9',
      'Bench platform 10',
    ]);
    expect(names(sortPlatformRows(rows, { key: 'overdue', direction: 'asc' }, 'en'))).toEqual([
      'Facebook',
      'Bench platform 9',
      'Bench platform 10',
      'telegram',
      'X',
    ]);
  });

  it('should put a figure the API left empty last in both directions', () => {
    expect(names(sortPlatformRows(rows, { key: 'responseRate', direction: 'desc' }, 'en'))).toEqual([
      'X',
      'Bench platform 10',
      'Facebook',
      'Bench platform 9',
      'telegram',
    ]);
    expect(names(sortPlatformRows(rows, { key: 'responseRate', direction: 'asc' }, 'en'))).toEqual([
      'Bench platform 10',
      'Facebook',
      'X',
      'Bench platform 9',
      'telegram',
    ]);
  });
});

describe('nextSort', () => {
  it('should sort a new column names first A to Z, figures largest first, and reverse on a second click', () => {
    expect(nextSort(null, 'platform')).toEqual({ key: 'platform', direction: 'asc' });
    expect(nextSort(null, 'overdue')).toEqual({ key: 'overdue', direction: 'desc' });
    expect(nextSort({ key: 'overdue', direction: 'desc' }, 'overdue')).toEqual({ key: 'overdue', direction: 'asc' });
    expect(nextSort({ key: 'overdue', direction: 'asc' }, 'overdue')).toEqual({ key: 'overdue', direction: 'desc' });
    expect(nextSort({ key: 'overdue', direction: 'asc' }, 'sent')).toEqual({ key: 'sent', direction: 'desc' });
  });
});

import { crossCheckQueryString, dsaExportQueryString, exactly, formatInterval, groupBySubject, halfYearPoint } from './shaping';
import type { CrossCheckRow, OurFigures } from '../../../domain/src';

const ours = (over: Partial<OurFigures> = {}): OurFigures => ({
  requests: 212,
  infoOrders: 0,
  items: 1000,
  itemsRemoved: 610,
  itemsRemovedLegal: 10,
  itemsRemovedPolicy: 600,
  itemsRemovedPct: 61,
  medianHoursToConfirmReceipt: null,
  kmMedianHoursToConfirmReceipt: null,
  medianHoursToGiveEffect: null,
  kmMedianHoursToGiveEffect: null,
  platforms: [{ id: 1, name: 'YouTube' }],
  ...over,
});

const row = (over: Partial<CrossCheckRow> = {}): CrossCheckRow => ({
  publisher: 'Google',
  subject: 'Google',
  subjectKind: 'company',
  periodStart: '2019-01-01',
  periodEnd: '2019-06-30',
  jurisdiction: 'KR',
  requesterType: 'information_communications_authority',
  requester: 'Information and Communications Authority',
  category: null,
  published: { requests: { value: 178, text: '178', unit: 'count', low: 178, high: 178 } },
  derived: { itemsRemoved: { low: 823, high: 833 }, itemsRemovedPct: { low: 82.5, high: 83.5 } },
  ours: ours(),
  difference: { requests: { low: -34, high: -34 }, infoOrders: null, itemsRemovedPctPoints: { low: 21.5, high: 22.5 } },
  findings: [{ code: 'under_reporting', params: { published: '178', ours: 212 }, message: 'The platform reports 178 requests…' }],
  explanations: [{ code: 'date_received', params: {}, message: 'Platforms count requests by the date they received them…' }],
  ...over,
});

describe('crossCheckQueryString', () => {
  it('should send only the filters that are set, the jurisdiction in capitals and the subject trimmed', () => {
    expect(crossCheckQueryString({})).toBe('');
    expect(crossCheckQueryString({ subject: ' Google ', jurisdiction: 'kr', requesterType: '', platformId: '', from: '2019-01-01' })).toBe(
      '?subject=Google&jurisdiction=KR&from=2019-01-01',
    );
    expect(crossCheckQueryString({ requesterType: 'police', platformId: 3, to: '2020-01-01' }, { language: 'ko' })).toBe(
      '?requesterType=police&platformId=3&to=2020-01-01&language=ko',
    );
  });

  it('should give the DSA export only the platform and the period', () => {
    expect(dsaExportQueryString({ subject: 'Google', jurisdiction: 'KR', platformId: 2, from: '2024-01-01', to: '2025-01-01' })).toBe(
      '?platformId=2&from=2024-01-01&to=2025-01-01',
    );
  });
});

describe('formatInterval', () => {
  it('should write a range with a dash, and one number when both ends agree', () => {
    expect(formatInterval({ low: 886, high: 899 }, 'en', 'count')).toBe('886–899');
    expect(formatInterval({ low: 1373, high: 1373 }, 'en', 'count')).toBe('1,373');
    expect(formatInterval(exactly(212), 'id', 'count')).toBe('212');
  });

  it("should follow the language's way of writing a range and decimals", () => {
    expect(formatInterval({ low: 886, high: 899 }, 'ko', 'count')).toBe('886~899');
    expect(formatInterval({ low: 64.5, high: 65.5 }, 'id', 'percent')).toBe('64,5–65,5%');
  });

  it('should show the percent sign once and round to one decimal', () => {
    expect(formatInterval({ low: 64.5, high: 65.5 }, 'en', 'percent')).toBe('64.5–65.5%');
    expect(formatInterval({ low: 61.04, high: 61.04 }, 'en', 'percent')).toBe('61%');
    // Ends that round to the same text are one number, not "~61".
    expect(formatInterval({ low: 61.01, high: 61.04 }, 'en', 'percent')).toBe('61%');
  });

  it('should sign a difference', () => {
    expect(formatInterval({ low: -34, high: -34 }, 'en', 'count', true)).toBe('-34');
    expect(formatInterval({ low: 12, high: 12 }, 'en', 'count', true)).toBe('+12');
    expect(formatInterval({ low: 0, high: 0 }, 'en', 'count', true)).toBe('0');
    expect(formatInterval({ low: -5.2, high: 3 }, 'en', 'points', true)).toBe('-5.2 – +3');
  });

  it('should show a dash for a figure one side does not have', () => {
    expect(formatInterval(null, 'en', 'count')).toBe('—');
    expect(formatInterval(exactly(null), 'en', 'percent')).toBe('—');
    expect(formatInterval({ low: NaN, high: 3 }, 'en', 'count')).toBe('—');
  });
});

describe('halfYearPoint', () => {
  it('should draw a published count as a bar from zero and a range as a floating bar', () => {
    expect(halfYearPoint(row())).toEqual({
      period: '2019-H1',
      periodStart: '2019-01-01',
      publishedRequests: 178,
      ourRequests: 212,
      publishedRemovalPct: [82.5, 83.5],
      ourRemovalPct: 61,
    });
    // Google's historical "<10" is 1 to 9.
    const few = row({ published: { requests: { value: 9, text: '<10', unit: 'count', low: 1, high: 9 } } });
    expect(halfYearPoint(few).publishedRequests).toEqual([1, 9]);
  });

  it('should leave out what a side does not have', () => {
    const point = halfYearPoint(
      row({
        periodStart: '2024-03-01',
        periodEnd: '2024-08-31',
        published: {},
        derived: { itemsRemoved: null, itemsRemovedPct: null },
        ours: null,
      }),
    );
    expect(point).toEqual({
      period: '2024-03-01/2024-08-31',
      periodStart: '2024-03-01',
      publishedRequests: null,
      ourRequests: null,
      publishedRemovalPct: null,
      ourRemovalPct: null,
    });
  });
});

describe('groupBySubject', () => {
  const h1 = { periodStart: '2019-01-01', periodEnd: '2019-06-30' };
  const h2 = { periodStart: '2019-07-01', periodEnd: '2019-12-31' };
  const h3 = { periodStart: '2020-01-01', periodEnd: '2020-06-30' };

  it('should group rows by company or service, alphabetically, newest period first', () => {
    const youtube = row({ subject: 'YouTube', subjectKind: 'service', publisher: 'YouTube', jurisdiction: null, ...h2, findings: [] });
    const groups = groupBySubject([
      row(h1),
      youtube,
      row({ ...h3, findings: [] }),
      row({ ...h2, requesterType: 'police', requester: 'Police' }),
    ]);
    expect(groups.map((g) => [g.subject, g.subjectKind, g.rows.length, g.findings])).toEqual([
      ['Google', 'company', 3, 2],
      ['YouTube', 'service', 1, 0],
    ]);
    expect(groups[0].rows.map((r) => [r.periodStart, r.requesterType])).toEqual([
      ['2020-01-01', 'information_communications_authority'],
      ['2019-07-01', 'police'],
      ['2019-01-01', 'information_communications_authority'],
    ]);
  });

  it('should make one series per scope, oldest half-year first, the longest series first', () => {
    const police = { requesterType: 'police' as const, requester: 'Police' };
    const [google] = groupBySubject([row(h1), row({ ...h2, ...police }), row(h3), row({ ...h2 })]);
    expect(google.series.map((s) => [s.requesterType, s.points.map((p) => p.period)])).toEqual([
      ['information_communications_authority', ['2019-H1', '2019-H2', '2020-H1']],
      ['police', ['2019-H2']],
    ]);
    expect(google.series[1]).toMatchObject({ publisher: 'Google', jurisdiction: 'KR', requester: 'Police', category: null });
  });

  it('should keep a company and a service of the same name apart', () => {
    const groups = groupBySubject([row(), row({ subjectKind: 'service' })]);
    expect(groups.map((g) => g.subjectKind)).toEqual(['company', 'service']);
  });

  it('should give nothing for no rows', () => {
    expect(groupBySubject([])).toEqual([]);
  });
});

import {
  categoriesOf,
  crossCheckFindings,
  derivedFromPublished,
  DOMAIN_MESSAGES,
  halfYearEnding,
  LANGUAGES,
  type OurFigures,
  parsePeriod,
  periodLabel,
  publishedInterval,
  type PublishedValue,
  requesterTypesOf,
  shareOf,
} from './index';

const value = (text: string, unit: PublishedValue['unit']): PublishedValue => ({
  value: Number(text),
  text,
  unit,
  ...publishedInterval(text, unit),
});

const ours: OurFigures = {
  requests: 212,
  infoOrders: 5,
  items: 1000,
  itemsRemoved: 610,
  itemsRemovedLegal: 10,
  itemsRemovedPolicy: 600,
  itemsRemovedPct: 61,
  medianHoursToConfirmReceipt: 20,
  kmMedianHoursToConfirmReceipt: 30,
  medianHoursToGiveEffect: 100,
  kmMedianHoursToGiveEffect: null,
  platforms: [
    { id: 1, name: 'YouTube' },
    { id: 2, name: 'Blogger' },
  ],
};

describe('published figures', () => {
  it('should give the range a rounded percentage of a count stands for', () => {
    expect(publishedInterval('65', 'percent')).toEqual({ low: 64.5, high: 65.5 });
    expect(shareOf('65', { low: 1373, high: 1373 })).toEqual({ low: 886, high: 899 });
    expect(shareOf('0', { low: 1373, high: 1373 })).toEqual({ low: 0, high: 6 });
    expect(shareOf('100', { low: 10, high: 10 })).toEqual({ low: 10, high: 10 });
    // 4 % of 3 items is 0.105 to 0.135: no whole count fits, so the two around it.
    expect(shareOf('4', { low: 3, high: 3 })).toEqual({ low: 0, high: 1 });
    const tenth = publishedInterval('64.5', 'percent');
    expect(tenth.low).toBeCloseTo(64.45);
    expect(tenth.high).toBeCloseTo(64.55);
    expect(publishedInterval('<10', 'count')).toEqual({ low: 1, high: 9 });
    expect(publishedInterval('1373', 'count')).toEqual({ low: 1373, high: 1373 });
  });

  it('should read half-years and ranges and refuse anything else', () => {
    expect(halfYearEnding('2019-06-30')).toEqual({ start: '2019-01-01', end: '2019-06-30' });
    expect(halfYearEnding('2019-12-31')).toEqual({ start: '2019-07-01', end: '2019-12-31' });
    expect(halfYearEnding('2019-05-31')).toBeNull();
    expect(parsePeriod('2024-H2')).toEqual({ start: '2024-07-01', end: '2024-12-31' });
    expect(parsePeriod('H1 2024')).toEqual({ start: '2024-01-01', end: '2024-06-30' });
    expect(parsePeriod('2024-01-01/2024-03-31')).toEqual({ start: '2024-01-01', end: '2024-03-31' });
    expect(parsePeriod('2024-01-01 - 2024-06-30')).toEqual({ start: '2024-01-01', end: '2024-06-30' });
    for (const bad of ['2024', '2024-H3', '2024-02-30/2024-03-01', '2024-06-30/2024-01-01', 'first half'])
      expect(parsePeriod(bad)).toBeNull();
    expect(periodLabel({ start: '2024-07-01', end: '2024-12-31' })).toBe('2024-H2');
    expect(periodLabel({ start: '2024-01-01', end: '2024-03-31' })).toBe('2024-01-01/2024-03-31');
  });

  it('should map publishers’ requesters and categories to ours', () => {
    expect(requesterTypesOf('police', 'Police')).toEqual(['police']);
    expect(requesterTypesOf(null, 'All Requests')).toBeNull();
    expect(requesterTypesOf(null, 'Other Requests (Executive, Police, etc.)')).not.toContain('court');
    expect(categoriesOf('Protection of minors')).toEqual(['csam', 'grooming']);
    expect(categoriesOf('STATEMENT_CATEGORY_PROTECTION_OF_MINORS')).toEqual(['csam', 'grooming']);
    expect(categoriesOf('Animal welfare')).toEqual([]);
    expect(categoriesOf(null)).toBeNull();
  });
});

describe('cross-check findings', () => {
  const published = {
    requests: value('178', 'count'),
    items: value('1000', 'count'),
    items_removed_legal_pct: value('3', 'percent'),
    items_removed_policy_pct: value('80', 'percent'),
    median_hours_to_confirm_receipt: value('2', 'hours'),
  };

  it('should say a platform reports fewer requests and removes more than we saw, with what may explain it', () => {
    const derived = derivedFromPublished(published);
    expect(derived.itemsRemoved).toEqual({ low: 820, high: 840 });
    expect(derived.itemsRemovedPct).toEqual({ low: 82, high: 84 });
    const { findings, explanations, difference } = crossCheckFindings(
      { published, derived, ours, subjectKind: 'company', category: null },
      true,
    );
    expect(findings.map((f) => f.code)).toEqual(['under_reporting', 'removal_rate_above_ours']);
    expect(findings[0].params).toEqual({ published: '178', ours: 212 });
    expect(difference.requests).toEqual({ low: -34, high: -34 });
    expect(difference.infoOrders).toBeNull();
    expect(difference.itemsRemovedPctPoints).toEqual({ low: 21, high: 23 });
    expect(explanations.map((e) => e.code)).toEqual(['date_received', 'several_services', 'rounding']);
  });

  it('should find nothing where the gap is within rounding and the thresholds', () => {
    const close = { ...published, requests: value('212', 'count'), items_removed_policy_pct: value('60', 'percent') };
    const r = crossCheckFindings(
      { published: close, derived: derivedFromPublished(close), ours, subjectKind: 'service', category: null },
      true,
    );
    expect(r.findings).toEqual([]);
    expect(r.explanations).toEqual([]);
  });

  it('should say a median far from ours, and that nothing can be compared without a platform', () => {
    const slow = { median_hours_to_give_effect: value('400', 'hours') };
    const r = crossCheckFindings(
      { published: slow, derived: derivedFromPublished(slow), ours, subjectKind: 'service', category: null },
      true,
    );
    expect(r.findings).toEqual([{ code: 'give_effect_median_far_from_ours', params: { published: '400', ours: 100, km: '–' } }]);
    const none = crossCheckFindings(
      { published, derived: derivedFromPublished(published), ours: { ...ours, platforms: [] }, subjectKind: 'company', category: null },
      true,
    );
    expect(none.findings.map((f) => f.code)).toEqual(['no_matching_platform']);
  });

  it('should word every finding in every language with the same placeholders', () => {
    const placeholders = (t: string) => [...t.matchAll(/%\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const code of Object.keys(DOMAIN_MESSAGES.en.findings) as (keyof typeof DOMAIN_MESSAGES.en.findings)[]) {
      for (const lang of LANGUAGES)
        expect(placeholders(DOMAIN_MESSAGES[lang].findings[code])).toEqual(placeholders(DOMAIN_MESSAGES.en.findings[code]));
    }
  });
});

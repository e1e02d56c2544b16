import {
  type ExplanationCode,
  type FigureBreakdown,
  type FindingCode,
  type Interval,
  MEDIAN_GAP_HOURS,
  MEDIAN_GAP_SHARE,
  type MetricUnit,
  type PublishedMetric,
  REMOVAL_RATE_GAP_POINTS,
  shareOf,
} from './transparency';

/** One published figure as the cross-check shows it: the value, its text as published and the interval rounding allows. */
export interface PublishedValue extends Interval {
  value: number;
  text: string;
  unit: MetricUnit;
}

/** Our ledger over the same subject, period, jurisdiction, requester types and categories, measured the publishers' way. */
export interface OurFigures {
  /** Orders to act (removal and blocking requests): what the publishers' request counts are compared with. */
  requests: number;
  /** Orders to provide information (investigation and preservation requests). */
  infoOrders: number;
  items: number;
  /** Removed or geo-blocked now; split the way the publishers split it (legal: geo-blocked; policy: removed). */
  itemsRemoved: number;
  itemsRemovedLegal: number;
  itemsRemovedPolicy: number;
  /** Share of items removed, in percent (null without items). */
  itemsRemovedPct: number | null;
  medianHoursToConfirmReceipt: number | null;
  kmMedianHoursToConfirmReceipt: number | null;
  medianHoursToGiveEffect: number | null;
  kmMedianHoursToGiveEffect: number | null;
  /** The platforms of ours the subject stands for. */
  platforms: { id: number; name: string }[];
}

/** What published figures imply once combined: the items removed and their share, as intervals. */
export interface PublishedDerived {
  itemsRemoved: Interval | null;
  itemsRemovedPct: Interval | null;
}

export interface Finding {
  code: FindingCode | ExplanationCode;
  params: Record<string, string | number>;
  message: string;
}

export interface CrossCheckRow extends FigureBreakdown {
  published: Partial<Record<PublishedMetric, PublishedValue>>;
  derived: PublishedDerived;
  ours: OurFigures | null;
  /** Published minus ours, where both sides have the figure (intervals where rounding leaves a range). */
  difference: { requests: Interval | null; infoOrders: Interval | null; itemsRemovedPctPoints: Interval | null };
  findings: Finding[];
  /** What could explain a gap, so that nobody reads one as proof by itself. */
  explanations: Finding[];
}

const sum = (a: Interval, b: Interval): Interval => ({ low: a.low + b.low, high: a.high + b.high });

/** The items a platform says it removed (legal + policy shares of its items), and their share, as intervals. */
export function derivedFromPublished(published: Partial<Record<PublishedMetric, PublishedValue>>): PublishedDerived {
  const items = published.items;
  const legal = published.items_removed_legal_pct;
  const policy = published.items_removed_policy_pct;
  if (!legal && !policy) return { itemsRemoved: null, itemsRemovedPct: null };
  const pct = [legal, policy].filter((p): p is PublishedValue => !!p).reduce<Interval>((s, p) => sum(s, p), { low: 0, high: 0 });
  const itemsRemovedPct = { low: Math.min(100, pct.low), high: Math.min(100, pct.high) };
  if (!items) return { itemsRemoved: null, itemsRemovedPct };
  const removed = [legal, policy]
    .filter((p): p is PublishedValue => !!p)
    .map((p) => shareOf(p.text, items))
    .reduce<Interval>(sum, { low: 0, high: 0 });
  return { itemsRemoved: { low: removed.low, high: Math.min(items.high, removed.high) }, itemsRemovedPct };
}

const minus = (a: Interval, b: number): Interval => ({ low: a.low - b, high: a.high - b });
const round1 = (n: number) => Math.round(n * 10) / 10;

/** The gaps worth saying, before they are put in words (messages come from the language catalogues). */
export function crossCheckFindings(
  row: Pick<CrossCheckRow, 'published' | 'derived' | 'ours' | 'subjectKind' | 'category'>,
  categoryTracked: boolean,
): { findings: Omit<Finding, 'message'>[]; explanations: Omit<Finding, 'message'>[]; difference: CrossCheckRow['difference'] } {
  const findings: Omit<Finding, 'message'>[] = [];
  const difference: CrossCheckRow['difference'] = { requests: null, infoOrders: null, itemsRemovedPctPoints: null };
  const { published, derived, ours } = row;
  if (!ours || ours.platforms.length === 0)
    return { findings: [{ code: 'no_matching_platform', params: {} }], explanations: [], difference };
  if (!categoryTracked)
    return { findings: [{ code: 'category_not_tracked', params: { category: row.category ?? '' } }], explanations: [], difference };

  // Orders to act and orders to provide information are counted apart, on both sides.
  for (const [metric, sent, key] of [
    ['requests', ours.requests, 'requests'],
    ['info_orders', ours.infoOrders, 'infoOrders'],
  ] as const) {
    const reported = published[metric];
    if (!reported) continue;
    difference[key] = minus(reported, sent);
    if (reported.high < sent) findings.push({ code: 'under_reporting', params: { published: reported.text, ours: sent } });
    else if (reported.low > sent) findings.push({ code: 'more_than_we_sent', params: { published: reported.text, ours: sent } });
  }
  if (derived.itemsRemovedPct && ours.itemsRemovedPct !== null) {
    const gap = minus(derived.itemsRemovedPct, ours.itemsRemovedPct);
    difference.itemsRemovedPctPoints = { low: round1(gap.low), high: round1(gap.high) };
    const params = {
      published: round1((derived.itemsRemovedPct.low + derived.itemsRemovedPct.high) / 2),
      ours: round1(ours.itemsRemovedPct),
    };
    if (gap.low > REMOVAL_RATE_GAP_POINTS) findings.push({ code: 'removal_rate_above_ours', params });
    else if (gap.high < -REMOVAL_RATE_GAP_POINTS) findings.push({ code: 'removal_rate_below_ours', params });
  }
  const medians: [PublishedMetric, number | null, number | null, FindingCode][] = [
    [
      'median_hours_to_confirm_receipt',
      ours.medianHoursToConfirmReceipt,
      ours.kmMedianHoursToConfirmReceipt,
      'confirm_receipt_median_far_from_ours',
    ],
    ['median_hours_to_give_effect', ours.medianHoursToGiveEffect, ours.kmMedianHoursToGiveEffect, 'give_effect_median_far_from_ours'],
  ];
  for (const [metric, median, km, code] of medians) {
    const p = published[metric];
    if (!p || median === null) continue;
    const gap = Math.min(Math.abs(p.low - median), Math.abs(p.high - median));
    if (gap > MEDIAN_GAP_HOURS && gap > MEDIAN_GAP_SHARE * median) {
      findings.push({ code, params: { published: p.text, ours: round1(median), km: km === null ? '–' : round1(km) } });
    }
  }

  // A gap has ordinary explanations; they are listed whenever there is one to explain.
  const explanations: Omit<Finding, 'message'>[] = [];
  if (findings.length > 0) {
    if (findings.some((f) => f.code === 'more_than_we_sent')) explanations.push({ code: 'other_agencies', params: {} });
    explanations.push({ code: 'date_received', params: {} });
    if (row.subjectKind === 'company' && ours.platforms.length > 1) explanations.push({ code: 'several_services', params: {} });
    if (derived.itemsRemovedPct) explanations.push({ code: 'rounding', params: {} });
  }
  return { findings, explanations, difference };
}

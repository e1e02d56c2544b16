import {
  type ItemState,
  REQUEST_CATEGORIES,
  type RequestCategory,
  REQUESTER_TYPES,
  type RequesterType,
  type RequestType,
} from './vocabulary';

/**
 * What platforms publish about the requests they received (transparency reports), and the rules that
 * line those figures up with our ledger: which metric is which, what a rounded number stands for,
 * which publisher label is which requester type, and what a gap between the two sides means.
 */

export const PUBLISHED_METRICS = [
  'requests',
  'items',
  'requests_complied_pct',
  'items_removed_legal_pct',
  'items_removed_policy_pct',
  'items_not_found_pct',
  'items_not_enough_info_pct',
  'items_no_action_pct',
  'items_already_removed_pct',
  'median_hours_to_confirm_receipt',
  'median_hours_to_give_effect',
  'info_orders',
  'info_median_hours_to_confirm_receipt',
  'info_median_hours_to_give_effect',
] as const;
export type PublishedMetric = (typeof PUBLISHED_METRICS)[number];

export const METRIC_UNITS = ['count', 'percent', 'hours'] as const;
export type MetricUnit = (typeof METRIC_UNITS)[number];
export const unitOf = (metric: PublishedMetric): MetricUnit =>
  metric.endsWith('_pct') ? 'percent' : metric.includes('_hours_') ? 'hours' : 'count';

/** A figure is about a whole company (Google covers YouTube, Search…) or about one service (DSA reports are per service). */
export const SUBJECT_KINDS = ['company', 'service'] as const;
export type SubjectKind = (typeof SUBJECT_KINDS)[number];

/** What identifies a published figure, and its value: the API's record and the importers' rows share it. */
export interface PublishedFigureFields {
  publisher: string;
  subject: string;
  subjectKind: SubjectKind;
  /** Both inclusive, YYYY-MM-DD. */
  periodStart: string;
  periodEnd: string;
  jurisdiction: string | null;
  requesterType: RequesterType | null;
  /** The requester as the publisher named it (Google's "Court Order Directed at Google"). */
  requester: string | null;
  category: string | null;
  metric: PublishedMetric;
  value: number;
  /** The value as published: its decimals say how it was rounded. */
  valueText: string;
  unit: MetricUnit;
}

/** Which published figure a row is about, without its metric and value: a cross-check row's heading. */
export type FigureBreakdown = Omit<PublishedFigureFields, 'metric' | 'value' | 'valueText' | 'unit'>;

/** Our own CSV of published figures (one figure a row), for what no importer reads; the form takes the same fields and `sourceUrl`. */
export const FIGURE_CSV_COLUMNS = [
  'publisher',
  'subject',
  'subjectKind',
  'period',
  'jurisdiction',
  'requesterType',
  'category',
  'metric',
  'value',
] as const;

/** Where a figure came from: a publisher's file (chosen by its header), our own CSV, or typed in from a PDF or a bot. */
export const FIGURE_SOURCES = ['google_current', 'google_historical', 'dsa_table3', 'tracker_csv', 'form'] as const;
export type FigureSource = (typeof FIGURE_SOURCES)[number];

/** Google's requester labels, in our requester types. */
export const GOOGLE_REQUESTERS: Record<string, RequesterType> = {
  'Information and Communications Authority': 'information_communications_authority',
  Police: 'police',
  'Government Officials': 'government_officials',
  'Court Order Directed at Google': 'court',
  'Court Order Directed at 3rd Party': 'court',
  'Suppression Orders': 'court',
  'Data Protection Authority': 'data_protection_authority',
  'Consumer Protection Authority': 'consumer_protection_authority',
  Military: 'military',
  Other: 'other',
};

/**
 * Published labels that stand for several requester types at once (Google's historical file splits
 * only court orders from "other requests"). A figure with no requester type and none of these labels
 * is about every requester.
 */
export const COMPOSITE_REQUESTERS: Record<string, readonly RequesterType[]> = {
  'Other Requests (Executive, Police, etc.)': REQUESTER_TYPES.filter((t) => t !== 'court'),
};

/** The requester types a figure covers; null when it covers every requester. */
export function requesterTypesOf(requesterType: RequesterType | null, requester: string | null): readonly RequesterType[] | null {
  if (requesterType) return [requesterType];
  return (requester && COMPOSITE_REQUESTERS[requester]) || null;
}

/**
 * The DSA's categories of illegal content our categories are reported under (Implementing Regulation
 * 2024/2835). The DSA's category is coarser: several of ours fall in one of its.
 */
export const DSA_CATEGORY: Record<RequestCategory, string> = {
  ncii: 'Non-consensual behaviour',
  deepfake_sexual: 'Non-consensual behaviour',
  sextortion: 'Non-consensual behaviour',
  csam: 'Protection of minors',
  grooming: 'Protection of minors',
  other: 'Other',
};

const categoryKey = (label: string) =>
  label
    .trim()
    .toLowerCase()
    .replace(/^statement_category_/, '')
    .replace(/[^a-z]+/g, ' ')
    .trim();

/** Our categories inside a published category; null for a figure about every category, [] for one we do not track. */
export function categoriesOf(published: string | null): RequestCategory[] | null {
  if (published === null) return null;
  return REQUEST_CATEGORIES.filter((c) => categoryKey(DSA_CATEGORY[c]) === categoryKey(published));
}

/**
 * Table 3 of the EU's harmonised DSA transparency report template (Implementing Regulation 2024/2835):
 * orders from Member States' authorities. The columns that say which row it is, then each figure's
 * column with the metric it is; the importer reads them and our export writes them.
 */
export const DSA_TABLE3_HEAD = [
  'Applicability',
  'Service',
  'Reporting period',
  'Category of illegal content',
  'Description of the sub-category "Other"',
  'Scope',
] as const;
export const DSA_TABLE3_METRICS: readonly (readonly [column: string, metric: PublishedMetric])[] = [
  ['Number of orders to act against illegal content received', 'requests'],
  ['Number of specific items of information included in the total number of orders to act against illegal content', 'items'],
  ['Median time to inform the authority of the receipt of the order to act against illegal content', 'median_hours_to_confirm_receipt'],
  ['Median time to give effect to the order to act against illegal content', 'median_hours_to_give_effect'],
  ['Number of orders to provide information', 'info_orders'],
  ['Median time to inform the authority of the receipt of the order to provide information', 'info_median_hours_to_confirm_receipt'],
  ['Median time to give effect to the order to provide information', 'info_median_hours_to_give_effect'],
];
export const DSA_TABLE3_COLUMNS = [...DSA_TABLE3_HEAD, ...DSA_TABLE3_METRICS.map(([column]) => column)];

/**
 * Publishers count orders to act against content (Google's removal requests, the DSA's "orders to act")
 * apart from orders to provide information; these are our request types on each side.
 */
export const ORDER_TO_ACT_TYPES = ['removal', 'blocking'] as const satisfies readonly RequestType[];
export const INFORMATION_ORDER_TYPES = ['investigation', 'preservation'] as const satisfies readonly RequestType[];

/**
 * Our items counted as "removed" the way the publishers split them: restricted in the country on legal
 * grounds (geo-blocked) or taken down everywhere under the platform's own policy (removed).
 */
export const REMOVED_ITEM_STATES: { legal: ItemState; policy: ItemState } = { legal: 'geo_blocked', policy: 'removed' };

/** A closed interval of values. */
export interface Interval {
  low: number;
  high: number;
}

/**
 * The values a published number stands for: "65" was rounded from [64.5, 65.5], "64.5" from [64.45,
 * 64.55]; a count is exact; "<10" (Google's mark for a few) is 1 to 9. Shares stay within 0 to 100.
 */
export function publishedInterval(text: string, unit: MetricUnit): Interval {
  const t = text.trim();
  const under = /^<\s*(\d+)$/.exec(t);
  if (under) return { low: 1, high: Number(under[1]) - 1 };
  const value = Number(t);
  if (unit === 'count') return { low: value, high: value };
  const decimals = t.includes('.') ? t.length - t.indexOf('.') - 1 : 0;
  const half = 0.5 * 10 ** -decimals;
  const cap = unit === 'percent' ? 100 : Infinity;
  return { low: Math.max(0, value - half), high: Math.min(cap, value + half) };
}

/** The counts a published percentage of a published count can be: 65 % of 1,373 items is 886 to 899. */
export function shareOf(percentText: string, count: Interval): Interval {
  const pct = publishedInterval(percentText, 'percent');
  const eps = 1e-9;
  const low = Math.max(0, Math.ceil((pct.low / 100) * count.low - eps));
  const high = Math.min(count.high, Math.floor((pct.high / 100) * count.high + eps));
  // No whole count fits (4 % of 3 items is 0.105 to 0.135): the publisher rounded something else too,
  // so say the two whole counts around it rather than an empty range.
  return low <= high ? { low, high } : { low: high, high: low };
}

/** A period as the publishers give it: start and end dates, both inclusive (YYYY-MM-DD). */
export interface Period {
  start: string;
  end: string;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const isDate = (s: string) => ISO_DATE.test(s) && new Date(`${s}T00:00:00Z`).toISOString().slice(0, 10) === s;

/** The half-year that ends on a date (Google's "Period Ending" 2019-06-30 or 2019-12-31); null for any other date. */
export function halfYearEnding(date: string): Period | null {
  const m = /^(\d{4})-(06-30|12-31)$/.exec(date.trim());
  if (!m) return null;
  return m[2] === '06-30' ? { start: `${m[1]}-01-01`, end: date.trim() } : { start: `${m[1]}-07-01`, end: date.trim() };
}

/**
 * A reporting period: a half-year (`2024-H1`, `H1 2024`) or a `YYYY-MM-DD/YYYY-MM-DD` range (also with
 * " - " between the dates, as some providers write it); null for anything else.
 */
export function parsePeriod(text: string): Period | null {
  const t = text.trim();
  const a = /^(\d{4})-?H([12])$/i.exec(t);
  const b = /^H([12])\s+(\d{4})$/i.exec(t);
  const year = a?.[1] ?? b?.[2];
  const half = a?.[2] ?? b?.[1];
  if (year && half)
    return half === '1' ? { start: `${year}-01-01`, end: `${year}-06-30` } : { start: `${year}-07-01`, end: `${year}-12-31` };
  const range = /^(\d{4}-\d{2}-\d{2})\s*(?:\/|\s-\s)\s*(\d{4}-\d{2}-\d{2})$/.exec(t);
  if (range && isDate(range[1]) && isDate(range[2]) && range[1] <= range[2]) return { start: range[1], end: range[2] };
  return null;
}

/** A period's label: `2024-H1` for a half-year, else `start/end`. */
export function periodLabel(p: Period): string {
  const year = p.start.slice(0, 4);
  if (p.start === `${year}-01-01` && p.end === `${year}-06-30`) return `${year}-H1`;
  if (p.start === `${year}-07-01` && p.end === `${year}-12-31`) return `${year}-H2`;
  return `${p.start}/${p.end}`;
}

/**
 * What the cross-check says of a gap (thresholds below). A gap is never proof by itself: each finding
 * comes with the explanations that could account for it.
 */
export const FINDING_CODES = [
  'under_reporting',
  'more_than_we_sent',
  'removal_rate_above_ours',
  'removal_rate_below_ours',
  'confirm_receipt_median_far_from_ours',
  'give_effect_median_far_from_ours',
  'no_matching_platform',
  'category_not_tracked',
] as const;
export type FindingCode = (typeof FINDING_CODES)[number];

export const EXPLANATION_CODES = ['other_agencies', 'date_received', 'several_services', 'rounding'] as const;
export type ExplanationCode = (typeof EXPLANATION_CODES)[number];

/** Removal rates further apart than this many percentage points (beyond what rounding allows) are a finding. */
export const REMOVAL_RATE_GAP_POINTS = 10;
/** Medians are "far" apart when they differ by more than this share of ours and by more than this many hours. */
export const MEDIAN_GAP_SHARE = 0.5;
export const MEDIAN_GAP_HOURS = 24;

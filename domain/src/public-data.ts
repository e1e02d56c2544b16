import type { Period } from './transparency';

/**
 * Public snapshots: the regulator's own figures per platform, published as static files
 * (docs/public-data.md). What a snapshot shows, how small numbers are kept out of it, its schema's
 * version, its columns and its licence are written here once; the API renders and serves them, the
 * console previews them.
 */

/** The version of the JSON, CSV and index schemas. A change that is not purely additive takes a new version. */
export const PUBLIC_SCHEMA_VERSION = 1;

/** The URL path the public tree is served under by the app (no token). */
export const PUBLIC_PATH = '/public';

/** A cell counting fewer requests than this is not shown (PUBLIC_MIN_CELL overrides it). */
export const PUBLIC_MIN_CELL_DEFAULT = 10;

/** How long a client may keep the index and the latest snapshot's address before asking again (seconds). */
export const PUBLIC_SHORT_MAX_AGE = 60;

/** The licence every public file carries. */
export const PUBLIC_LICENCE = {
  id: 'CC-BY-4.0',
  name: 'Creative Commons Attribution 4.0 International',
  url: 'https://creativecommons.org/licenses/by/4.0/',
} as const;

/** The licence line of the JSON and CSV files (in English: the files are the same for every reader). */
export const PUBLIC_LICENCE_LINE = `Licence: ${PUBLIC_LICENCE.name} (${PUBLIC_LICENCE.id}), ${PUBLIC_LICENCE.url}`;

/** The figures a snapshot gives for each platform, in the order the page and the CSV show them. */
export const PUBLIC_METRICS = [
  'sent',
  'responded',
  'responseRate',
  'medianResponseHours',
  'kmMedianResponseHours',
  'onTimeRate',
  'removalRate',
] as const;
export type PublicMetric = (typeof PUBLIC_METRICS)[number];

export const PUBLIC_METRIC_UNITS = ['count', 'share', 'hours'] as const;
export type PublicMetricUnit = (typeof PUBLIC_METRIC_UNITS)[number];

export const PUBLIC_METRIC_UNIT: Record<PublicMetric, PublicMetricUnit> = {
  sent: 'count',
  responded: 'count',
  responseRate: 'share',
  medianResponseHours: 'hours',
  kmMedianResponseHours: 'hours',
  onTimeRate: 'share',
  removalRate: 'share',
};

/**
 * What a published cell is: `shown`; `fewer_than_min`, a count of 1 to PUBLIC_MIN_CELL - 1 requests;
 * `withheld`, a figure that would reveal such a count (a rate or median computed from it, the other
 * part of a total, a total over a suppressed cell); `none`, nothing to compute (no request answered,
 * a Kaplan-Meier median not reached, no removal request).
 */
export const CELL_STATUSES = ['shown', 'fewer_than_min', 'withheld', 'none'] as const;
export type CellStatus = (typeof CELL_STATUSES)[number];

/** One published figure: its value only when it is shown. */
export interface PublicCell {
  value: number | null;
  status: CellStatus;
}

export type PublicFigures = Record<PublicMetric, PublicCell>;

/** One platform's counts for a period, before anything is suppressed. */
export interface PlatformCounts {
  sent: number;
  responded: number;
  /** Answered by the deadline (and by asOf). */
  onTime: number;
  /** Removal requests with items: the requests behind the removal rate. */
  removalRequests: number;
  itemsRequested: number;
  itemsRemoved: number;
  medianResponseHours: number | null;
  kmMedianResponseHours: number | null;
}

/** The responsiveness metrics a snapshot is built from (the API's per-platform row has them all). */
export interface ResponsivenessFigures {
  sent: number;
  responded: number;
  onTimeRate: number | null;
  itemsRequested: number;
  itemsRemoved: number;
  removedCompletely: number;
  removedPartially: number;
  notRemoved: number;
  medianResponseHours: number | null;
  kmMedianResponseHours: number | null;
}

/** A platform's counts from its responsiveness metrics: on time is onTimeRate of sent; removal requests are those with items. */
export const countsOf = (m: ResponsivenessFigures): PlatformCounts => ({
  sent: m.sent,
  responded: m.responded,
  onTime: Math.round((m.onTimeRate ?? 0) * m.sent),
  removalRequests: m.removedCompletely + m.removedPartially + m.notRemoved,
  itemsRequested: m.itemsRequested,
  itemsRemoved: m.itemsRemoved,
  medianResponseHours: m.medianResponseHours,
  kmMedianResponseHours: m.kmMedianResponseHours,
});

/**
 * A count that would single out a few requests. Zero is not small: "none answered" names no request,
 * and it is what a regulator publishes a platform for.
 */
export const isSmall = (count: number, minCell: number): boolean => count > 0 && count < minCell;

/** Shares are published to four decimals, hours to one: enough for the page, the same in every file. */
export const roundShare = (share: number): number => Math.round(share * 10_000) / 10_000;
export const roundHours = (hours: number): number => Math.round(hours * 10) / 10;

const shown = (value: number): PublicCell => ({ value, status: 'shown' });
const none: PublicCell = { value: null, status: 'none' };
const withheld: PublicCell = { value: null, status: 'withheld' };
const fewer: PublicCell = { value: null, status: 'fewer_than_min' };

/**
 * A share `part / whole` of `base` requests: withheld when the base is small, or when the part or the
 * rest of the whole is small (from a share and a shown count, either can be worked out).
 */
function share(part: number, whole: number, base: number, minCell: number): PublicCell {
  if (base === 0 || whole === 0) return none;
  if (isSmall(base, minCell) || isSmall(part, minCell) || isSmall(whole - part, minCell)) return withheld;
  return shown(roundShare(part / whole));
}

const hours = (value: number | null): PublicCell => (value === null ? none : shown(roundHours(value)));

/**
 * One platform's published figures. The rules, in order:
 * 1. Nothing sent: 0, and nothing else to compute.
 * 2. Fewer than `minCell` sent: "fewer than" for the count, every other figure withheld.
 * 3. Answered and unanswered add up to the requests sent, which are shown: when either is small, the
 *    answered count, the response rate and the median time to first response are hidden (sent minus
 *    answered would give a small unanswered count). The answered count says "fewer than" only when it
 *    is the small one and sent is at least 2 x minCell - 1; below that, answered and unanswered could
 *    both be small, and saying which one is would let sent give the other away, so it is withheld.
 *    When only the unanswered are few and sent is that large, the median (over many answers) stays.
 * 4. On-time and removal rates are withheld when their requests, their part or its complement are few.
 */
export function publicFigures(c: PlatformCounts, minCell: number): PublicFigures {
  if (c.sent === 0) {
    return { ...allCells(none), sent: shown(0), responded: shown(0) };
  }
  if (isSmall(c.sent, minCell)) return { ...allCells(withheld), sent: fewer };
  const fewAnswered = isSmall(c.responded, minCell);
  const fewUnanswered = isSmall(c.sent - c.responded, minCell);
  const eitherCouldBeSmall = c.sent < 2 * minCell - 1;
  const hidden = fewAnswered || fewUnanswered;
  return {
    sent: shown(c.sent),
    responded: !hidden ? shown(c.responded) : fewAnswered && !eitherCouldBeSmall ? fewer : withheld,
    responseRate: hidden ? withheld : shown(roundShare(c.responded / c.sent)),
    medianResponseHours: fewAnswered || (hidden && eitherCouldBeSmall) ? withheld : hours(c.medianResponseHours),
    kmMedianResponseHours: hours(c.kmMedianResponseHours),
    onTimeRate: share(c.onTime, c.sent, c.sent, minCell),
    removalRate: share(c.itemsRemoved, c.itemsRequested, c.removalRequests, minCell),
  };
}

const allCells = (cell: PublicCell): PublicFigures => Object.fromEntries(PUBLIC_METRICS.map((m) => [m, cell])) as unknown as PublicFigures;

/** The metrics each total is computed from: a total is withheld when any platform's cell in one of them is. */
const TOTAL_DEPENDS_ON: Record<PublicMetric, readonly PublicMetric[]> = {
  sent: ['sent'],
  responded: ['responded'],
  responseRate: ['sent', 'responded'],
  medianResponseHours: [],
  kmMedianResponseHours: [],
  onTimeRate: ['sent', 'onTimeRate'],
  removalRate: ['removalRate'],
};

const suppressed = (cell: PublicCell) => cell.status === 'fewer_than_min' || cell.status === 'withheld';

/**
 * The totals over the platforms shown. A total is published only when every cell it adds up is shown:
 * a total over one suppressed cell, minus the cells shown, would give that cell back (and over several,
 * their sum). The medians have no total (they do not add up).
 */
export function publicTotals(rows: { counts: PlatformCounts; figures: PublicFigures }[], minCell: number): PublicFigures {
  const sum = (pick: (c: PlatformCounts) => number) => rows.reduce((n, r) => n + pick(r.counts), 0);
  const total: PlatformCounts = {
    sent: sum((c) => c.sent),
    responded: sum((c) => c.responded),
    onTime: sum((c) => c.onTime),
    removalRequests: sum((c) => c.removalRequests),
    itemsRequested: sum((c) => c.itemsRequested),
    itemsRemoved: sum((c) => c.itemsRemoved),
    medianResponseHours: null,
    kmMedianResponseHours: null,
  };
  const figures = publicFigures(total, minCell);
  return Object.fromEntries(
    PUBLIC_METRICS.map((metric) => {
      const hidden = TOTAL_DEPENDS_ON[metric].some((m) => rows.some((r) => suppressed(r.figures[m])));
      const cell = TOTAL_DEPENDS_ON[metric].length === 0 ? none : hidden ? withheld : figures[metric];
      return [metric, cell];
    }),
  ) as unknown as PublicFigures;
}

/** The CSV of a snapshot: one row per platform and figure (a long table, so that a new figure adds rows, not columns). */
export const PUBLIC_CSV_COLUMNS = [
  'snapshot',
  'periodStart',
  'periodEnd',
  'platform',
  'platformName',
  'metric',
  'value',
  'status',
  'unit',
] as const;

/** The `platform` of the totals row in the CSV and JSON (no platform slug can have it: slugs are letters, digits and dashes). */
export const PUBLIC_TOTAL_KEY = '*';

/** The files of a snapshot's folder; the manifest lists every other one with its SHA-256. */
export const PUBLIC_FILES = {
  page: { en: 'index.html', ko: 'index.ko.html', id: 'index.id.html' },
  json: 'data.json',
  csv: 'data.csv',
  manifest: 'manifest.json',
} as const;

/**
 * The top of the public tree: the index of every snapshot (with a page per language, named as a
 * snapshot's pages are), and the folder that always holds a copy of the latest snapshot.
 */
export const PUBLIC_INDEX_JSON = 'index.json';
export const PUBLIC_LATEST = 'latest';

/** A snapshot's folder name: its period's label and its id (`2024-H1-3`), safe in any URL and file system. */
export const snapshotFolder = (id: number, label: string): string => `${label.replace(/[^A-Za-z0-9-]+/g, '_')}-${id}`;

/** The half-year that ended last before `now` (both days inclusive): what is usually published, and what the scheduled job publishes. */
export function lastHalfYear(now: Date): Period {
  const year = now.getUTCFullYear();
  return now.getUTCMonth() < 6
    ? { start: `${year - 1}-07-01`, end: `${year - 1}-12-31` }
    : { start: `${year}-01-01`, end: `${year}-06-30` };
}

import {
  DEFAULT_LANGUAGE,
  DOMAIN_MESSAGES,
  isLanguage,
  lastHalfYear,
  LANGUAGES,
  PUBLIC_FILES,
  PUBLIC_METRIC_UNIT,
  PUBLIC_METRICS,
  type Language,
  type PublicCell,
  type PublicDataTexts,
  type PublicFigures,
  type PublicMetric,
} from '../../../domain/src';
import { formatCount, formatHours, formatPercent } from '../common/format';

/** A snapshot as the API answers it (a preview has no id, path or files). */
export interface SnapshotRecord {
  id: number | null;
  from: string;
  to: string;
  label: string;
  status: 'preview' | 'published' | 'replaced';
  path: string | null;
  sha256: string | null;
  dataSha256: string;
  asOf: string;
  publishedAt: string | null;
  platformIds: number[];
  showAgencies: boolean;
  minCell: number;
  replaces: number | null;
  replacedBy: number | null;
  files: { name: string; mediaType: string; bytes: number; sha256: string }[];
  document?: SnapshotDocument;
}

export interface SnapshotDocument {
  snapshot: { label: string; periodStart: string; periodEnd: string; asOf: string; minCell: number; dataSha256: string };
  agencies: string[] | null;
  platforms: { platform: string; name: string; figures: PublicFigures }[];
  totals: PublicFigures;
}

/** What the form holds: the first and the last day of the period (both inclusive, as people say a period). */
export interface SnapshotForm {
  firstDay: string;
  lastDay: string;
  platformIds: number[];
  showAgencies: boolean;
  replaces: number | null;
}

export interface SnapshotBody {
  from: string;
  to: string;
  platformIds?: number[];
  showAgencies: boolean;
  replaces?: number;
}

const DAY = 86_400_000;
const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/** The API's body: `to` is the day after the last day (the period is [from, to)). */
export function snapshotBody(form: SnapshotForm): SnapshotBody {
  return {
    from: form.firstDay,
    to: isoDay(new Date(new Date(`${form.lastDay}T00:00:00Z`).getTime() + DAY)),
    ...(form.platformIds.length > 0 && { platformIds: form.platformIds }),
    showAgencies: form.showAgencies,
    ...(form.replaces !== null && { replaces: form.replaces }),
  };
}

/** The form's period at first: the half-year that ended last (the domain's rule, as the scheduled job uses it). */
export function defaultPeriod(now: Date): Pick<SnapshotForm, 'firstDay' | 'lastDay'> {
  const { start, end } = lastHalfYear(now);
  return { firstDay: start, lastDay: end };
}

/** The public pages' own words (the domain's), in the console's language: the preview says what the pages will say. */
export const publicTexts = (locale: string): PublicDataTexts => DOMAIN_MESSAGES[isLanguage(locale) ? locale : DEFAULT_LANGUAGE].publicData;

/** A cell as the preview shows it: the number, or what the public page writes in its place. */
export function cellText(metric: PublicMetric, cell: PublicCell, locale: string, minCell: number, sent: PublicCell): string {
  const t = publicTexts(locale);
  if (cell.status === 'shown') {
    const unit = PUBLIC_METRIC_UNIT[metric];
    return unit === 'count'
      ? formatCount(cell.value, locale)
      : unit === 'share'
        ? formatPercent(cell.value, locale)
        : formatHours(cell.value, locale);
  }
  if (cell.status === 'none' && metric === 'kmMedianResponseHours' && (sent.value ?? 0) > 0) return t.notReached;
  return t.cells[cell.status].replace('%{min}', String(minCell));
}

/** How many cells of the platforms' rows are not shown: "fewer than" and withheld. */
export function suppressedCells(document: SnapshotDocument): { fewer: number; withheld: number } {
  const cells = document.platforms.flatMap((p) => PUBLIC_METRICS.map((m) => p.figures[m].status));
  return { fewer: cells.filter((s) => s === 'fewer_than_min').length, withheld: cells.filter((s) => s === 'withheld').length };
}

/** A published snapshot's files: a page per language, then the data. */
export function snapshotLinks(record: Pick<SnapshotRecord, 'path'>): { key: string; href: string; language?: Language }[] {
  if (!record.path) return [];
  return [
    ...LANGUAGES.map((language) => ({ key: language, href: `${record.path}${PUBLIC_FILES.page[language]}`, language })),
    { key: 'json', href: `${record.path}${PUBLIC_FILES.json}` },
    { key: 'csv', href: `${record.path}${PUBLIC_FILES.csv}` },
    { key: 'manifest', href: `${record.path}${PUBLIC_FILES.manifest}` },
  ];
}

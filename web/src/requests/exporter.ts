import type { Agency, Platform, PlatformRequest } from '../types';

/** The CSV columns of DOMAIN.md, in order (the same format the API imports). */
export const CSV_COLUMNS = [
  'agency',
  'reference',
  'platform',
  'type',
  'category',
  'channel',
  'sentAt',
  'status',
  'outcome',
  'firstResponseAt',
  'resolvedAt',
  'itemUrl',
  'itemContentHash',
  'itemState',
] as const;

type CsvRow = Record<(typeof CSV_COLUMNS)[number], string>;

/** One row per item; a request without items is one row with empty item columns. */
export function requestsToCsvRows(
  requests: readonly PlatformRequest[],
  platforms: Record<string | number, Pick<Platform, 'slug'>>,
  agencies: Record<string | number, Pick<Agency, 'name'>>,
): CsvRow[] {
  return requests.flatMap((r) => {
    const base = {
      agency: agencies[r.agencyId]?.name ?? '',
      reference: r.reference,
      platform: platforms[r.platformId]?.slug ?? '',
      type: r.type,
      category: r.category,
      channel: r.channel,
      sentAt: r.sentAt ?? '',
      status: r.status,
      outcome: r.outcome ?? '',
      firstResponseAt: r.firstResponseAt ?? '',
      resolvedAt: r.resolvedAt ?? '',
    };
    const items = r.items ?? [];
    if (items.length === 0) return [{ ...base, itemUrl: '', itemContentHash: '', itemState: '' }];
    return items.map((i) => ({ ...base, itemUrl: i.url ?? '', itemContentHash: i.contentHash ?? '', itemState: i.state }));
  });
}

const cell = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

export function toCsv(rows: readonly CsvRow[]): string {
  return [CSV_COLUMNS.join(','), ...rows.map((row) => CSV_COLUMNS.map((c) => cell(row[c])).join(','))].join('\r\n') + '\r\n';
}

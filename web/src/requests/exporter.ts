import { REQUEST_CSV_COLUMNS, type RequestCsvColumn } from '../../../domain/src';
import type { Agency, Platform, PlatformRequest } from '../types';

type CsvRow = Record<RequestCsvColumn, string>;

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
  return (
    [REQUEST_CSV_COLUMNS.join(','), ...rows.map((row) => REQUEST_CSV_COLUMNS.map((c) => cell(row[c])).join(','))].join('\r\n') + '\r\n'
  );
}

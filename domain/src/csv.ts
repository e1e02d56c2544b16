/**
 * The requests CSV (import and export alike): one row per item, request columns repeated on each of
 * its rows, a request without items one row with empty item columns. In this order.
 */
export const REQUEST_CSV_COLUMNS = [
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
export type RequestCsvColumn = (typeof REQUEST_CSV_COLUMNS)[number];

/** The columns that describe one item rather than the request. */
export const ITEM_CSV_COLUMNS = ['itemUrl', 'itemContentHash', 'itemState'] as const satisfies readonly RequestCsvColumn[];

import { DSA_TABLE3 } from './dsa';
import type { FileFormat } from './figure';
import { GOOGLE_CURRENT, GOOGLE_HISTORICAL } from './google';
import { TRACKER_CSV } from './tracker';

/** The formats a published-figures file can be in, tried in this order against its header. */
export const FORMATS: readonly FileFormat[] = [GOOGLE_CURRENT, GOOGLE_HISTORICAL, DSA_TABLE3, TRACKER_CSV];

/** The format whose headers the file's header has (compared without surrounding spaces), or null. */
export function formatOf(header: string[]): FileFormat | null {
  const have = new Set(header.map((h) => h.trim()));
  return FORMATS.find((f) => f.headers.every((h) => have.has(h))) ?? null;
}

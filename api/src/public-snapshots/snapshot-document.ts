import type { PUBLIC_LICENCE, PublicFigures, PublicMetric, PublicMetricUnit } from '../../../domain/src';

/** The name of data.json's schema (docs/public-data.md); its version is PUBLIC_SCHEMA_VERSION. */
export const SNAPSHOT_SCHEMA = 'platform-responsiveness-snapshot';
export const INDEX_SCHEMA = 'platform-responsiveness-snapshots';

/** A platform's figures in an earlier snapshot, as published there. */
export interface TrendPoint {
  snapshot: number;
  label: string;
  periodStart: string;
  periodEnd: string;
  figures: PublicFigures;
}

export interface SnapshotPlatform {
  /** The platform's slug: the key to follow it across snapshots. */
  platform: string;
  name: string;
  figures: PublicFigures;
  /** The earlier periods published (not corrected since), oldest first. */
  trend: TrendPoint[];
}

/** What data.json holds, and what the pages and the CSV are written from. Nothing in it names a request, a URL or a person. */
export interface SnapshotDocument {
  schema: typeof SNAPSHOT_SCHEMA;
  schemaVersion: number;
  licence: typeof PUBLIC_LICENCE & { line: string };
  snapshot: {
    id: number | null;
    label: string;
    /** Both inclusive, YYYY-MM-DD (UTC). */
    periodStart: string;
    periodEnd: string;
    asOf: string;
    publishedAt: string | null;
    replaces: { id: number; label: string; folder: string } | null;
    minCell: number;
    /** SHA-256 of the published figures (parameters, platforms, totals, agencies). */
    dataSha256: string;
  };
  publisher: string | null;
  /** The agencies whose requests are counted, when the publisher chose to name them; else null. */
  agencies: string[] | null;
  units: Record<PublicMetric, PublicMetricUnit>;
  platforms: SnapshotPlatform[];
  /** Over the platforms shown; a total over a suppressed cell is withheld. */
  totals: PublicFigures;
}

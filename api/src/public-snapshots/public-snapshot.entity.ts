import { Check, Column, Entity, Index, PrimaryColumn, Unique } from 'typeorm';
import type { SnapshotDocument } from './snapshot-document';

/**
 * A published snapshot of the regulator's figures for a period (migrations/1795700400000-PublicSnapshots.ts).
 * Frozen once inserted: the database refuses UPDATE and DELETE.
 */
@Entity('public_snapshots')
@Check('ck_public_snapshots_period', `"period_to" > "period_from"`)
@Check('ck_public_snapshots_min_cell', `"min_cell" >= 1`)
@Unique('uq_public_snapshots_folder', ['folder'])
@Unique('uq_public_snapshots_replaces', ['replacesId'])
@Index('ix_public_snapshots_period', ['periodFrom', 'periodTo'])
export class PublicSnapshot {
  /** 1, 2, 3…: given by the publishing transaction, in turn, without gaps (a public number). */
  @PrimaryColumn({ type: 'integer' })
  id: number;

  /** Requests sent in [periodFrom, periodTo), whole UTC days. */
  @Column({ type: 'timestamptz' }) periodFrom: Date;
  @Column({ type: 'timestamptz' }) periodTo: Date;
  /** Answers, deadlines and removals counted as they stood at this time. */
  @Column({ type: 'timestamptz' }) asOf: Date;
  /** `2024-H1`, or `start/end` for any other period (both inclusive). */
  @Column({ type: 'text' }) label: string;
  /** The snapshot's folder under DATA_DIR/public and /public/. */
  @Column({ type: 'text' }) folder: string;
  /** The platforms chosen; empty: every platform with requests in the period. */
  @Column({ type: 'jsonb', default: () => "'[]'" }) platformIds: number[];
  @Column({ type: 'boolean', default: false }) showAgencies: boolean;
  @Column({ type: 'integer' }) minCell: number;
  /** The snapshot this one corrects. */
  @Column({ type: 'integer', nullable: true }) replacesId: number | null;
  /** What data.json holds. */
  @Column({ type: 'jsonb' }) document: SnapshotDocument;
  /** SHA-256 of the published figures (the fingerprint printed on the page). */
  @Column({ type: 'text' }) dataSha256: string;
  /** SHA-256 of the figures before suppression: kept here, never published (it would let a guess of a hidden count be checked). */
  @Column({ type: 'text' }) sourceSha256: string;
  /** SHA-256 of manifest.json, which lists every other file with its own. */
  @Column({ type: 'text' }) manifestSha256: string;
  @Column({ type: 'integer', nullable: true }) publishedById: number | null;
  @Column({ type: 'timestamptz', default: () => 'now()' }) publishedAt: Date;
}

import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { CheckIn } from '../database/check';
import {
  DEFAULT_LANGUAGE,
  type Language,
  LANGUAGES,
  REPORT_KINDS,
  REPORT_STATUSES,
  type ReportKind,
  type ReportStatus,
} from '../../../domain/src';

/** A generated PDF with its parameters, the fingerprint of its data, and the CSV of its rows. */
@Entity('reports')
@CheckIn('ck_reports_kind', 'kind', REPORT_KINDS)
@CheckIn('ck_reports_status', 'status', REPORT_STATUSES)
@CheckIn('ck_reports_language', 'language', LANGUAGES)
@Index('ix_reports_status', ['status', 'id'])
export class Report {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'text', default: 'compliance' })
  kind: ReportKind;

  @Column({ type: 'text', default: 'queued' })
  status: ReportStatus;

  @Column({ type: 'text' })
  title: string;

  /** The language the PDF is written in. */
  @Column({ type: 'text', default: DEFAULT_LANGUAGE })
  language: Language;

  @Column({ type: 'timestamptz', nullable: true })
  periodFrom: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  periodTo: Date | null;

  @Column({ type: 'timestamptz' })
  asOf: Date;

  /** Empty: every platform. */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  platformIds: number[];

  @Column({ type: 'integer', nullable: true })
  agencyId: number | null;

  /** The schedule slot a scheduled report fills (e.g. "monthly:2024-01"); unique so a slot is filled once. */
  @Index('uq_reports_schedule_slot', { unique: true })
  @Column({ type: 'text', nullable: true })
  scheduleSlot: string | null;

  @Column({ type: 'text', nullable: true })
  dataSha256: string | null;

  @Column({ type: 'bytea', nullable: true, select: false })
  pdf: Buffer | null;

  /** The rows the report was built from, as gzipped CSV (a million rows is about 20 MB this way). */
  @Column({ type: 'bytea', nullable: true, select: false })
  csvGzip: Buffer | null;

  @Column({ type: 'integer', nullable: true })
  pageCount: number | null;

  @Column({ type: 'text', nullable: true })
  error: string | null;

  @Column({ type: 'integer', default: 0 })
  attempts: number;

  @Column({ type: 'integer', nullable: true })
  requestedById: number | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  startedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  finishedAt: Date | null;

  @Column({ type: 'integer', default: 1 })
  version: number;
}

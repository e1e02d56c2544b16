import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, Unique, UpdateDateColumn } from 'typeorm';
import { CheckIn } from '../database/check';
import {
  FIGURE_SOURCES,
  type FigureSource,
  METRIC_UNITS,
  type MetricUnit,
  PUBLISHED_METRICS,
  type PublishedFigureFields,
  type PublishedMetric,
  REQUESTER_TYPES,
  type RequesterType,
  SUBJECT_KINDS,
  type SubjectKind,
} from '../../../domain/src';

/** What a platform published about requests it received: one figure (migrations/1795500400000-PublishedFigures.ts). */
@Entity('published_figures')
@CheckIn('ck_published_figures_subject_kind', 'subject_kind', SUBJECT_KINDS)
@Check('ck_published_figures_period', `"period_end" >= "period_start"`)
@Check('ck_published_figures_jurisdiction', `"jurisdiction" ~ '^[A-Z]{2}$'`)
@CheckIn('ck_published_figures_requester_type', 'requester_type', REQUESTER_TYPES)
@CheckIn('ck_published_figures_metric', 'metric', PUBLISHED_METRICS)
@CheckIn('ck_published_figures_unit', 'unit', METRIC_UNITS)
@CheckIn('ck_published_figures_source', 'source', FIGURE_SOURCES)
@Check('ck_published_figures_value', `"value" >= 0 AND ("unit" <> 'percent' OR "value" <= 100)`)
// NULLS NOT DISTINCT (in the migration): a figure about every requester is one figure, not one per import.
@Unique('uq_published_figures_figure', [
  'publisher',
  'subject',
  'periodStart',
  'periodEnd',
  'jurisdiction',
  'requesterType',
  'requester',
  'category',
  'metric',
])
@Index('ix_published_figures_period', ['periodStart', 'periodEnd'])
export class PublishedFigure implements PublishedFigureFields {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'text' }) publisher: string;
  @Column({ type: 'text' }) subject: string;
  @Column({ type: 'text' }) subjectKind: SubjectKind;
  @Column({ type: 'date' }) periodStart: string;
  @Column({ type: 'date' }) periodEnd: string;
  @Column({ type: 'text', nullable: true }) jurisdiction: string | null;
  @Column({ type: 'text', nullable: true }) requesterType: RequesterType | null;
  /** The requester as the publisher named it (Google's "Court Order Directed at Google"). */
  @Column({ type: 'text', nullable: true }) requester: string | null;
  @Column({ type: 'text', nullable: true }) category: string | null;
  @Column({ type: 'text' }) metric: PublishedMetric;
  @Column({ type: 'numeric', transformer: { to: (v: number) => v, from: (v: string) => Number(v) } }) value: number;
  /** The value as published: its decimals say how it was rounded. */
  @Column({ type: 'text' }) valueText: string;
  @Column({ type: 'text' }) unit: MetricUnit;
  @Column({ type: 'text' }) source: FigureSource;
  @Column({ type: 'text', nullable: true }) sourceUrl: string | null;
  @Column({ type: 'text', nullable: true }) sourceSha256: string | null;
  @Column({ type: 'timestamptz' }) retrievedAt: Date;
  /** 1, then one more each time a publisher's corrected file changed the value. */
  @Column({ type: 'integer', default: 1 }) revision: number;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}

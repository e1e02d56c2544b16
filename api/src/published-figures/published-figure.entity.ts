import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { FigureSource, MetricUnit, PublishedMetric, RequesterType, SubjectKind } from '../../../domain/src';

/** What a platform published about requests it received: one figure (migrations/1795500400000-PublishedFigures.ts). */
@Entity('published_figures')
export class PublishedFigure {
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
  @Column({ type: 'integer' }) revision: number;
  @Column({ type: 'timestamptz' }) createdAt: Date;
  @Column({ type: 'timestamptz' }) updatedAt: Date;
}

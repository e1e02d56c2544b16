import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  OneToMany,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
} from 'typeorm';
import type { Relation } from 'typeorm';
import { Agency } from '../agencies/agency.entity';
import { Platform } from '../platforms/platform.entity';
import { RequestItem } from './request-item.entity';
import { CheckIn } from '../database/check';
import {
  REQUEST_CATEGORIES,
  REQUEST_CHANNELS,
  REQUEST_OUTCOMES,
  REQUEST_STATUSES,
  REQUEST_TYPES,
  type RequestCategory,
  type RequestChannel,
  type RequestOutcome,
  type RequestStatus,
  type RequestType,
} from '../../../domain/src';

/** One removal, blocking, investigation or preservation request sent to one platform. */
@Entity('requests')
@Unique('uq_requests_agency_reference', ['agencyId', 'reference'])
@Index('ix_requests_platform_sent_at', ['platformId', 'sentAt'])
// Expression and partial indexes written in the migrations: full-text search, and the statistics rollups'.
@Index('ix_requests_search', { synchronize: false })
@Index('ix_requests_response_hour', { synchronize: false })
@Index('ix_requests_removal_hour', { synchronize: false })
@Index('ix_requests_unanswered_sent_at', { synchronize: false })
@Index('ix_requests_unanswered_due_at', { synchronize: false })
@Index('ix_requests_undelivered', { synchronize: false })
@Index('ix_requests_first_response_at', { synchronize: false })
@Index('ix_requests_resolved_at', { synchronize: false })
@CheckIn('ck_requests_type', 'type', REQUEST_TYPES)
@CheckIn('ck_requests_category', 'category', REQUEST_CATEGORIES)
@CheckIn('ck_requests_channel', 'channel', REQUEST_CHANNELS)
@CheckIn('ck_requests_status', 'status', REQUEST_STATUSES)
@CheckIn('ck_requests_outcome', 'outcome', REQUEST_OUTCOMES, true)
@Check('ck_requests_draft_unsent', `"status" <> 'draft' OR ("sent_at" IS NULL AND "due_at" IS NULL)`)
@Check('ck_requests_sent_has_due', `"status" IN ('draft', 'withdrawn') OR ("sent_at" IS NOT NULL AND "due_at" IS NOT NULL)`)
@Check('ck_requests_due_after_sent', `"due_at" IS NULL OR "due_at" >= "sent_at"`)
@Check('ck_requests_resolution', `("status" = 'resolved') = ("outcome" IS NOT NULL AND "resolved_at" IS NOT NULL)`)
export class PlatformRequest {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer' })
  platformId: number;

  @ManyToOne(() => Platform, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'platform_id' })
  platform?: Relation<Platform>;

  @Column({ type: 'integer' })
  agencyId: number;

  @ManyToOne(() => Agency, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'agency_id' })
  agency?: Relation<Agency>;

  @Column({ type: 'text' })
  type: RequestType;

  @Column({ type: 'text' })
  category: RequestCategory;

  @Column({ type: 'text' })
  channel: RequestChannel;

  @Column({ type: 'text' })
  reference: string;

  @Column({ type: 'text', nullable: true })
  platformRef: string | null;

  @Index('ix_requests_sent_at')
  @Column({ type: 'timestamptz', nullable: true })
  sentAt: Date | null;

  /** sentAt plus the platform's SLA for this type at the time of sending; never recomputed. */
  @Column({ type: 'timestamptz', nullable: true })
  dueAt: Date | null;

  @Index('ix_requests_status')
  @Column({ type: 'text', default: 'draft' })
  status: RequestStatus;

  @Column({ type: 'text', nullable: true })
  outcome: RequestOutcome | null;

  @Column({ type: 'timestamptz', nullable: true })
  firstResponseAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  resolvedAt: Date | null;

  @Column({ type: 'text', nullable: true })
  notes: string | null;

  /** Item counts, kept by a trigger on request_items for the statistics rollups; never written by the app. */
  @Column({ type: 'integer', default: 0, select: false, insert: false, update: false })
  itemsTotal: number;

  @Column({ type: 'integer', default: 0, select: false, insert: false, update: false })
  itemsRemoved: number;

  @Column({ type: 'integer', default: 0, select: false, insert: false, update: false })
  itemsStillOnline: number;

  /** When the deadline sweep first found the request unanswered past dueAt; null otherwise. */
  @Column({ type: 'timestamptz', nullable: true })
  overdueSince: Date | null;

  /** The latest bounce of the request's mail and its reason; cleared when a new dispatch is accepted. */
  @Column({ type: 'timestamptz', nullable: true })
  deliveryFailedAt: Date | null;

  @Column({ type: 'text', nullable: true })
  deliveryFailure: string | null;

  @Column({ type: 'integer', nullable: true })
  createdById: number | null;

  @OneToMany(() => RequestItem, (item) => item.request, { cascade: ['insert'] })
  items?: RequestItem[];

  /** Optimistic lock: bumped by every write (see AuditedStore). */
  @Column({ type: 'integer', default: 1 })
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

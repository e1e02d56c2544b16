import { CheckIn } from '../database/check';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, OneToMany, PrimaryGeneratedColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { PlatformRequest } from './request.entity';
import { RequestItemChange } from './request-item-change.entity';
import { EVENT_KINDS, type EventKind, REQUEST_OUTCOMES, type RequestOutcome } from '../../../domain/src';

/** The request's timeline, append-only: every change of status comes from one of these. */
@Entity('request_events')
@CheckIn('ck_request_events_kind', 'kind', EVENT_KINDS)
@CheckIn('ck_request_events_outcome', 'outcome', REQUEST_OUTCOMES, true)
@Check('ck_request_events_outcome_given', `"kind" NOT IN ('outcome', 'refused') OR "outcome" IS NOT NULL`)
@Index('ix_request_events_request_occurred', ['requestId', 'occurredAt'])
// Partial (robots' receipts only), made by the PublishedFigures migration.
@Index('ix_request_events_receipt', { synchronize: false })
export class RequestEvent {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer' })
  requestId: number;

  @ManyToOne(() => PlatformRequest, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'request_id' })
  request?: Relation<PlatformRequest>;

  @Column({ type: 'text' })
  kind: EventKind;

  @Column({ type: 'timestamptz' })
  occurredAt: Date;

  @Column({ type: 'integer', nullable: true })
  authorId: number | null;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Column({ type: 'text', nullable: true })
  outcome: RequestOutcome | null;

  /** The stored e-mail this event was recorded from (a reply, a bounce, a dispatch), if any. */
  @Column({ type: 'integer', nullable: true })
  messageId: number | null;

  // By name: the message belongs to the correspondence folder, which builds on this one.
  @ManyToOne('Message', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'message_id' })
  message?: unknown;

  @OneToMany(() => RequestItemChange, (change) => change.event, { cascade: ['insert'] })
  itemChanges?: RequestItemChange[];

  @CreateDateColumn({ type: 'timestamptz' })
  recordedAt: Date;
}

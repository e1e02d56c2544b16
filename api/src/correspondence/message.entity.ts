import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import type { Relation } from 'typeorm';
import { CheckIn } from '../database/check';
import type { AttachmentInfo } from './parsing';
import { PlatformRequest } from '../requests/request.entity';
import {
  DKIM_RESULTS,
  type DkimResult,
  type Language,
  LANGUAGES,
  MESSAGE_CLASSIFICATIONS,
  MESSAGE_DIRECTIONS,
  MESSAGE_STATUSES,
  type MessageClassification,
  type MessageDirection,
  type MessageStatus,
} from '../../../domain/src';

/** A mail in or out, kept byte for byte: the raw bytes are the evidence, the other columns are read from them. */
@Entity('messages')
@CheckIn('ck_messages_direction', 'direction', MESSAGE_DIRECTIONS)
@CheckIn('ck_messages_classification', 'classification', MESSAGE_CLASSIFICATIONS)
@CheckIn('ck_messages_status', 'status', MESSAGE_STATUSES)
@CheckIn('ck_messages_dkim', 'dkim', DKIM_RESULTS)
@CheckIn('ck_messages_language', 'language', LANGUAGES, true)
@Unique('uq_messages_mailbox_uid', ['mailbox', 'uidValidity', 'uid'])
@Index('ix_messages_request', ['requestId', 'id'])
@Index('ix_messages_status', ['status', 'id'])
export class Message {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'text' })
  direction: MessageDirection;

  @Column({ type: 'integer', nullable: true })
  requestId: number | null;

  @ManyToOne(() => PlatformRequest, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'request_id' })
  request?: Relation<PlatformRequest>;

  /** The `Message-ID` header, with its angle brackets. */
  @Index('ix_messages_message_id')
  @Column({ type: 'text', nullable: true })
  messageId: string | null;

  @Column({ type: 'text', nullable: true })
  inReplyTo: string | null;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  references: string[];

  @Column({ type: 'text', nullable: true })
  fromAddress: string | null;

  @Column({ type: 'text', nullable: true })
  toAddress: string | null;

  @Column({ type: 'text', nullable: true })
  subject: string | null;

  /** The sender's `Date:` header: shown as claimed, never used as the time of an event. */
  @Column({ type: 'timestamptz', nullable: true })
  claimedDate: Date | null;

  /** In: the mailbox's receipt time (IMAP INTERNALDATE). Out: the SMTP server's acceptance; null while only prepared. */
  @Column({ type: 'timestamptz', nullable: true })
  receivedAt: Date | null;

  @Column({ type: 'text' })
  sha256: string;

  @Column({ type: 'integer' })
  size: number;

  @Column({ type: 'bytea', select: false })
  raw: Buffer;

  /** Larger than MAIL_MAX_BYTES: only the headers were kept (`note` says how large it was). */
  @Column({ type: 'boolean', default: false })
  truncated: boolean;

  @Column({ type: 'text', default: 'none' })
  dkim: DkimResult;

  @Column({ type: 'text', nullable: true })
  dkimDomain: string | null;

  @Column({ type: 'text' })
  classification: MessageClassification;

  @Column({ type: 'text' })
  status: MessageStatus;

  /** Out: the language the tracker wrote it in; its reminders are written in the same. */
  @Column({ type: 'text', nullable: true })
  language: Language | null;

  /** The body as plain text (HTML reduced to text), never HTML. */
  @Column({ type: 'text', nullable: true })
  bodyText: string | null;

  /** The attachments as listed at receipt; their bytes are only in `raw`. */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  attachments: AttachmentInfo[];

  /** What the product noticed: truncated, unparsable, too many parts. */
  @Column({ type: 'text', nullable: true })
  note: string | null;

  /** A bounce's reason, from its delivery-status report. */
  @Column({ type: 'text', nullable: true })
  bounceReason: string | null;

  /** Where an inbound message was read: the mailbox, its UIDVALIDITY and the message's UID. */
  @Column({ type: 'text', nullable: true })
  mailbox: string | null;

  @Column({ type: 'bigint', nullable: true })
  uidValidity: string | null;

  @Column({ type: 'bigint', nullable: true })
  uid: string | null;

  /** Inbound only: the Message-ID, or the SHA-256 when there is none; the same mail delivered twice is kept once. */
  @Column({ type: 'text', nullable: true, unique: true })
  dedupeKey: string | null;

  @Column({ type: 'integer', nullable: true })
  createdById: number | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One write: who did what to which record, with the record before and after. Append-only: the
 * database refuses UPDATE, DELETE and TRUNCATE, and chains each entry to the one before it by hash
 * (migrations/1795400000000-AuditChain.ts); the chain columns are its to set, never the app's.
 */
@Entity('audit_log')
export class AuditEntry {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  at: Date;

  @Column({ type: 'integer', nullable: true })
  userId: number | null;

  @Column({ type: 'text' })
  action: string;

  @Column({ type: 'text' })
  entity: string;

  @Column({ type: 'text', nullable: true })
  entityId: string | null;

  @Column({ type: 'jsonb', nullable: true })
  before: object | null;

  @Column({ type: 'jsonb', nullable: true })
  after: object | null;

  /** Position in the chain (1, 2, 3…), in commit order; set as the entry's transaction commits. */
  @Index('uq_audit_log_seq', { unique: true })
  @Column({ type: 'bigint', nullable: true, insert: false, update: false })
  seq: string | null;

  /** The previous entry's hash (null for the first entry). */
  @Column({ type: 'text', nullable: true, insert: false, update: false })
  prevHash: string | null;

  /** Hex SHA-256 of prevHash and the entry's canonical text (audit_log_hash in the database). */
  @Column({ type: 'text', nullable: true, insert: false, update: false })
  hash: string | null;
}

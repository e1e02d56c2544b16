import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A POST made with an Idempotency-Key header: while it runs (status null) and, once answered, the
 * answer, so that a retry of the same request gets the same answer instead of a second record.
 */
@Entity('idempotency_keys')
@Index('ix_idempotency_keys_created', ['createdAt'])
export class IdempotencyKey {
  @PrimaryColumn({ type: 'integer' })
  userId: number;

  @PrimaryColumn({ type: 'text' })
  key: string;

  /** SHA-256 of method, path and body: the same key with another request is refused. */
  @Column({ type: 'text' })
  fingerprint: string;

  @Column({ type: 'integer', nullable: true })
  status: number | null;

  @Column({ type: 'jsonb', nullable: true })
  body: unknown;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

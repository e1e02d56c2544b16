import { CheckIn } from '../database/check';
import { Check, Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { type Role, ROLES } from '../../../domain/src';

@Entity('users')
@CheckIn('ck_users_role', 'role', ROLES)
@Check('ck_users_email_lower', `"email" = lower("email")`)
export class User {
  @PrimaryGeneratedColumn()
  id: number;

  /** Stored lower-cased; unique. */
  @Column({ type: 'text', unique: true })
  email: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  role: Role;

  @Column({ type: 'text', select: false })
  passwordHash: string;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  /** Failed sign-ins in a row; reset by a successful one. */
  @Column({ type: 'integer', default: 0 })
  failedLogins: number;

  /** Set after LOCKOUT_THRESHOLD failed sign-ins in a row: no sign-in until then. */
  @Column({ type: 'timestamptz', nullable: true })
  lockedUntil: Date | null;

  /** Optimistic lock: bumped by every write (see AuditedStore). */
  @Column({ type: 'integer', default: 1 })
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

import { CheckIn } from '../database/check';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { AGENCY_KINDS, type AgencyKind } from '../../../domain/src';

/** The requesting authority: a regulator, a police unit or a victim-support organisation. */
@Entity('agencies')
@CheckIn('ck_agencies_kind', 'kind', AGENCY_KINDS)
export class Agency {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'text', unique: true })
  name: string;

  @Column({ type: 'text', default: 'other' })
  kind: AgencyKind;

  @Column({ type: 'text', nullable: true })
  country: string | null;

  @Column({ type: 'text', nullable: true })
  contactEmail: string | null;

  /** Optimistic lock: bumped by every write (see AuditedStore). */
  @Column({ type: 'integer', default: 1 })
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

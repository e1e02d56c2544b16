import { CheckIn } from '../database/check';
import { Check, Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { AGENCY_KINDS, type AgencyKind, REQUESTER_TYPES, type RequesterType } from '../../../domain/src';

/** The requesting authority: a regulator, a police unit or a victim-support organisation. */
@Entity('agencies')
@CheckIn('ck_agencies_kind', 'kind', AGENCY_KINDS)
@CheckIn('ck_agencies_requester_type', 'requester_type', REQUESTER_TYPES)
// The pattern only; the API checks the code is an assigned one (the domain's isJurisdiction).
@Check('ck_agencies_jurisdiction', `"jurisdiction" ~ '^[A-Z]{2}$'`)
export class Agency {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'text', unique: true })
  name: string;

  @Column({ type: 'text', default: 'other' })
  kind: AgencyKind;

  @Column({ type: 'text', nullable: true })
  country: string | null;

  /** ISO 3166-1 alpha-2, e.g. `KR`; `country` is the older free text, kept as it was. */
  @Column({ type: 'text', nullable: true })
  jurisdiction: string | null;

  @Column({ type: 'text', default: 'other' })
  requesterType: RequesterType;

  @Column({ type: 'text', nullable: true })
  contactEmail: string | null;

  /** The law the agency's requests rest on, quoted in the e-mails it sends. */
  @Column({ type: 'text', nullable: true })
  legalBasis: string | null;

  /** Optimistic lock: bumped by every write (see AuditedStore). */
  @Column({ type: 'integer', default: 1 })
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

import { Check, Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { DEFAULT_SLA_HOURS, type RequestType } from '../../../domain/src';

/** Where requests of each type are e-mailed; a type without an address cannot be dispatched by mail. */
export type MailAddresses = Partial<Record<RequestType, string>>;

export interface ContactChannel {
  kind: string;
  value: string;
}

@Entity('platforms')
@Check('ck_platforms_slug', `"slug" ~ '^[a-z0-9][a-z0-9-]*$'`)
@Check('ck_platforms_renotice', `"renotice_hours" IS NULL OR ("renotice_hours" > 0 AND "renotice_max" > 0)`)
@Check(
  'ck_platforms_sla_positive',
  `"sla_removal_hours" > 0 AND "sla_blocking_hours" > 0 AND "sla_investigation_hours" > 0 AND "sla_preservation_hours" > 0`,
)
export class Platform {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text', unique: true })
  slug: string;

  @Column({ type: 'text', nullable: true })
  parentCompany: string | null;

  /** Whether the platform has a legal representative or an office in the jurisdiction. */
  @Column({ type: 'boolean', default: false })
  hasLocalRepresentative: boolean;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  contactChannels: ContactChannel[];

  @Column({ type: 'integer', default: DEFAULT_SLA_HOURS })
  slaRemovalHours: number;

  @Column({ type: 'integer', default: DEFAULT_SLA_HOURS })
  slaBlockingHours: number;

  @Column({ type: 'integer', default: DEFAULT_SLA_HOURS })
  slaInvestigationHours: number;

  @Column({ type: 'integer', default: DEFAULT_SLA_HOURS })
  slaPreservationHours: number;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  mailTo: MailAddresses;

  /** Re-notice: an unanswered mailed request is sent again every this many hours (null: never)... */
  @Column({ type: 'integer', nullable: true })
  renoticeHours: number | null;

  /** ...up to this many times. */
  @Column({ type: 'integer', default: 0 })
  renoticeMax: number;

  @Column({ type: 'text', nullable: true })
  notes: string | null;

  /** Optimistic lock: bumped by every write (see AuditedStore). */
  @Column({ type: 'integer', default: 1 })
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

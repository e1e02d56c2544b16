import { Check, Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { DEFAULT_SLA_HOURS } from '../../../domain/src';

export interface ContactChannel {
  kind: string;
  value: string;
}

@Entity('platforms')
@Check('ck_platforms_slug', `"slug" ~ '^[a-z0-9][a-z0-9-]*$'`)
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

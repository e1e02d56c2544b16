import { CheckIn } from '../database/check';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  JoinTable,
  ManyToMany,
  ManyToOne,
  OneToMany,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { Relation } from 'typeorm';
import { Platform } from '../platforms/platform.entity';
import { PlatformRequest } from '../requests/request.entity';
import { ActionItem } from './action-item.entity';
import { CONSULTATION_FORMATS, type ConsultationFormat } from '../../../domain/src';

/** A meeting, call or letter exchanged with a platform's trust & safety or law-enforcement team. */
@Entity('consultations')
@CheckIn('ck_consultations_format', 'format', CONSULTATION_FORMATS)
@Index('ix_consultations_platform_held_at', ['platformId', 'heldAt'])
export class Consultation {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer' })
  platformId: number;

  @ManyToOne(() => Platform, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'platform_id' })
  platform?: Relation<Platform>;

  @Column({ type: 'timestamptz' })
  heldAt: Date;

  @Column({ type: 'text' })
  format: ConsultationFormat;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  attendees: string[];

  @Column({ type: 'text', nullable: true })
  agenda: string | null;

  @Column({ type: 'text', nullable: true })
  minutes: string | null;

  @ManyToMany(() => PlatformRequest)
  @JoinTable({
    name: 'consultation_requests',
    joinColumn: { name: 'consultation_id', referencedColumnName: 'id' },
    inverseJoinColumn: { name: 'request_id', referencedColumnName: 'id' },
  })
  requests?: PlatformRequest[];

  @OneToMany(() => ActionItem, (item) => item.consultation, { cascade: ['insert'] })
  actionItems?: ActionItem[];

  /** Optimistic lock: bumped by every write (see AuditedStore). */
  @Column({ type: 'integer', default: 1 })
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

import { CheckIn } from '../database/check';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { Consultation } from './consultation.entity';
import { ACTION_OWNER_SIDES, ACTION_STATES, type ActionOwnerSide, type ActionState } from '../../../domain/src';

/** A commitment made in a consultation, by the platform or by the regulator. */
@Entity('consultation_action_items')
@CheckIn('ck_action_items_owner_side', 'owner_side', ACTION_OWNER_SIDES)
@CheckIn('ck_action_items_state', 'state', ACTION_STATES)
export class ActionItem {
  @PrimaryGeneratedColumn()
  id: number;

  @Index('ix_consultation_action_items_consultation_id')
  @Column({ type: 'integer' })
  consultationId: number;

  @ManyToOne(() => Consultation, (c) => c.actionItems, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'consultation_id' })
  consultation?: Relation<Consultation>;

  @Column({ type: 'text' })
  ownerSide: ActionOwnerSide;

  @Column({ type: 'text' })
  text: string;

  @Column({ type: 'date', nullable: true })
  dueDate: string | null;

  @Column({ type: 'text', default: 'open' })
  state: ActionState;
}

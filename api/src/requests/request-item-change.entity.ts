import { CheckIn } from '../database/check';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { RequestEvent } from './request-event.entity';
import { RequestItem } from './request-item.entity';
import { ITEM_STATES, type ItemState } from '../../../domain/src';

/**
 * An item state set by an event. Kept per event (not only on the item) so that an item's state
 * as of any past moment can be reconstructed and a report for a past date never changes.
 */
@Entity('request_item_changes')
@CheckIn('ck_request_item_changes_state', 'state', ITEM_STATES)
@Index('ix_request_item_changes_item_occurred', ['itemId', 'occurredAt'])
export class RequestItemChange {
  @PrimaryGeneratedColumn()
  id: number;

  @Index('ix_request_item_changes_event_id')
  @Column({ type: 'integer' })
  eventId: number;

  @ManyToOne(() => RequestEvent, (event) => event.itemChanges, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'event_id' })
  event?: Relation<RequestEvent>;

  @Column({ type: 'integer' })
  itemId: number;

  @ManyToOne(() => RequestItem, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'item_id' })
  item?: Relation<RequestItem>;

  @Column({ type: 'text' })
  state: ItemState;

  /** The event's occurredAt, copied so that as-of queries need no join. */
  @Column({ type: 'timestamptz' })
  occurredAt: Date;
}

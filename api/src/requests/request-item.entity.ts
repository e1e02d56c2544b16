import { CheckIn } from '../database/check';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { PlatformRequest } from './request.entity';
import { ITEM_STATES, type ItemState } from '../../../domain/src';

/** One piece of content named in a request, by URL. The media itself is never stored. */
@Entity('request_items')
@Index('ix_request_items_checked_at', { synchronize: false })
@Index('ix_request_items_piece', { synchronize: false })
// Partial (geo-blocked items only), made by the PublishedFigures migration.
@Index('ix_request_items_geo_blocked', { synchronize: false })
@CheckIn('ck_request_items_state', 'state', ITEM_STATES)
@Check('ck_request_items_url', `"url" ~* '^https?://'`)
export class RequestItem {
  @PrimaryGeneratedColumn()
  id: number;

  @Index('ix_request_items_request_id')
  @Column({ type: 'integer' })
  requestId: number;

  @ManyToOne(() => PlatformRequest, (request) => request.items, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'request_id' })
  request?: Relation<PlatformRequest>;

  @Column({ type: 'text' })
  url: string;

  /** SHA-256 or perceptual hash supplied by the user: the same content posted in several places. */
  @Index('ix_request_items_content_hash')
  @Column({ type: 'text', nullable: true })
  contentHash: string | null;

  @Column({ type: 'text', default: 'pending' })
  state: ItemState;

  @Column({ type: 'timestamptz', nullable: true })
  checkedAt: Date | null;
}

import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** How far the poller has read a mailbox: messages above `lastUid` under this UIDVALIDITY are new. */
@Entity('mailbox_cursors')
export class MailboxCursor {
  @PrimaryColumn({ type: 'text' })
  mailbox: string;

  @Column({ type: 'bigint' })
  uidValidity: string;

  @Column({ type: 'bigint' })
  lastUid: string;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

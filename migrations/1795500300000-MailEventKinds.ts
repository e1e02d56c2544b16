import { MigrationInterface, QueryRunner } from 'typeorm';
import { sqlValues } from '../domain/src';

// The event kinds as they stood before mail (kept here, not taken from the domain, so `down` stays true to history).
const BEFORE = [
  'acknowledged',
  'info_requested',
  'outcome',
  'refused',
  'sent',
  'reminder_sent',
  'escalated',
  'note',
  'item_checked',
  'withdrawn',
];
const MAIL = ['message_received', 'receipt_confirmed', 'delivery_failed'];

/** The timeline learns what mail brings: a person's reply, a robot's receipt, a bounce. */
export class MailEventKinds1795500300000 implements MigrationInterface {
  name = 'MailEventKinds1795500300000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "request_events" DROP CONSTRAINT "ck_request_events_kind"`);
    await q.query(
      `ALTER TABLE "request_events" ADD CONSTRAINT "ck_request_events_kind" CHECK ("kind" IN (${sqlValues([...BEFORE, ...MAIL])}))`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM "request_events" WHERE "kind" IN (${sqlValues(MAIL)})`);
    await q.query(`ALTER TABLE "request_events" DROP CONSTRAINT "ck_request_events_kind"`);
    await q.query(`ALTER TABLE "request_events" ADD CONSTRAINT "ck_request_events_kind" CHECK ("kind" IN (${sqlValues(BEFORE)}))`);
  }
}

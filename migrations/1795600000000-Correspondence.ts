import { MigrationInterface, QueryRunner } from 'typeorm';
import { DKIM_RESULTS, MESSAGE_CLASSIFICATIONS, MESSAGE_DIRECTIONS, MESSAGE_STATUSES, sqlValues } from '../domain/src';

/**
 * Correspondence: every mail in or out kept byte for byte (`messages`), how far the poller has read the
 * mailbox (`mailbox_cursors`), the platforms' addresses per request type and re-notice settings, the
 * agency's legal basis quoted in its mail, a request's "not delivered" state, and the message an event
 * was recorded from.
 */
export class Correspondence1795600000000 implements MigrationInterface {
  name = 'Correspondence1795600000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "mailbox_cursors" ("mailbox" text NOT NULL, "uid_validity" bigint NOT NULL, "last_uid" bigint NOT NULL,
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_8f9f92a52d97babd05d1599c264" PRIMARY KEY ("mailbox"))`,
    );
    await q.query(
      `CREATE TABLE "messages" ("id" SERIAL NOT NULL, "direction" text NOT NULL, "request_id" integer, "message_id" text, "in_reply_to" text,
        "references" text array NOT NULL DEFAULT '{}', "from_address" text, "to_address" text, "subject" text,
        "claimed_date" TIMESTAMP WITH TIME ZONE, "received_at" TIMESTAMP WITH TIME ZONE, "sha256" text NOT NULL, "size" integer NOT NULL,
        "raw" bytea NOT NULL, "truncated" boolean NOT NULL DEFAULT false, "dkim" text NOT NULL DEFAULT 'none', "dkim_domain" text,
        "classification" text NOT NULL, "status" text NOT NULL, "body_text" text, "note" text, "bounce_reason" text, "mailbox" text,
        "uid_validity" bigint, "uid" bigint, "dedupe_key" text, "created_by_id" integer,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "UQ_9e07c2866e9ed6d1086882bf664" UNIQUE ("dedupe_key"),
        CONSTRAINT "uq_messages_mailbox_uid" UNIQUE ("mailbox", "uid_validity", "uid"),
        CONSTRAINT "ck_messages_dkim" CHECK ("dkim" IN (${sqlValues(DKIM_RESULTS)})),
        CONSTRAINT "ck_messages_status" CHECK ("status" IN (${sqlValues(MESSAGE_STATUSES)})),
        CONSTRAINT "ck_messages_classification" CHECK ("classification" IN (${sqlValues(MESSAGE_CLASSIFICATIONS)})),
        CONSTRAINT "ck_messages_direction" CHECK ("direction" IN (${sqlValues(MESSAGE_DIRECTIONS)})),
        CONSTRAINT "PK_18325f38ae6de43878487eff986" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "ix_messages_message_id" ON "messages" ("message_id")`);
    await q.query(`CREATE INDEX "ix_messages_status" ON "messages" ("status", "id")`);
    await q.query(`CREATE INDEX "ix_messages_request" ON "messages" ("request_id", "id")`);
    await q.query(`ALTER TABLE "agencies" ADD "legal_basis" text`);
    await q.query(`ALTER TABLE "platforms" ADD "mail_to" jsonb NOT NULL DEFAULT '{}'`);
    await q.query(`ALTER TABLE "platforms" ADD "renotice_hours" integer`);
    await q.query(`ALTER TABLE "platforms" ADD "renotice_max" integer NOT NULL DEFAULT '0'`);
    await q.query(`ALTER TABLE "requests" ADD "delivery_failed_at" TIMESTAMP WITH TIME ZONE`);
    await q.query(`ALTER TABLE "requests" ADD "delivery_failure" text`);
    await q.query(`ALTER TABLE "request_events" ADD "message_id" integer`);
    await q.query(
      `ALTER TABLE "platforms" ADD CONSTRAINT "ck_platforms_renotice" CHECK ("renotice_hours" IS NULL OR ("renotice_hours" > 0 AND "renotice_max" > 0))`,
    );
    await q.query(
      `ALTER TABLE "messages" ADD CONSTRAINT "FK_4974811f87523f7c84e557c4d0c" FOREIGN KEY ("request_id") REFERENCES "requests"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "request_events" ADD CONSTRAINT "FK_7f20ffb79fc2dc846f07bbf0785" FOREIGN KEY ("message_id") REFERENCES "messages"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "request_events" DROP CONSTRAINT "FK_7f20ffb79fc2dc846f07bbf0785"`);
    await q.query(`ALTER TABLE "messages" DROP CONSTRAINT "FK_4974811f87523f7c84e557c4d0c"`);
    await q.query(`ALTER TABLE "platforms" DROP CONSTRAINT "ck_platforms_renotice"`);
    await q.query(`ALTER TABLE "request_events" DROP COLUMN "message_id"`);
    await q.query(`ALTER TABLE "requests" DROP COLUMN "delivery_failure"`);
    await q.query(`ALTER TABLE "requests" DROP COLUMN "delivery_failed_at"`);
    await q.query(`ALTER TABLE "platforms" DROP COLUMN "renotice_max"`);
    await q.query(`ALTER TABLE "platforms" DROP COLUMN "renotice_hours"`);
    await q.query(`ALTER TABLE "platforms" DROP COLUMN "mail_to"`);
    await q.query(`ALTER TABLE "agencies" DROP COLUMN "legal_basis"`);
    await q.query(`DROP TABLE "messages"`);
    await q.query(`DROP TABLE "mailbox_cursors"`);
  }
}

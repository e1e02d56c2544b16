import { MigrationInterface, QueryRunner } from 'typeorm';
import { LANGUAGES, sqlValues } from '../domain/src';

/** The language the tracker wrote an outgoing e-mail in, so that its reminders are written in the same. */
export class MessageLanguage1795600200000 implements MigrationInterface {
  name = 'MessageLanguage1795600200000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "messages" ADD "language" text`);
    await q.query(
      `ALTER TABLE "messages" ADD CONSTRAINT "ck_messages_language" CHECK ("language" IS NULL OR "language" IN (${sqlValues(LANGUAGES)}))`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "messages" DROP CONSTRAINT "ck_messages_language"`);
    await q.query(`ALTER TABLE "messages" DROP COLUMN "language"`);
  }
}

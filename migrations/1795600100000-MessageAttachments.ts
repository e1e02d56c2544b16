import { MigrationInterface, QueryRunner } from 'typeorm';

/** A message's attachments as listed at receipt (safe name, declared type, size, SHA-256); their bytes stay in the raw message. */
export class MessageAttachments1795600100000 implements MigrationInterface {
  name = 'MessageAttachments1795600100000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "messages" ADD "attachments" jsonb NOT NULL DEFAULT '[]'`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "messages" DROP COLUMN "attachments"`);
  }
}

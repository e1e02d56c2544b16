import { MigrationInterface, QueryRunner } from 'typeorm';
import { DEFAULT_LANGUAGE, LANGUAGES, sqlValues } from '../domain/src';

/** The language a report is written in; the reports made before it were all English. */
export class ReportLanguage1795500000000 implements MigrationInterface {
  name = 'ReportLanguage1795500000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "reports" ADD "language" text NOT NULL DEFAULT '${DEFAULT_LANGUAGE}'`);
    await q.query(`ALTER TABLE "reports" ADD CONSTRAINT "ck_reports_language" CHECK ("language" IN (${sqlValues(LANGUAGES)}))`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "reports" DROP CONSTRAINT "ck_reports_language"`);
    await q.query(`ALTER TABLE "reports" DROP COLUMN "language"`);
  }
}

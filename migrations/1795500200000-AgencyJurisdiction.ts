import { MigrationInterface, QueryRunner } from 'typeorm';
import { JURISDICTIONS, REQUESTER_TYPES, sqlValues } from '../domain/src';

/**
 * An agency's jurisdiction (ISO 3166-1 alpha-2) and requester type, the terms platforms publish their
 * transparency figures in. The free-text `country` stays; it seeds the jurisdiction where it already is a code.
 */
export class AgencyJurisdiction1795500200000 implements MigrationInterface {
  name = 'AgencyJurisdiction1795500200000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "agencies" ADD "jurisdiction" text`);
    await q.query(`ALTER TABLE "agencies" ADD "requester_type" text NOT NULL DEFAULT 'other'`);
    // The pattern only: the list of assigned codes is the domain's, checked by the API.
    await q.query(`ALTER TABLE "agencies" ADD CONSTRAINT "ck_agencies_jurisdiction" CHECK ("jurisdiction" ~ '^[A-Z]{2}$')`);
    await q.query(
      `ALTER TABLE "agencies" ADD CONSTRAINT "ck_agencies_requester_type" CHECK ("requester_type" IN (${sqlValues(REQUESTER_TYPES)}))`,
    );
    await q.query(
      `UPDATE "agencies" SET "jurisdiction" = upper(btrim("country")) WHERE upper(btrim("country")) IN (${sqlValues([...JURISDICTIONS])})`,
    );
    await q.query(`UPDATE "agencies" SET "requester_type" = 'police' WHERE "kind" = 'police'`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "agencies" DROP CONSTRAINT "ck_agencies_requester_type"`);
    await q.query(`ALTER TABLE "agencies" DROP CONSTRAINT "ck_agencies_jurisdiction"`);
    await q.query(`ALTER TABLE "agencies" DROP COLUMN "requester_type"`);
    await q.query(`ALTER TABLE "agencies" DROP COLUMN "jurisdiction"`);
  }
}

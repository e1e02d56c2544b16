import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Public snapshots: the regulator's figures per platform for a period, published as static files.
 * A snapshot and its files are frozen: the database refuses to change or remove them (a correction is
 * a new snapshot that names the one it replaces, at most one correction each). The files' bytes are
 * kept here, so that any instance can write them out again exactly as they were published. Ids are
 * given in turn by the publishing transaction (under an advisory lock), so that they have no gaps.
 */
export class PublicSnapshots1795700400000 implements MigrationInterface {
  name = 'PublicSnapshots1795700400000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "public_snapshots" (
      "id" integer PRIMARY KEY,
      "period_from" timestamptz NOT NULL,
      "period_to" timestamptz NOT NULL,
      "as_of" timestamptz NOT NULL,
      "label" text NOT NULL,
      "folder" text NOT NULL,
      "platform_ids" jsonb NOT NULL DEFAULT '[]',
      "show_agencies" boolean NOT NULL DEFAULT false,
      "min_cell" integer NOT NULL,
      "replaces_id" integer,
      "document" jsonb NOT NULL,
      "data_sha256" text NOT NULL,
      "source_sha256" text NOT NULL,
      "manifest_sha256" text NOT NULL,
      "published_by_id" integer,
      "published_at" timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT "ck_public_snapshots_period" CHECK ("period_to" > "period_from"),
      CONSTRAINT "ck_public_snapshots_min_cell" CHECK ("min_cell" >= 1),
      CONSTRAINT "uq_public_snapshots_folder" UNIQUE ("folder"),
      CONSTRAINT "uq_public_snapshots_replaces" UNIQUE ("replaces_id")
    )`);
    await q.query(`CREATE INDEX "ix_public_snapshots_period" ON "public_snapshots" ("period_from", "period_to")`);
    await q.query(`CREATE TABLE "public_snapshot_files" (
      "snapshot_id" integer NOT NULL,
      "name" text NOT NULL,
      "media_type" text NOT NULL,
      "sha256" text NOT NULL,
      "content" bytea NOT NULL,
      CONSTRAINT "PK_public_snapshot_files" PRIMARY KEY ("snapshot_id", "name")
    )`);
    await q.query(`CREATE FUNCTION public_snapshots_frozen() RETURNS trigger LANGUAGE plpgsql AS $fn$
      BEGIN
        RAISE EXCEPTION '% is frozen once published: % is not allowed', TG_TABLE_NAME, TG_OP
          USING ERRCODE = 'insufficient_privilege', HINT = 'Publish a correction: a new snapshot that names the one it replaces.';
      END $fn$`);
    for (const table of ['public_snapshots', 'public_snapshot_files']) {
      await q.query(
        `CREATE TRIGGER ${table}_frozen BEFORE UPDATE OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION public_snapshots_frozen()`,
      );
      await q.query(
        `CREATE TRIGGER ${table}_no_truncate BEFORE TRUNCATE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION public_snapshots_frozen()`,
      );
    }
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "public_snapshot_files"`);
    await q.query(`DROP TABLE "public_snapshots"`);
    await q.query(`DROP FUNCTION public_snapshots_frozen()`);
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';
import { FIGURE_SOURCES, METRIC_UNITS, PUBLISHED_METRICS, REQUESTER_TYPES, SUBJECT_KINDS, sqlValues } from '../domain/src';

/**
 * What platforms publish about the requests they received, one figure per row (a long table), and
 * every earlier value of a figure that a publisher's corrected file revised.
 */
export class PublishedFigures1795500400000 implements MigrationInterface {
  name = 'PublishedFigures1795500400000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "published_figures" (
      "id" SERIAL PRIMARY KEY,
      "publisher" text NOT NULL,
      "subject" text NOT NULL,
      "subject_kind" text NOT NULL,
      "period_start" date NOT NULL,
      "period_end" date NOT NULL,
      "jurisdiction" text,
      "requester_type" text,
      "requester" text,
      "category" text,
      "metric" text NOT NULL,
      "value" numeric NOT NULL,
      "value_text" text NOT NULL,
      "unit" text NOT NULL,
      "source" text NOT NULL,
      "source_url" text,
      "source_sha256" text,
      "retrieved_at" timestamptz NOT NULL,
      "revision" integer NOT NULL DEFAULT 1,
      "created_at" timestamptz NOT NULL DEFAULT now(),
      "updated_at" timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT "ck_published_figures_subject_kind" CHECK ("subject_kind" IN (${sqlValues(SUBJECT_KINDS)})),
      CONSTRAINT "ck_published_figures_period" CHECK ("period_end" >= "period_start"),
      CONSTRAINT "ck_published_figures_jurisdiction" CHECK ("jurisdiction" ~ '^[A-Z]{2}$'),
      CONSTRAINT "ck_published_figures_requester_type" CHECK ("requester_type" IN (${sqlValues(REQUESTER_TYPES)})),
      CONSTRAINT "ck_published_figures_metric" CHECK ("metric" IN (${sqlValues(PUBLISHED_METRICS)})),
      CONSTRAINT "ck_published_figures_unit" CHECK ("unit" IN (${sqlValues(METRIC_UNITS)})),
      CONSTRAINT "ck_published_figures_source" CHECK ("source" IN (${sqlValues(FIGURE_SOURCES)})),
      CONSTRAINT "ck_published_figures_value" CHECK ("value" >= 0 AND ("unit" <> 'percent' OR "value" <= 100)),
      CONSTRAINT "uq_published_figures_figure" UNIQUE NULLS NOT DISTINCT
        ("publisher", "subject", "period_start", "period_end", "jurisdiction", "requester_type", "requester", "category", "metric")
    )`);
    await q.query(`CREATE INDEX "ix_published_figures_period" ON "published_figures" ("period_start", "period_end")`);
    await q.query(`CREATE TABLE "published_figure_revisions" (
      "id" SERIAL PRIMARY KEY,
      "figure_id" integer NOT NULL REFERENCES "published_figures" ("id") ON DELETE CASCADE,
      "revision" integer NOT NULL,
      "value" numeric NOT NULL,
      "value_text" text NOT NULL,
      "source" text NOT NULL,
      "source_url" text,
      "source_sha256" text,
      "retrieved_at" timestamptz NOT NULL,
      "replaced_at" timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX "ix_published_figure_revisions_figure" ON "published_figure_revisions" ("figure_id", "revision")`);
    // The DSA's "time to confirm receipt" ends at a robot's receipt too; those events are few, so a partial index finds them.
    await q.query(
      `CREATE INDEX "ix_request_events_receipt" ON "request_events" ("request_id", "occurred_at") WHERE "kind" = 'receipt_confirmed'`,
    );
    // Geo-blocked items (removed "for legal reasons" in the publishers' terms) are few beside the others.
    await q.query(`CREATE INDEX "ix_request_items_geo_blocked" ON "request_items" ("request_id") WHERE "state" = 'geo_blocked'`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "ix_request_items_geo_blocked"`);
    await q.query(`DROP INDEX "ix_request_events_receipt"`);
    await q.query(`DROP TABLE "published_figure_revisions"`);
    await q.query(`DROP TABLE "published_figures"`);
  }
}

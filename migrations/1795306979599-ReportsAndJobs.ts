import { MigrationInterface, QueryRunner } from 'typeorm';

// Reports (queued PDF runs with their data fingerprint and CSV), scheduled job runs (one per slot),
// and the deadline sweep's mark on overdue requests. Generated from the entities and reviewed.

export class ReportsAndJobs1795306979599 implements MigrationInterface {
  name = 'ReportsAndJobs1795306979599';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "job_runs" (
                "id" SERIAL NOT NULL,
                "job" text NOT NULL,
                "status" text NOT NULL,
                "slot" text,
                "trigger" text NOT NULL,
                "triggered_by_id" integer,
                "attempts" integer NOT NULL DEFAULT '1',
                "started_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "finished_at" TIMESTAMP WITH TIME ZONE,
                "counts" jsonb NOT NULL DEFAULT '{}',
                "error" text,
                CONSTRAINT "ck_job_runs_status" CHECK (
                    "status" IN ('running', 'succeeded', 'failed', 'skipped')
                ),
                CONSTRAINT "PK_4d0012c04fcfc287550b76be7e9" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_job_runs_job_slot" ON "job_runs" ("job", "slot")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_job_runs_job_started" ON "job_runs" ("job", "started_at")
        `);
    await queryRunner.query(`
            CREATE TABLE "reports" (
                "id" SERIAL NOT NULL,
                "kind" text NOT NULL DEFAULT 'compliance',
                "status" text NOT NULL DEFAULT 'queued',
                "title" text NOT NULL,
                "period_from" TIMESTAMP WITH TIME ZONE,
                "period_to" TIMESTAMP WITH TIME ZONE,
                "as_of" TIMESTAMP WITH TIME ZONE NOT NULL,
                "platform_ids" jsonb NOT NULL DEFAULT '[]',
                "agency_id" integer,
                "schedule_slot" text,
                "data_sha256" text,
                "pdf" bytea,
                "csv_gzip" bytea,
                "page_count" integer,
                "error" text,
                "attempts" integer NOT NULL DEFAULT '0',
                "requested_by_id" integer,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "started_at" TIMESTAMP WITH TIME ZONE,
                "finished_at" TIMESTAMP WITH TIME ZONE,
                "version" integer NOT NULL DEFAULT '1',
                CONSTRAINT "ck_reports_status" CHECK (
                    "status" IN ('queued', 'running', 'done', 'failed')
                ),
                CONSTRAINT "ck_reports_kind" CHECK ("kind" IN ('compliance', 'consultation_brief')),
                CONSTRAINT "PK_d9013193989303580053c0b5ef6" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_reports_schedule_slot" ON "reports" ("schedule_slot")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_reports_status" ON "reports" ("status", "id")
        `);
    await queryRunner.query(`
            ALTER TABLE "requests"
            ADD "overdue_since" TIMESTAMP WITH TIME ZONE
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "requests" DROP COLUMN "overdue_since"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_reports_status"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_reports_schedule_slot"
        `);
    await queryRunner.query(`
            DROP TABLE "reports"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_job_runs_job_started"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_job_runs_job_slot"
        `);
    await queryRunner.query(`
            DROP TABLE "job_runs"
        `);
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

// Generated from the entities, then reviewed by hand: check constraints keep every enum column
// within the vocabulary of DOMAIN.md, and the full-text index behind the list's `q` filter is added.

export class InitialSchema1795305432517 implements MigrationInterface {
  name = 'InitialSchema1795305432517';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "agencies" (
                "id" SERIAL NOT NULL,
                "name" text NOT NULL,
                "kind" text NOT NULL DEFAULT 'other',
                "country" text,
                "contact_email" text,
                "version" integer NOT NULL DEFAULT 1,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "UQ_1ea16c73ecef4bab2f61c31c889" UNIQUE ("name"),
                CONSTRAINT "ck_agencies_kind" CHECK (
                    "kind" IN ('regulator', 'police', 'ngo', 'other')
                ),
                CONSTRAINT "PK_8ab1f1f53f56c8255b0d7e68b28" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "audit_log" (
                "id" BIGSERIAL NOT NULL,
                "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "user_id" integer,
                "action" text NOT NULL,
                "entity" text NOT NULL,
                "entity_id" text,
                "before" jsonb,
                "after" jsonb,
                CONSTRAINT "PK_07fefa57f7f5ab8fc3f52b3ed0b" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "platforms" (
                "id" SERIAL NOT NULL,
                "name" text NOT NULL,
                "slug" text NOT NULL,
                "parent_company" text,
                "has_local_representative" boolean NOT NULL DEFAULT false,
                "contact_channels" jsonb NOT NULL DEFAULT '[]',
                "sla_removal_hours" integer NOT NULL DEFAULT '72',
                "sla_blocking_hours" integer NOT NULL DEFAULT '72',
                "sla_investigation_hours" integer NOT NULL DEFAULT '72',
                "sla_preservation_hours" integer NOT NULL DEFAULT '72',
                "notes" text,
                "version" integer NOT NULL DEFAULT 1,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "UQ_5bf1e9dbac57a0ee34037a63287" UNIQUE ("slug"),
                CONSTRAINT "ck_platforms_sla_positive" CHECK (
                    "sla_removal_hours" > 0
                    AND "sla_blocking_hours" > 0
                    AND "sla_investigation_hours" > 0
                    AND "sla_preservation_hours" > 0
                ),
                CONSTRAINT "ck_platforms_slug" CHECK ("slug" ~ '^[a-z0-9][a-z0-9-]*$'),
                CONSTRAINT "PK_3b879853678f7368d46e52b81c6" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "request_items" (
                "id" SERIAL NOT NULL,
                "request_id" integer NOT NULL,
                "url" text NOT NULL,
                "content_hash" text,
                "state" text NOT NULL DEFAULT 'pending',
                "checked_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "ck_request_items_url" CHECK ("url" ~* '^https?://'),
                CONSTRAINT "ck_request_items_state" CHECK (
                    "state" IN (
                        'pending',
                        'removed',
                        'still_online',
                        'geo_blocked',
                        'not_found'
                    )
                ),
                CONSTRAINT "PK_400276415bc0e472f04b55f1b1b" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_request_items_request_id" ON "request_items" ("request_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_request_items_content_hash" ON "request_items" ("content_hash")
        `);
    await queryRunner.query(`
            CREATE TABLE "requests" (
                "id" SERIAL NOT NULL,
                "platform_id" integer NOT NULL,
                "agency_id" integer NOT NULL,
                "type" text NOT NULL,
                "category" text NOT NULL,
                "channel" text NOT NULL,
                "reference" text NOT NULL,
                "platform_ref" text,
                "sent_at" TIMESTAMP WITH TIME ZONE,
                "due_at" TIMESTAMP WITH TIME ZONE,
                "status" text NOT NULL DEFAULT 'draft',
                "outcome" text,
                "first_response_at" TIMESTAMP WITH TIME ZONE,
                "resolved_at" TIMESTAMP WITH TIME ZONE,
                "notes" text,
                "created_by_id" integer,
                "version" integer NOT NULL DEFAULT 1,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "uq_requests_agency_reference" UNIQUE ("agency_id", "reference"),
                CONSTRAINT "ck_requests_resolution" CHECK (
                    ("status" = 'resolved') = (
                        "outcome" IS NOT NULL
                        AND "resolved_at" IS NOT NULL
                    )
                ),
                CONSTRAINT "ck_requests_due_after_sent" CHECK (
                    "due_at" IS NULL
                    OR "due_at" >= "sent_at"
                ),
                CONSTRAINT "ck_requests_sent_has_due" CHECK (
                    "status" IN ('draft', 'withdrawn')
                    OR (
                        "sent_at" IS NOT NULL
                        AND "due_at" IS NOT NULL
                    )
                ),
                CONSTRAINT "ck_requests_draft_unsent" CHECK (
                    "status" <> 'draft'
                    OR (
                        "sent_at" IS NULL
                        AND "due_at" IS NULL
                    )
                ),
                CONSTRAINT "ck_requests_outcome" CHECK (
                    "outcome" IS NULL
                    OR "outcome" IN (
                        'removed',
                        'partially_removed',
                        'refused',
                        'data_provided',
                        'no_action'
                    )
                ),
                CONSTRAINT "ck_requests_status" CHECK (
                    "status" IN (
                        'draft',
                        'sent',
                        'acknowledged',
                        'resolved',
                        'withdrawn'
                    )
                ),
                CONSTRAINT "ck_requests_channel" CHECK (
                    "channel" IN (
                        'email',
                        'web_form',
                        'portal',
                        'api',
                        'letter',
                        'in_person'
                    )
                ),
                CONSTRAINT "ck_requests_category" CHECK (
                    "category" IN (
                        'ncii',
                        'deepfake_sexual',
                        'csam',
                        'sextortion',
                        'grooming',
                        'other'
                    )
                ),
                CONSTRAINT "ck_requests_type" CHECK (
                    "type" IN (
                        'removal',
                        'blocking',
                        'investigation',
                        'preservation'
                    )
                ),
                CONSTRAINT "PK_0428f484e96f9e6a55955f29b5f" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_requests_agency_id" ON "requests" ("agency_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_requests_type" ON "requests" ("type")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_requests_category" ON "requests" ("category")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_requests_channel" ON "requests" ("channel")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_requests_sent_at" ON "requests" ("sent_at")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_requests_status" ON "requests" ("status")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_requests_platform_sent_at" ON "requests" ("platform_id", "sent_at")
        `);
    await queryRunner.query(`
            CREATE TABLE "consultations" (
                "id" SERIAL NOT NULL,
                "platform_id" integer NOT NULL,
                "held_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "format" text NOT NULL,
                "title" text NOT NULL,
                "attendees" jsonb NOT NULL DEFAULT '[]',
                "agenda" text,
                "minutes" text,
                "version" integer NOT NULL DEFAULT 1,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "ck_consultations_format" CHECK (
                    "format" IN ('in_person', 'video', 'call', 'letter', 'email')
                ),
                CONSTRAINT "PK_c5b78e9424d9bc68464f6a12103" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_consultations_platform_held_at" ON "consultations" ("platform_id", "held_at")
        `);
    await queryRunner.query(`
            CREATE TABLE "consultation_action_items" (
                "id" SERIAL NOT NULL,
                "consultation_id" integer NOT NULL,
                "owner_side" text NOT NULL,
                "text" text NOT NULL,
                "due_date" date,
                "state" text NOT NULL DEFAULT 'open',
                CONSTRAINT "ck_action_items_state" CHECK ("state" IN ('open', 'done', 'missed')),
                CONSTRAINT "ck_action_items_owner_side" CHECK ("owner_side" IN ('platform', 'regulator')),
                CONSTRAINT "PK_9a9fbaca4c8272823bfc83ad81d" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_consultation_action_items_consultation_id" ON "consultation_action_items" ("consultation_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "request_item_changes" (
                "id" SERIAL NOT NULL,
                "event_id" integer NOT NULL,
                "item_id" integer NOT NULL,
                "state" text NOT NULL,
                "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                CONSTRAINT "ck_request_item_changes_state" CHECK (
                    "state" IN (
                        'pending',
                        'removed',
                        'still_online',
                        'geo_blocked',
                        'not_found'
                    )
                ),
                CONSTRAINT "PK_a5c548f87e0c94b17504e327001" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_request_item_changes_event_id" ON "request_item_changes" ("event_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_request_item_changes_item_occurred" ON "request_item_changes" ("item_id", "occurred_at")
        `);
    await queryRunner.query(`
            CREATE TABLE "request_events" (
                "id" SERIAL NOT NULL,
                "request_id" integer NOT NULL,
                "kind" text NOT NULL,
                "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "author_id" integer,
                "note" text,
                "outcome" text,
                "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "ck_request_events_outcome_given" CHECK (
                    "kind" NOT IN ('outcome', 'refused')
                    OR "outcome" IS NOT NULL
                ),
                CONSTRAINT "ck_request_events_outcome" CHECK (
                    "outcome" IS NULL
                    OR "outcome" IN (
                        'removed',
                        'partially_removed',
                        'refused',
                        'data_provided',
                        'no_action'
                    )
                ),
                CONSTRAINT "ck_request_events_kind" CHECK (
                    "kind" IN (
                        'acknowledged',
                        'info_requested',
                        'outcome',
                        'refused',
                        'sent',
                        'reminder_sent',
                        'escalated',
                        'note',
                        'item_checked',
                        'withdrawn'
                    )
                ),
                CONSTRAINT "PK_bf9333ddb0c34f1533239fc9cb0" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_request_events_request_occurred" ON "request_events" ("request_id", "occurred_at")
        `);
    await queryRunner.query(`
            CREATE TABLE "users" (
                "id" SERIAL NOT NULL,
                "email" text NOT NULL,
                "name" text NOT NULL,
                "role" text NOT NULL,
                "password_hash" text NOT NULL,
                "active" boolean NOT NULL DEFAULT true,
                "version" integer NOT NULL DEFAULT 1,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "UQ_97672ac88f789774dd47f7c8be3" UNIQUE ("email"),
                CONSTRAINT "ck_users_email_lower" CHECK ("email" = lower("email")),
                CONSTRAINT "ck_users_role" CHECK (
                    "role" IN ('admin', 'regulator', 'analyst', 'liaison')
                ),
                CONSTRAINT "PK_a3ffb1c0c8416b9fc6f907b7433" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "consultation_requests" (
                "consultation_id" integer NOT NULL,
                "request_id" integer NOT NULL,
                CONSTRAINT "PK_452d2b8f341ee4dd1580089989f" PRIMARY KEY ("consultation_id", "request_id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_25d85acf2e5970d1a5b727fe66" ON "consultation_requests" ("consultation_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_d6d785b0b00fb909c9dc098dce" ON "consultation_requests" ("request_id")
        `);
    await queryRunner.query(`
            ALTER TABLE "request_items"
            ADD CONSTRAINT "FK_f98980a11e780b572c0405d70ae" FOREIGN KEY ("request_id") REFERENCES "requests"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "requests"
            ADD CONSTRAINT "FK_972c39a10383bb4178dcc2e2fbc" FOREIGN KEY ("platform_id") REFERENCES "platforms"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "requests"
            ADD CONSTRAINT "FK_70dcaf45cf2b01c9385c01279e4" FOREIGN KEY ("agency_id") REFERENCES "agencies"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "consultations"
            ADD CONSTRAINT "FK_40d6fe457fcb4e8db0a163411ea" FOREIGN KEY ("platform_id") REFERENCES "platforms"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "consultation_action_items"
            ADD CONSTRAINT "FK_368d72f4a490e32bc3d87a3ae86" FOREIGN KEY ("consultation_id") REFERENCES "consultations"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "request_item_changes"
            ADD CONSTRAINT "FK_18ecceb33ccab5e3d0791e60e2b" FOREIGN KEY ("event_id") REFERENCES "request_events"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "request_item_changes"
            ADD CONSTRAINT "FK_b9357126e316daf774bae648740" FOREIGN KEY ("item_id") REFERENCES "request_items"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "request_events"
            ADD CONSTRAINT "FK_e8b717bcc3e01fbd300f4e97e56" FOREIGN KEY ("request_id") REFERENCES "requests"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "consultation_requests"
            ADD CONSTRAINT "FK_25d85acf2e5970d1a5b727fe667" FOREIGN KEY ("consultation_id") REFERENCES "consultations"("id") ON DELETE CASCADE ON UPDATE CASCADE
        `);
    await queryRunner.query(`
            ALTER TABLE "consultation_requests"
            ADD CONSTRAINT "FK_d6d785b0b00fb909c9dc098dce3" FOREIGN KEY ("request_id") REFERENCES "requests"("id") ON DELETE CASCADE ON UPDATE CASCADE
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_requests_search" ON "requests" USING gin (
                to_tsvector('simple', "reference" || ' ' || coalesce("platform_ref", '') || ' ' || coalesce("notes", ''))
            )
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            DROP INDEX "public"."ix_requests_search"
        `);
    await queryRunner.query(`
            ALTER TABLE "consultation_requests" DROP CONSTRAINT "FK_d6d785b0b00fb909c9dc098dce3"
        `);
    await queryRunner.query(`
            ALTER TABLE "consultation_requests" DROP CONSTRAINT "FK_25d85acf2e5970d1a5b727fe667"
        `);
    await queryRunner.query(`
            ALTER TABLE "request_events" DROP CONSTRAINT "FK_e8b717bcc3e01fbd300f4e97e56"
        `);
    await queryRunner.query(`
            ALTER TABLE "request_item_changes" DROP CONSTRAINT "FK_b9357126e316daf774bae648740"
        `);
    await queryRunner.query(`
            ALTER TABLE "request_item_changes" DROP CONSTRAINT "FK_18ecceb33ccab5e3d0791e60e2b"
        `);
    await queryRunner.query(`
            ALTER TABLE "consultation_action_items" DROP CONSTRAINT "FK_368d72f4a490e32bc3d87a3ae86"
        `);
    await queryRunner.query(`
            ALTER TABLE "consultations" DROP CONSTRAINT "FK_40d6fe457fcb4e8db0a163411ea"
        `);
    await queryRunner.query(`
            ALTER TABLE "requests" DROP CONSTRAINT "FK_70dcaf45cf2b01c9385c01279e4"
        `);
    await queryRunner.query(`
            ALTER TABLE "requests" DROP CONSTRAINT "FK_972c39a10383bb4178dcc2e2fbc"
        `);
    await queryRunner.query(`
            ALTER TABLE "request_items" DROP CONSTRAINT "FK_f98980a11e780b572c0405d70ae"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_d6d785b0b00fb909c9dc098dce"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_25d85acf2e5970d1a5b727fe66"
        `);
    await queryRunner.query(`
            DROP TABLE "consultation_requests"
        `);
    await queryRunner.query(`
            DROP TABLE "users"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_request_events_request_occurred"
        `);
    await queryRunner.query(`
            DROP TABLE "request_events"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_request_item_changes_item_occurred"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_request_item_changes_event_id"
        `);
    await queryRunner.query(`
            DROP TABLE "request_item_changes"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_consultation_action_items_consultation_id"
        `);
    await queryRunner.query(`
            DROP TABLE "consultation_action_items"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_consultations_platform_held_at"
        `);
    await queryRunner.query(`
            DROP TABLE "consultations"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_requests_platform_sent_at"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_requests_status"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_requests_sent_at"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_requests_channel"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_requests_category"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_requests_type"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_requests_agency_id"
        `);
    await queryRunner.query(`
            DROP TABLE "requests"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_request_items_content_hash"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_request_items_request_id"
        `);
    await queryRunner.query(`
            DROP TABLE "request_items"
        `);
    await queryRunner.query(`
            DROP TABLE "platforms"
        `);
    await queryRunner.query(`
            DROP TABLE "audit_log"
        `);
    await queryRunner.query(`
            DROP TABLE "agencies"
        `);
  }
}

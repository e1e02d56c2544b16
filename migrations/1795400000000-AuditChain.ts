import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Makes the audit log append-only and tamper-evident:
 * - UPDATE, DELETE and TRUNCATE of audit_log are refused by a trigger, whoever asks;
 * - every entry carries its position in a chain (seq) and hash = sha256(previous entry's hash ||
 *   canonical text of the entry), set by a BEFORE INSERT trigger, so that a change made behind the
 *   triggers' back (a superuser with session_replication_role = replica, a restored dump) shows up
 *   when the chain is recomputed (GET /api/audit/verify).
 * The canonical text does not depend on session settings: each field goes through a text form of
 * its own (UTC microseconds for the time, jsonb's normalised text) and quote_nullable, which keeps
 * NULL apart from '' and cannot be confused with the separator.
 */

// Any fixed number (735_001 runs migrations, 735_002 seeds the demo): held by each append until commit.
const CHAIN_LOCK = 735_003;

const HASH = `CREATE FUNCTION audit_log_hash(e audit_log) RETURNS text LANGUAGE sql STABLE AS $fn$
  SELECT encode(sha256(convert_to(coalesce(e.prev_hash, '') || concat_ws(',',
    quote_nullable(e.seq::text), quote_nullable(e.id::text),
    quote_nullable(to_char(e.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')),
    quote_nullable(e.user_id::text), quote_nullable(e.action), quote_nullable(e.entity), quote_nullable(e.entity_id),
    quote_nullable(e.before::text), quote_nullable(e.after::text)), 'UTF8')), 'hex')
$fn$`;

export class AuditChain1795400000000 implements MigrationInterface {
  name = 'AuditChain1795400000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE audit_log ADD COLUMN seq bigint, ADD COLUMN prev_hash text, ADD COLUMN hash text`);
    await q.query(HASH);

    // Chain the entries already there, in id order.
    await q.query(`DO $do$
      DECLARE e audit_log; n bigint := 0; prev text;
      BEGIN
        FOR e IN SELECT * FROM audit_log ORDER BY id LOOP
          n := n + 1;
          e.seq := n;
          e.prev_hash := prev;
          prev := audit_log_hash(e);
          UPDATE audit_log SET seq = n, prev_hash = e.prev_hash, hash = prev WHERE id = e.id;
        END LOOP;
      END $do$`);
    await q.query(`ALTER TABLE audit_log ALTER COLUMN seq SET NOT NULL, ALTER COLUMN hash SET NOT NULL`);
    await q.query(`CREATE UNIQUE INDEX uq_audit_log_seq ON audit_log (seq)`);

    // The lock serialises appends until commit, so the next append sees this one (id comes from its
    // sequence earlier and may be out of order: the chain's order is seq). Row triggers fire for
    // multi-row INSERT and COPY too, each row seeing the ones before it. EXECUTE plans the lookup
    // afresh: a cached plan made while the table was small scans it whole, once per row.
    await q.query(`CREATE FUNCTION audit_log_chain() RETURNS trigger LANGUAGE plpgsql AS $fn$
      DECLARE last record;
      BEGIN
        PERFORM pg_advisory_xact_lock(${CHAIN_LOCK});
        EXECUTE 'SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1' INTO last;
        NEW.seq := coalesce(last.seq, 0) + 1;
        NEW.prev_hash := last.hash;
        NEW.hash := audit_log_hash(NEW);
        RETURN NEW;
      END $fn$`);
    await q.query(`CREATE TRIGGER audit_log_chain BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_chain()`);

    await q.query(`CREATE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $fn$
      BEGIN
        RAISE EXCEPTION 'audit_log is append-only: % is not allowed', TG_OP
          USING ERRCODE = 'insufficient_privilege', HINT = 'Audit entries are never changed or removed; record a new entry instead.';
      END $fn$`);
    await q.query(`CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_log
      FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change()`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER audit_log_append_only ON audit_log`);
    await q.query(`DROP TRIGGER audit_log_chain ON audit_log`);
    await q.query(`DROP FUNCTION audit_log_refuse_change()`);
    await q.query(`DROP FUNCTION audit_log_chain()`);
    await q.query(`DROP FUNCTION audit_log_hash(audit_log)`);
    await q.query(`DROP INDEX uq_audit_log_seq`);
    await q.query(`ALTER TABLE audit_log DROP COLUMN seq, DROP COLUMN prev_hash, DROP COLUMN hash`);
  }
}

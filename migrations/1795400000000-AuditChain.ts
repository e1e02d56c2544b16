import { MigrationInterface, QueryRunner } from 'typeorm';
import { ADVISORY_LOCKS } from '../domain/src';

/**
 * Makes the audit log append-only and tamper-evident:
 * - UPDATE, DELETE and TRUNCATE of audit_log are refused by a trigger, whoever asks;
 * - every entry carries its position in a chain (seq) and hash = sha256(previous entry's hash ||
 *   canonical text of the entry), set when its transaction commits by a deferred trigger, so that a change made behind the
 *   triggers' back (a superuser with session_replication_role = replica, a restored dump) shows up
 *   when the chain is recomputed (GET /api/audit/verify).
 * The canonical text does not depend on session settings: each field goes through a text form of
 * its own (UTC microseconds for the time, jsonb's normalised text) and quote_nullable, which keeps
 * NULL apart from '' and cannot be confused with the separator.
 */

// Held by each append until commit; the key is the domain's, apart from every other advisory lock.
const CHAIN_LOCK = ADVISORY_LOCKS.auditChain;

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
    await q.query(`CREATE UNIQUE INDEX uq_audit_log_seq ON audit_log (seq)`);

    // An entry is chained when its transaction commits: a deferred trigger takes the chain's lock,
    // reads the last entry (EXECUTE plans it afresh: a plan cached while the table was small would
    // scan it whole) and sets seq, prev_hash and hash. The lock is held only inside PostgreSQL's
    // commit, never across a round trip to the app, so concurrent writes do not queue behind one
    // another's network latency; the chain's order is the commit order. Until then seq is null, and
    // no other session can see the entry.
    await q.query(`CREATE FUNCTION audit_log_chain() RETURNS trigger LANGUAGE plpgsql AS $fn$
      DECLARE last record; e audit_log := NEW;
      BEGIN
        PERFORM pg_advisory_xact_lock(${CHAIN_LOCK});
        EXECUTE 'SELECT seq, hash FROM audit_log WHERE seq IS NOT NULL ORDER BY seq DESC LIMIT 1' INTO last;
        e.seq := coalesce(last.seq, 0) + 1;
        e.prev_hash := last.hash;
        UPDATE audit_log SET seq = e.seq, prev_hash = e.prev_hash, hash = audit_log_hash(e) WHERE id = NEW.id;
        RETURN NULL;
      END $fn$`);
    await q.query(`CREATE CONSTRAINT TRIGGER audit_log_chain AFTER INSERT ON audit_log DEFERRABLE INITIALLY DEFERRED
      FOR EACH ROW EXECUTE FUNCTION audit_log_chain()`);

    // The one change allowed: filling in the chain of an entry not yet chained (seq null, which only
    // its own transaction can see), nothing else about it. A chained entry never changes.
    await q.query(`CREATE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $fn$
      BEGIN
        IF TG_OP = 'UPDATE' AND OLD.seq IS NULL AND NEW.seq IS NOT NULL
           AND (NEW.id, NEW.at, NEW.user_id, NEW.action, NEW.entity, NEW.entity_id, NEW.before::text, NEW.after::text)
               IS NOT DISTINCT FROM (OLD.id, OLD.at, OLD.user_id, OLD.action, OLD.entity, OLD.entity_id, OLD.before::text, OLD.after::text) THEN
          RETURN NEW;
        END IF;
        RAISE EXCEPTION 'audit_log is append-only: % is not allowed', TG_OP
          USING ERRCODE = 'insufficient_privilege', HINT = 'Audit entries are never changed or removed; record a new entry instead.';
      END $fn$`);
    await q.query(`CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
      FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change()`);
    await q.query(`CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
      FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change()`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER audit_log_no_truncate ON audit_log`);
    await q.query(`DROP TRIGGER audit_log_append_only ON audit_log`);
    await q.query(`DROP TRIGGER audit_log_chain ON audit_log`);
    await q.query(`DROP FUNCTION audit_log_refuse_change()`);
    await q.query(`DROP FUNCTION audit_log_chain()`);
    await q.query(`DROP FUNCTION audit_log_hash(audit_log)`);
    await q.query(`DROP INDEX uq_audit_log_seq`);
    await q.query(`ALTER TABLE audit_log DROP COLUMN seq, DROP COLUMN prev_hash, DROP COLUMN hash`);
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';
import { ADVISORY_LOCK_NAMESPACES } from '../domain/src';
import { countsFunction, SLOT as PID_SLOT } from './1795500100000-RequestCounts';
import { changedFunction } from './1795400200000-SpreadRollups';

/** How many rows each rollup key may spread over: more than the writers that can run at once. */
const SLOTS = 64;

/**
 * Writes that do not queue behind one another's rollup rows. The rollups' triggers spread each key
 * over slots, which readers sum; the slot was the server process's id modulo 16, so two writers whose
 * ids met there wrote the same row, and the second waited for the first to commit, round trips to
 * the app included: under 50 connections most creates waited so. Now a writing transaction holds a
 * slot of its own (an advisory lock until it ends) and writes only there, so no two writers ever
 * meet on a rollup row. Later migrations' triggers take their slot from rollup_slot() too.
 */
export const ROLLUP_SLOT = 'rollup_slot()';

export class RollupSlots1795700050000 implements MigrationInterface {
  name = 'RollupSlots1795700050000';

  public async up(q: QueryRunner): Promise<void> {
    // The first free slot from the process's own (so that idle slots are reused), remembered for the
    // transaction; when all are taken, it waits for its own.
    await q.query(`CREATE FUNCTION rollup_slot() RETURNS smallint LANGUAGE plpgsql AS $fn$
      DECLARE
        held text := current_setting('tracker.rollup_slot', true);
        s int;
      BEGIN
        IF held IS NOT NULL AND held <> '' THEN RETURN held::smallint; END IF;
        FOR i IN 0..${SLOTS - 1} LOOP
          s := (pg_backend_pid() + i) % ${SLOTS};
          EXIT WHEN pg_try_advisory_xact_lock(${ADVISORY_LOCK_NAMESPACES.rollupSlots}, s);
          s := NULL;
        END LOOP;
        IF s IS NULL THEN
          s := pg_backend_pid() % ${SLOTS};
          PERFORM pg_advisory_xact_lock(${ADVISORY_LOCK_NAMESPACES.rollupSlots}, s);
        END IF;
        PERFORM set_config('tracker.rollup_slot', s::text, true);
        RETURN s;
      END $fn$`);
    await q.query(countsFunction(ROLLUP_SLOT));
    await q.query(changedFunction(ROLLUP_SLOT));
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(changedFunction(PID_SLOT));
    await q.query(countsFunction(PID_SLOT));
    await q.query(`DROP FUNCTION rollup_slot()`);
  }
}

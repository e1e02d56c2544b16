import { MigrationInterface, QueryRunner } from 'typeorm';
import {
  CHANGED_ROWS,
  COUNTED,
  MONTH,
  MONTH_COLUMNS,
  nonZero,
  REMOVAL_HOUR,
  REMOVED,
  RESPONSE_HOUR,
  sums,
} from './1795307500000-StatsRollups';

/**
 * Spreads each rollup row over 16 slots (by server process), which readers already sum. With one row
 * per platform and month, every transaction that records a request for the same platform in the same
 * month waited for the previous one to commit: concurrent writes went one at a time.
 */
export const SLOT = 'mod(pg_backend_pid(), 16)::smallint';
const TABLES: [table: string, key: string][] = [
  ['stats_months', 'platform_id, month'],
  ['response_histogram', 'platform_id, month, hour'],
  ['removal_histogram', 'platform_id, month, hour'],
];
const names = MONTH_COLUMNS.map(([name]) => name).join(', ');

/** stats_requests_changed() with rows keyed by `slot` too, or as StatsRollups wrote it (slot null). */
export function changedFunction(slot: string | null): string {
  const col = slot ? ', slot' : '';
  const val = slot ? `, ${slot}` : '';
  const histogram = (table: string, hour: string, where: string) => `
    INSERT INTO ${table} (platform_id, month, hour${col}, n)
    SELECT platform_id, ${MONTH}, ${hour}${val}, sum(sign) FROM (%1$s) c WHERE ${COUNTED} AND ${where}
    GROUP BY 1, 2, 3 HAVING sum(sign) <> 0 ORDER BY 1, 2, 3
    ON CONFLICT (platform_id, month, hour${col}) DO UPDATE SET n = ${table}.n + excluded.n`;
  return `CREATE OR REPLACE FUNCTION stats_requests_changed() RETURNS trigger LANGUAGE plpgsql AS $fn$
    ${CHANGED_ROWS}
    BEGIN
      EXECUTE format($q$
        INSERT INTO stats_months (platform_id, month${col}, ${names})
        SELECT platform_id, ${MONTH}${val}, ${sums} FROM (%1$s) c WHERE ${COUNTED}
        GROUP BY 1, 2 HAVING ${nonZero} ORDER BY 1, 2
        ON CONFLICT (platform_id, month${col}) DO UPDATE SET ${MONTH_COLUMNS.map(([name]) => `${name} = stats_months.${name} + excluded.${name}`).join(', ')}$q$, changed);
      EXECUTE format($q$${histogram('response_histogram', RESPONSE_HOUR, 'first_response_at IS NOT NULL')}$q$, changed);
      EXECUTE format($q$${histogram('removal_histogram', REMOVAL_HOUR, REMOVED)}$q$, changed);
      RETURN NULL;
    END $fn$`;
}

export class SpreadRollups1795400200000 implements MigrationInterface {
  name = 'SpreadRollups1795400200000';

  public async up(q: QueryRunner): Promise<void> {
    for (const [table, key] of TABLES) {
      await q.query(`ALTER TABLE ${table} ADD COLUMN slot smallint NOT NULL DEFAULT 0, DROP CONSTRAINT ${table}_pkey`);
      await q.query(`ALTER TABLE ${table} ADD PRIMARY KEY (${key}, slot)`);
    }
    await q.query(changedFunction(SLOT));
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(changedFunction(null));
    for (const [table, key] of TABLES) {
      const counts = table === 'stats_months' ? MONTH_COLUMNS.map(([name]) => name) : ['n'];
      // Folds the slots back into one row per key before the key loses its slot.
      await q.query(`CREATE TEMP TABLE folded ON COMMIT DROP AS
        SELECT ${key}, ${counts.map((c) => `sum(${c})::int AS ${c}`).join(', ')} FROM ${table} GROUP BY ${key}`);
      await q.query(`DELETE FROM ${table}`);
      await q.query(`ALTER TABLE ${table} DROP CONSTRAINT ${table}_pkey, DROP COLUMN slot`);
      await q.query(`INSERT INTO ${table} (${key}, ${counts.join(', ')}) SELECT ${key}, ${counts.join(', ')} FROM folded`);
      await q.query(`ALTER TABLE ${table} ADD PRIMARY KEY (${key})`);
      await q.query(`DROP TABLE folded`);
    }
  }
}

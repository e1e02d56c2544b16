import { MigrationInterface, QueryRunner } from 'typeorm';
import { facetKeysSql, ROLLUP_COUNTS } from '../domain/src';
import { CHANGED_ROWS, COUNTED, MONTH, nonZero, REMOVAL_HOUR, REMOVED, RESPONSE_HOUR, sums } from './1795307500000-StatsRollups';
import { changedFunction } from './1795400200000-SpreadRollups';
import { ROLLUP_SLOT } from './1795700050000-RollupSlots';

/**
 * The statistics' rollups kept per facet too, so that the dashboard's type and category filters read
 * rollups rather than every request: each request is counted under '' (all requests), `type:<its
 * type>` and `category:<its category>`. Facet first in each key, as every read names one facet.
 * The hour indexes gain the month, so that one hour of one month (a monthly series' percentile) is
 * one index range, and one hour of all months still its prefix.
 */
const TABLES: [table: string, rest: string][] = [
  ['stats_months', 'platform_id, month, slot'],
  ['response_histogram', 'platform_id, month, hour, slot'],
  ['removal_histogram', 'platform_id, month, hour, slot'],
];
const names = ROLLUP_COUNTS.map(([name]) => name).join(', ');
const HOUR_INDEXES: [name: string, hour: string, where: string][] = [
  ['ix_requests_response_hour', RESPONSE_HOUR, 'first_response_at IS NOT NULL'],
  ['ix_requests_removal_hour', REMOVAL_HOUR, REMOVED],
];

/** The changed rows (signed, from the transition tables), once under each of their facets. */
export const FACETED = `SELECT c.*, f.facet FROM (%1$s) c CROSS JOIN LATERAL unnest(${facetKeysSql('c')}) f(facet) WHERE ${COUNTED}`;

const histogram = (table: string, hour: string, where: string, rows: string, slot: string) => `
  INSERT INTO ${table} (facet, platform_id, month, hour, slot, n)
  SELECT facet, platform_id, ${MONTH}, ${hour}, ${slot}, sum(sign) FROM (${rows}) c WHERE ${where}
  GROUP BY 1, 2, 3, 4 HAVING sum(sign) <> 0 ORDER BY 1, 2, 3, 4
  ON CONFLICT (facet, platform_id, month, hour, slot) DO UPDATE SET n = ${table}.n + excluded.n`;

const months = (rows: string, slot: string) => `
  INSERT INTO stats_months (facet, platform_id, month, slot, ${names})
  SELECT facet, platform_id, ${MONTH}, ${slot}, ${sums} FROM (${rows}) c
  GROUP BY 1, 2, 3 HAVING ${nonZero} ORDER BY 1, 2, 3
  ON CONFLICT (facet, platform_id, month, slot) DO UPDATE SET ${ROLLUP_COUNTS.map(([name]) => `${name} = stats_months.${name} + excluded.${name}`).join(', ')}`;

const writes = (rows: string, slot: string) => [
  months(rows, slot),
  histogram('response_histogram', RESPONSE_HOUR, 'first_response_at IS NOT NULL', rows, slot),
  histogram('removal_histogram', REMOVAL_HOUR, REMOVED, rows, slot),
];

export class FacetRollups1795700100000 implements MigrationInterface {
  name = 'FacetRollups1795700100000';

  public async up(q: QueryRunner): Promise<void> {
    for (const [table, rest] of TABLES) {
      await q.query(`ALTER TABLE ${table} ADD COLUMN facet text NOT NULL DEFAULT '', DROP CONSTRAINT ${table}_pkey`);
      await q.query(`ALTER TABLE ${table} ADD PRIMARY KEY (facet, ${rest})`);
    }
    await q.query(`CREATE OR REPLACE FUNCTION stats_requests_changed() RETURNS trigger LANGUAGE plpgsql AS $fn$
      ${CHANGED_ROWS}
      BEGIN
        ${writes(FACETED, ROLLUP_SLOT)
          .map((sql) => `EXECUTE format($q$${sql}$q$, changed);`)
          .join('\n        ')}
        RETURN NULL;
      END $fn$`);
    // The requests already there, under their type and category (the '' rows are there already).
    const existing = `SELECT 1 AS sign, r.*, f.facet FROM requests r CROSS JOIN LATERAL unnest(${facetKeysSql('r')}) f(facet)
      WHERE ${COUNTED} AND f.facet <> ''`;
    for (const sql of writes(existing, '0')) await q.query(sql);
    // Three times the rows: without fresh statistics the planner took the facets for a few hundred rows.
    await q.query(`ANALYZE stats_months, response_histogram, removal_histogram`);

    for (const [name, hour, where] of HOUR_INDEXES) {
      await q.query(`DROP INDEX ${name}`);
      await q.query(`CREATE INDEX ${name} ON requests (platform_id, (${hour}), (${MONTH})) WHERE ${where}`);
    }
  }

  public async down(q: QueryRunner): Promise<void> {
    for (const [name, hour, where] of HOUR_INDEXES) {
      await q.query(`DROP INDEX ${name}`);
      await q.query(`CREATE INDEX ${name} ON requests (platform_id, (${hour})) WHERE ${where}`);
    }
    await q.query(changedFunction(ROLLUP_SLOT));
    for (const [table, rest] of TABLES) {
      await q.query(`DELETE FROM ${table} WHERE facet <> ''`);
      await q.query(`ALTER TABLE ${table} DROP CONSTRAINT ${table}_pkey, DROP COLUMN facet`);
      await q.query(`ALTER TABLE ${table} ADD PRIMARY KEY (${rest})`);
    }
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';
import { facetKeysSql } from '../domain/src';
import { CHANGED_ROWS, COUNTED, REMOVAL_HOUR, REMOVED, RESPONSE_HOUR } from './1795307500000-StatsRollups';
import { ROLLUP_SLOT } from './1795700050000-RollupSlots';
import { FACETED } from './1795700100000-FacetRollups';
import { statementTriggers } from './1795700200000-ContentRollups';

/**
 * The hour histograms per year too. A statistic over whole years (the per-platform table and the
 * Kaplan-Meier curves over several years, every statistics call of the mixed load) summed a row per
 * platform, month and hour: about 130,000 rows for three years at a million requests, most of such a
 * call's work. Per year it is twelve times fewer. Kept by triggers of their own, as FacetRollups' are.
 */
const YEAR = `(date_trunc('year', sent_at AT TIME ZONE 'UTC'))::date`;
const TABLES: [table: string, hour: string, where: string][] = [
  ['response_histogram_years', RESPONSE_HOUR, 'first_response_at IS NOT NULL'],
  ['removal_histogram_years', REMOVAL_HOUR, REMOVED],
];

const add = (table: string, hour: string, where: string, rows: string, slot: string) => `
  INSERT INTO ${table} (facet, platform_id, year, hour, slot, n)
  SELECT facet, platform_id, ${YEAR}, ${hour}, ${slot}, sum(sign) FROM (${rows}) c WHERE ${where}
  GROUP BY 1, 2, 3, 4 HAVING sum(sign) <> 0 ORDER BY 1, 2, 3, 4
  ON CONFLICT (facet, platform_id, year, hour, slot) DO UPDATE SET n = ${table}.n + excluded.n`;

export class YearHistograms1795700500000 implements MigrationInterface {
  name = 'YearHistograms1795700500000';

  public async up(q: QueryRunner): Promise<void> {
    for (const [table] of TABLES) {
      await q.query(`CREATE TABLE ${table} (facet text NOT NULL, platform_id integer NOT NULL, year date NOT NULL,
        hour integer NOT NULL, slot smallint NOT NULL, n integer NOT NULL, PRIMARY KEY (facet, platform_id, year, hour, slot))`);
    }
    await q.query(`CREATE FUNCTION stats_years_changed() RETURNS trigger LANGUAGE plpgsql AS $fn$
      ${CHANGED_ROWS}
      BEGIN
        ${TABLES.map(([table, hour, where]) => `EXECUTE format($q$${add(table, hour, where, FACETED, ROLLUP_SLOT)}$q$, changed);`).join('\n        ')}
        RETURN NULL;
      END $fn$`);
    await statementTriggers(q, 'stats_years', 'requests', 'stats_years_changed');
    await q.query(`CREATE FUNCTION stats_years_truncated() RETURNS trigger LANGUAGE plpgsql AS $fn$
      BEGIN TRUNCATE ${TABLES.map(([table]) => table).join(', ')}; RETURN NULL; END $fn$`);
    await q.query(
      `CREATE TRIGGER stats_years_truncate AFTER TRUNCATE ON requests FOR EACH STATEMENT EXECUTE FUNCTION stats_years_truncated()`,
    );

    const existing = `SELECT 1 AS sign, r.*, f.facet FROM requests r CROSS JOIN LATERAL unnest(${facetKeysSql('r')}) f(facet) WHERE ${COUNTED}`;
    for (const [table, hour, where] of TABLES) await q.query(add(table, hour, where, existing, '0'));
    await q.query(`ANALYZE ${TABLES.map(([table]) => table).join(', ')}`);
  }

  public async down(q: QueryRunner): Promise<void> {
    for (const event of ['insert', 'update', 'delete', 'truncate']) await q.query(`DROP TRIGGER stats_years_${event} ON requests`);
    await q.query(`DROP FUNCTION stats_years_truncated(), stats_years_changed()`);
    await q.query(`DROP TABLE ${TABLES.map(([table]) => table).join(', ')}`);
  }
}

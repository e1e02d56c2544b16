import { MigrationInterface, QueryRunner } from 'typeorm';
import { ROLLUP_COUNTS } from '../domain/src';

/**
 * Rollups that let the responsiveness statistics answer in milliseconds at millions of requests,
 * with the same numbers as the exact query (api/src/responsiveness/rollup):
 * - per request, its item counts (kept by a trigger on request_items);
 * - per platform and month of sending, the additive counts (sent, answered, on time, items…);
 * - per platform, month and whole hour, how many requests got their first answer (or were removed)
 *   after that many hours: enough to find which hour holds a percentile, whose exact values are then
 *   read from the requests themselves through the expression indexes below.
 * Statement-level triggers with transition tables keep them current, so bulk loads stay set-based.
 */
export const COUNTED = `status NOT IN ('draft', 'withdrawn') AND sent_at IS NOT NULL`;
export const MONTH = `(date_trunc('month', sent_at AT TIME ZONE 'UTC'))::date`;
export const RESPONSE_HOUR = `floor(date_part('epoch', first_response_at - sent_at) / 3600)::int`;
export const REMOVAL_HOUR = `floor(date_part('epoch', resolved_at - sent_at) / 3600)::int`;
export const REMOVED = `outcome IN ('removed', 'partially_removed') AND resolved_at IS NOT NULL`;

// The additive counts are the domain's (ROLLUP_COUNTS); this migration was first written with the same list.
export const MONTH_COLUMNS = ROLLUP_COUNTS;

export const sums = MONTH_COLUMNS.map(([name, expr]) => `sum(sign * ${expr}) AS ${name}`).join(', ');
export const updates = MONTH_COLUMNS.map(([name]) => `${name} = stats_months.${name} + excluded.${name}`).join(', ');
export const nonZero = MONTH_COLUMNS.map(([, expr]) => `sum(sign * ${expr}) <> 0`).join(' OR ');

/** In a statement trigger: the changed rows, +1 for the new versions and -1 for the old ones. */
export const CHANGED_ROWS = `DECLARE changed text := CASE TG_OP
        WHEN 'INSERT' THEN 'SELECT 1 AS sign, * FROM new_rows'
        WHEN 'DELETE' THEN 'SELECT -1 AS sign, * FROM old_rows'
        ELSE 'SELECT 1 AS sign, * FROM new_rows UNION ALL SELECT -1 AS sign, * FROM old_rows' END;`;

export const histogram = (table: string, hour: string, where: string) => `
  INSERT INTO ${table} (platform_id, month, hour, n)
  SELECT platform_id, ${MONTH}, ${hour}, sum(sign) FROM (%1$s) c WHERE ${COUNTED} AND ${where}
  GROUP BY 1, 2, 3 HAVING sum(sign) <> 0 ORDER BY 1, 2, 3
  ON CONFLICT (platform_id, month, hour) DO UPDATE SET n = ${table}.n + excluded.n`;

export class StatsRollups1795307500000 implements MigrationInterface {
  name = 'StatsRollups1795307500000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE requests
      ADD COLUMN items_total integer NOT NULL DEFAULT 0,
      ADD COLUMN items_removed integer NOT NULL DEFAULT 0,
      ADD COLUMN items_still_online integer NOT NULL DEFAULT 0`);
    await q.query(`UPDATE requests r SET items_total = c.total, items_removed = c.removed, items_still_online = c.online
      FROM (SELECT request_id, count(*) AS total, count(*) FILTER (WHERE state = 'removed') AS removed,
                   count(*) FILTER (WHERE state = 'still_online') AS online
            FROM request_items GROUP BY request_id) c
      WHERE c.request_id = r.id`);

    await q.query(`CREATE TABLE stats_months (
      platform_id integer NOT NULL, month date NOT NULL,
      ${MONTH_COLUMNS.map(([name]) => `${name} integer NOT NULL DEFAULT 0`).join(', ')},
      PRIMARY KEY (platform_id, month))`);
    for (const table of ['response_histogram', 'removal_histogram']) {
      await q.query(`CREATE TABLE ${table} (platform_id integer NOT NULL, month date NOT NULL, hour integer NOT NULL,
        n integer NOT NULL DEFAULT 0, PRIMARY KEY (platform_id, month, hour))`);
    }

    // Exact values of one hour of one platform, and the bounds that tell whether the rollups are current.
    await q.query(
      `CREATE INDEX ix_requests_response_hour ON requests (platform_id, (${RESPONSE_HOUR})) WHERE first_response_at IS NOT NULL`,
    );
    await q.query(`CREATE INDEX ix_requests_removal_hour ON requests (platform_id, (${REMOVAL_HOUR})) WHERE ${REMOVED}`);
    await q.query(`CREATE INDEX ix_requests_unanswered_sent_at ON requests (sent_at) WHERE first_response_at IS NULL`);
    await q.query(`CREATE INDEX ix_requests_unanswered_due_at ON requests (due_at) WHERE first_response_at IS NULL`);
    await q.query(`CREATE INDEX ix_requests_first_response_at ON requests (first_response_at)`);
    await q.query(`CREATE INDEX ix_requests_resolved_at ON requests (resolved_at)`);
    await q.query(`CREATE INDEX ix_request_items_checked_at ON request_items (checked_at)`);

    // Transition tables are visible to EXECUTE inside the trigger function; %1$s is the changed rows, signed.
    await q.query(`CREATE FUNCTION stats_requests_changed() RETURNS trigger LANGUAGE plpgsql AS $fn$
      ${CHANGED_ROWS}
      BEGIN
        EXECUTE format($q$
          INSERT INTO stats_months (platform_id, month, ${MONTH_COLUMNS.map(([name]) => name).join(', ')})
          SELECT platform_id, ${MONTH}, ${sums} FROM (%1$s) c WHERE ${COUNTED}
          GROUP BY 1, 2 HAVING ${nonZero} ORDER BY 1, 2
          ON CONFLICT (platform_id, month) DO UPDATE SET ${updates}$q$, changed);
        EXECUTE format($q$${histogram('response_histogram', RESPONSE_HOUR, 'first_response_at IS NOT NULL')}$q$, changed);
        EXECUTE format($q$${histogram('removal_histogram', REMOVAL_HOUR, REMOVED)}$q$, changed);
        RETURN NULL;
      END $fn$`);
    await q.query(`CREATE TRIGGER stats_requests_insert AFTER INSERT ON requests REFERENCING NEW TABLE AS new_rows
      FOR EACH STATEMENT EXECUTE FUNCTION stats_requests_changed()`);
    await q.query(`CREATE TRIGGER stats_requests_update AFTER UPDATE ON requests REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
      FOR EACH STATEMENT EXECUTE FUNCTION stats_requests_changed()`);
    await q.query(`CREATE TRIGGER stats_requests_delete AFTER DELETE ON requests REFERENCING OLD TABLE AS old_rows
      FOR EACH STATEMENT EXECUTE FUNCTION stats_requests_changed()`);

    await q.query(`CREATE FUNCTION request_items_changed() RETURNS trigger LANGUAGE plpgsql AS $fn$
      ${CHANGED_ROWS}
      BEGIN
        -- A bulk import writes the counts with the requests themselves (tracker.bulk_counts = on).
        IF current_setting('tracker.bulk_counts', true) = 'on' THEN RETURN NULL; END IF;
        EXECUTE format($q$
          UPDATE requests r SET items_total = r.items_total + d.total, items_removed = r.items_removed + d.removed,
                 items_still_online = r.items_still_online + d.online
          FROM (SELECT request_id, sum(sign) AS total, sum(sign * (state = 'removed')::int) AS removed,
                       sum(sign * (state = 'still_online')::int) AS online
                FROM (%1$s) c GROUP BY request_id
                HAVING sum(sign) <> 0 OR sum(sign * (state = 'removed')::int) <> 0 OR sum(sign * (state = 'still_online')::int) <> 0) d
          WHERE r.id = d.request_id$q$, changed);
        RETURN NULL;
      END $fn$`);
    await q.query(`CREATE TRIGGER request_items_insert AFTER INSERT ON request_items REFERENCING NEW TABLE AS new_rows
      FOR EACH STATEMENT EXECUTE FUNCTION request_items_changed()`);
    await q.query(`CREATE TRIGGER request_items_update AFTER UPDATE ON request_items REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
      FOR EACH STATEMENT EXECUTE FUNCTION request_items_changed()`);
    await q.query(`CREATE TRIGGER request_items_delete AFTER DELETE ON request_items REFERENCING OLD TABLE AS old_rows
      FOR EACH STATEMENT EXECUTE FUNCTION request_items_changed()`);

    // TRUNCATE fires no row or statement DELETE triggers: empty what depends on the truncated table.
    await q.query(`CREATE FUNCTION stats_requests_truncated() RETURNS trigger LANGUAGE plpgsql AS $fn$
      BEGIN TRUNCATE stats_months, response_histogram, removal_histogram; RETURN NULL; END $fn$`);
    await q.query(
      `CREATE TRIGGER stats_requests_truncate AFTER TRUNCATE ON requests FOR EACH STATEMENT EXECUTE FUNCTION stats_requests_truncated()`,
    );
    await q.query(`CREATE FUNCTION request_items_truncated() RETURNS trigger LANGUAGE plpgsql AS $fn$
      BEGIN UPDATE requests SET items_total = 0, items_removed = 0, items_still_online = 0 WHERE items_total <> 0; RETURN NULL; END $fn$`);
    await q.query(
      `CREATE TRIGGER request_items_truncate AFTER TRUNCATE ON request_items FOR EACH STATEMENT EXECUTE FUNCTION request_items_truncated()`,
    );

    // Fill the rollups from the requests already there.
    await q.query(`CREATE TEMP TABLE new_rows ON COMMIT DROP AS SELECT * FROM requests`);
    await q.query(`INSERT INTO stats_months (platform_id, month, ${MONTH_COLUMNS.map(([name]) => name).join(', ')})
      SELECT platform_id, ${MONTH}, ${sums} FROM (SELECT 1 AS sign, * FROM new_rows) c WHERE ${COUNTED} GROUP BY 1, 2`);
    await q.query(
      histogram('response_histogram', RESPONSE_HOUR, 'first_response_at IS NOT NULL').replace('%1$s', 'SELECT 1 AS sign, * FROM new_rows'),
    );
    await q.query(histogram('removal_histogram', REMOVAL_HOUR, REMOVED).replace('%1$s', 'SELECT 1 AS sign, * FROM new_rows'));
    await q.query(`DROP TABLE new_rows`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER request_items_truncate ON request_items`);
    await q.query(`DROP TRIGGER stats_requests_truncate ON requests`);
    await q.query(`DROP FUNCTION request_items_truncated()`);
    await q.query(`DROP FUNCTION stats_requests_truncated()`);
    for (const event of ['insert', 'update', 'delete']) {
      await q.query(`DROP TRIGGER request_items_${event} ON request_items`);
      await q.query(`DROP TRIGGER stats_requests_${event} ON requests`);
    }
    await q.query(`DROP FUNCTION request_items_changed()`);
    await q.query(`DROP FUNCTION stats_requests_changed()`);
    for (const index of [
      'ix_requests_response_hour',
      'ix_requests_removal_hour',
      'ix_requests_unanswered_sent_at',
      'ix_requests_unanswered_due_at',
      'ix_requests_first_response_at',
      'ix_requests_resolved_at',
      'ix_request_items_checked_at',
    ]) {
      await q.query(`DROP INDEX ${index}`);
    }
    await q.query(`DROP TABLE removal_histogram, response_histogram, stats_months`);
    await q.query(`ALTER TABLE requests DROP COLUMN items_total, DROP COLUMN items_removed, DROP COLUMN items_still_online`);
  }
}

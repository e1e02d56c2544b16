import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { StatsScope } from './stats-scope';
import { REMOVAL_OUTCOMES, sqlValues, undeliveredSql } from '../../../domain/src';

/** One row of aggregates as PostgreSQL returns them, before rates are derived. */
export interface MetricsRow {
  platform_id: number;
  platform: string;
  grp: string | null;
  sent: number;
  responded: number;
  median_response_hours: number | null;
  p90_response_hours: number | null;
  overdue: number;
  on_time: number;
  items_requested: number;
  items_removed: number;
  items_still_online: number;
  removed_completely: number;
  removed_partially: number;
  not_removed: number;
  median_removal_hours: number | null;
  km_median_response_hours: number | null;
}

export interface ContentRow {
  pieces: number;
  items: number;
  removed_everywhere: number;
  removed_somewhere: number;
  still_online: number;
}

// date_part gives float8 directly; extract(epoch ...) computes in numeric, several times slower.
const HOURS = (interval: string) => `date_part('epoch', ${interval}) / 3600`;

/**
 * An item's state as of $1: the stored state when its latest check is not after $1 (the usual case,
 * and no extra read), else the state of its last change at or before $1, else pending.
 */
const ITEM_STATE_AS_OF = `CASE WHEN i.checked_at IS NULL OR i.checked_at <= $1 THEN i.state ELSE coalesce(
  (SELECT c.state FROM request_item_changes c WHERE c.item_id = i.id AND c.occurred_at <= $1
   ORDER BY c.occurred_at DESC, c.id DESC LIMIT 1), 'pending') END`;

/**
 * Kaplan-Meier over `base` (see metricsSql): at each time t (hours) at which a first response came, the
 * estimated share `s` of requests still unanswered, counting unanswered requests as censored at $1.
 */
const KAPLAN_MEIER = `km_steps AS (
  SELECT platform_id, grp, ${HOURS('coalesce(first_at, $1) - sent_at')} AS t,
         count(*) FILTER (WHERE first_at IS NOT NULL) AS d, count(*) AS m
  FROM base GROUP BY 1, 2, 3
),
survival AS (
  SELECT platform_id, grp, t,
         CASE WHEN bool_or(d = n) OVER w THEN 0 ELSE exp(sum(ln(nullif(1 - d::float8 / n, 0))) OVER w) END AS s
  FROM (SELECT *, sum(m) OVER (PARTITION BY platform_id, grp ORDER BY t DESC) AS n FROM km_steps) at_risk
  WHERE d > 0
  WINDOW w AS (PARTITION BY platform_id, grp ORDER BY t)
)`;

/** The requests counted, for metricsSql and the curve alike. */
const baseCte = (scope: StatsScope, grp: string) => `base AS MATERIALIZED (
  SELECT r.id, r.platform_id, ${grp} AS grp, r.type, r.sent_at, r.due_at, r.outcome, r.resolved_at, r.delivery_failed_at,
         CASE WHEN r.first_response_at <= $1 THEN r.first_response_at END AS first_at
  FROM requests r WHERE ${scope.conditions.join(' AND ')}
)`;

/**
 * The Kaplan-Meier curve per platform with requests: the share still unanswered at the end of each
 * whole hour in which a first response came (flat in between; no row with an hour when none came).
 */
export function kmCurveSql(scope: StatsScope): string {
  return `WITH ${baseCte(scope, 'NULL::text')}, ${KAPLAN_MEIER}
SELECT b.platform_id, p.name AS platform, floor(s.t)::int AS hour, min(s.s) AS unanswered
FROM (SELECT DISTINCT platform_id FROM base) b JOIN platforms p ON p.id = b.platform_id
LEFT JOIN survival s ON s.platform_id = b.platform_id
GROUP BY 1, 2, 3 ORDER BY p.name, 3`;
}

/**
 * The responsiveness metrics of DOMAIN.md, computed inside PostgreSQL, grouped by platform and by
 * `grp` (nothing, a period, or a dimension such as type).
 */
export function metricsSql(scope: StatsScope, grp: string, allPlatforms: boolean): string {
  // With every platform listed, the last parameter optionally narrows the list to one.
  const onePlatform = `$${scope.params.length + 1}::int`;
  return `
WITH ${baseCte(scope, grp)},
removal AS (
  SELECT b.id, count(*) AS requested,
         count(*) FILTER (WHERE s.state = 'removed') AS removed,
         count(*) FILTER (WHERE s.state = 'still_online') AS still_online
  FROM base b
  JOIN request_items i ON i.request_id = b.id
  CROSS JOIN LATERAL (SELECT ${ITEM_STATE_AS_OF} AS state) s
  WHERE b.type = 'removal'
  GROUP BY b.id
),
${KAPLAN_MEIER},
km AS (
  SELECT platform_id, grp, min(t) FILTER (WHERE s <= 0.5 + 1e-9) AS km_median FROM survival GROUP BY 1, 2
),
agg AS (
  SELECT b.platform_id, b.grp,
    count(*) AS sent,
    count(b.first_at) AS responded,
    percentile_cont(0.5) WITHIN GROUP (ORDER BY ${HOURS('b.first_at - b.sent_at')}) AS median_response_hours,
    percentile_cont(0.9) WITHIN GROUP (ORDER BY ${HOURS('b.first_at - b.sent_at')}) AS p90_response_hours,
    count(*) FILTER (WHERE b.first_at IS NULL AND b.due_at < $1 AND NOT ${undeliveredSql('$1', 'b')}) AS overdue,
    count(*) FILTER (WHERE b.first_at <= b.due_at) AS on_time,
    coalesce(sum(rm.requested), 0) AS items_requested,
    coalesce(sum(rm.removed), 0) AS items_removed,
    coalesce(sum(rm.still_online), 0) AS items_still_online,
    count(rm.id) FILTER (WHERE rm.removed = rm.requested) AS removed_completely,
    count(rm.id) FILTER (WHERE rm.removed > 0 AND rm.removed < rm.requested) AS removed_partially,
    count(rm.id) FILTER (WHERE rm.removed = 0) AS not_removed,
    percentile_cont(0.5) WITHIN GROUP (ORDER BY ${HOURS('b.resolved_at - b.sent_at')})
      FILTER (WHERE b.outcome IN (${sqlValues(REMOVAL_OUTCOMES)}) AND b.resolved_at <= $1) AS median_removal_hours
  FROM base b LEFT JOIN removal rm ON rm.id = b.id
  GROUP BY 1, 2
)
SELECT p.id AS platform_id, p.name AS platform, agg.grp,
  coalesce(agg.sent, 0)::int AS sent, coalesce(agg.responded, 0)::int AS responded,
  agg.median_response_hours, agg.p90_response_hours,
  coalesce(agg.overdue, 0)::int AS overdue, coalesce(agg.on_time, 0)::int AS on_time,
  coalesce(agg.items_requested, 0)::int AS items_requested, coalesce(agg.items_removed, 0)::int AS items_removed,
  coalesce(agg.items_still_online, 0)::int AS items_still_online,
  coalesce(agg.removed_completely, 0)::int AS removed_completely,
  coalesce(agg.removed_partially, 0)::int AS removed_partially, coalesce(agg.not_removed, 0)::int AS not_removed,
  agg.median_removal_hours, km.km_median AS km_median_response_hours
FROM ${allPlatforms ? 'platforms p LEFT JOIN agg ON agg.platform_id = p.id' : 'agg JOIN platforms p ON p.id = agg.platform_id'}
LEFT JOIN km ON km.platform_id = agg.platform_id AND km.grp IS NOT DISTINCT FROM agg.grp
${allPlatforms ? `WHERE ${onePlatform} IS NULL OR p.id = ${onePlatform}` : ''}
ORDER BY p.name, agg.grp`;
}

@Injectable()
export class ResponsivenessRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** One row per platform (every platform, or the one asked for), zero-filled. */
  perPlatform(scope: StatsScope, platformId?: number): Promise<MetricsRow[]> {
    return this.run(metricsSql(scope, 'NULL::text', true), [...scope.params, platformId ?? null]);
  }

  /** One row per platform and group that has requests; `grp` is a trusted SQL expression. */
  perGroup(scope: StatsScope, grp: string): Promise<MetricsRow[]> {
    return this.run(metricsSql(scope, grp, false), scope.params);
  }

  /** Sorting a million response times needs more than the default 4 MB to stay in memory. */
  private run(sql: string, params: unknown[]): Promise<MetricsRow[]> {
    return this.dataSource.transaction(async (em) => {
      await em.query(`SET LOCAL work_mem = '64MB'`);
      return em.query(sql, params);
    });
  }

  kmCurve(scope: StatsScope): Promise<{ platform_id: number; platform: string; hour: number | null; unanswered: number | null }[]> {
    return this.run(kmCurveSql(scope), scope.params) as never;
  }

  /** The NGO's three numbers: pieces of content (items sharing a contentHash) removed everywhere, somewhere, nowhere. */
  async content(scope: StatsScope): Promise<ContentRow> {
    const [row] = await this.run(
      `WITH pieces AS (
         SELECT coalesce(i.content_hash, 'item:' || i.id) AS piece, count(*) AS items,
                count(*) FILTER (WHERE s.state = 'removed') AS removed
         FROM requests r
         JOIN request_items i ON i.request_id = r.id
         CROSS JOIN LATERAL (SELECT ${ITEM_STATE_AS_OF} AS state) s
         WHERE ${scope.conditions.join(' AND ')}
         GROUP BY 1
       )
       SELECT count(*)::int AS pieces, coalesce(sum(items), 0)::int AS items,
              count(*) FILTER (WHERE removed = items)::int AS removed_everywhere,
              count(*) FILTER (WHERE removed > 0 AND removed < items)::int AS removed_somewhere,
              count(*) FILTER (WHERE removed = 0)::int AS still_online
       FROM pieces`,
      scope.params,
    );
    return row as unknown as ContentRow;
  }
}

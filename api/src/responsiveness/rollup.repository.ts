import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { MetricsRow } from './responsiveness.repository';
import { type Histogram, kaplanMeierMedian, percentileCont } from './rollup-math';
import type { StatsQueryDto } from './stats-query.dto';
import { countedSql, REMOVAL_OUTCOMES, sqlValues, undeliveredSql } from '../../../domain/src';

const COUNTED = countedSql('r');
// The same expressions as the migration's indexes, so that reading one hour is an index range scan.
const RESPONSE_HOUR = `floor(date_part('epoch', r.first_response_at - r.sent_at) / 3600)::int`;
const REMOVAL_HOUR = `floor(date_part('epoch', r.resolved_at - r.sent_at) / 3600)::int`;
const REMOVED = `r.outcome IN (${sqlValues(REMOVAL_OUTCOMES)}) AND r.resolved_at IS NOT NULL`;

const isMonthStart = (d: Date) =>
  d.getUTCDate() === 1 && d.getUTCHours() === 0 && d.getUTCMinutes() === 0 && d.getUTCSeconds() === 0 && d.getUTCMilliseconds() === 0;

interface Window {
  from: Date | null;
  to: Date | null;
  asOf: Date;
  platformId: number | null;
}

/**
 * The per-platform metrics from the rollups (migration StatsRollups), giving the same numbers as the
 * exact query in responsiveness.repository.ts when `covers` says so: no filter but the platform, a
 * period of whole UTC months, and an asOf no earlier than anything recorded (so the current state is
 * the state as of asOf). Reads a few thousand rollup rows and a few hundred requests, whatever the size.
 */
@Injectable()
export class RollupRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async covers(query: StatsQueryDto, asOf: Date): Promise<boolean> {
    if (query.type || query.category || query.channel || query.agencyId) return false;
    if ((query.from && !isMonthStart(new Date(query.from))) || (query.to && !isMonthStart(new Date(query.to)))) return false;
    // As of now (no asOf given): nothing recorded can be dated later, since events in the future are
    // refused. Checking anyway would send every call racing a concurrent write to the exact query,
    // seconds at a million requests; a write committed during the call is counted or not, as by any read.
    if (query.asOf === undefined) return true;
    const [{ latest }] = await this.dataSource.query(`SELECT greatest(
      (SELECT max(sent_at) FROM requests), (SELECT max(first_response_at) FROM requests),
      (SELECT max(resolved_at) FROM requests), (SELECT max(checked_at) FROM request_items)) AS latest`);
    return latest === null || asOf >= latest;
  }

  async perPlatform(query: StatsQueryDto, asOf: Date): Promise<MetricsRow[]> {
    const w: Window = {
      from: query.from ? new Date(query.from) : null,
      to: query.to ? new Date(query.to) : null,
      asOf,
      platformId: query.platformId ?? null,
    };
    const [counts, responses, removals, dueLater] = await Promise.all([
      this.dataSource.query(
        `SELECT p.id AS platform_id, p.name AS platform, coalesce(sum(m.sent), 0)::int AS sent, coalesce(sum(m.responded), 0)::int AS responded,
                coalesce(sum(m.on_time), 0)::int AS on_time, coalesce(sum(m.items_requested), 0)::int AS items_requested,
                coalesce(sum(m.items_removed), 0)::int AS items_removed, coalesce(sum(m.items_still_online), 0)::int AS items_still_online,
                coalesce(sum(m.removed_completely), 0)::int AS removed_completely, coalesce(sum(m.removed_partially), 0)::int AS removed_partially,
                coalesce(sum(m.not_removed), 0)::int AS not_removed
         FROM platforms p LEFT JOIN stats_months m ON m.platform_id = p.id AND ($1::date IS NULL OR m.month >= $1) AND ($2::date IS NULL OR m.month < $2)
         WHERE $3::int IS NULL OR p.id = $3
         GROUP BY p.id ORDER BY p.name`,
        [w.from, w.to, w.platformId],
      ) as Promise<(MetricsRow & { on_time: number })[]>,
      this.histograms('response_histogram', w),
      this.histograms('removal_histogram', w),
      // Unanswered but not yet due at asOf, or not delivered: not overdue.
      this.dataSource.query(
        `SELECT r.platform_id, count(*)::int AS n FROM requests r
         WHERE ${COUNTED} AND r.first_response_at IS NULL AND (r.due_at >= $1 OR ${undeliveredSql('$1')}) ${this.period(2)}
         GROUP BY 1`,
        this.periodParams(w, [asOf]),
      ) as Promise<{ platform_id: number; n: number }[]>,
    ]);

    return Promise.all(
      counts.map(async (c) => {
        const events = responses.get(c.platform_id) ?? [];
        const removed = removals.get(c.platform_id) ?? [];
        const responseHours = this.hourReader(
          w,
          c.platform_id,
          RESPONSE_HOUR,
          'r.first_response_at - r.sent_at',
          'r.first_response_at IS NOT NULL',
        );
        const removalHours = this.hourReader(w, c.platform_id, REMOVAL_HOUR, 'r.resolved_at - r.sent_at', REMOVED);
        const lastEventHour = events.length ? events[events.length - 1].hour : -1;
        const [median, p90, removalMedian, km] = await Promise.all([
          percentileCont(events, 0.5, responseHours),
          percentileCont(events, 0.9, responseHours),
          percentileCont(removed, 0.5, removalHours),
          this.censoredWithin(w, c.platform_id, lastEventHour).then((censored) =>
            kaplanMeierMedian(events, c.sent, censored, responseHours),
          ),
        ]);
        return {
          ...c,
          grp: null,
          overdue: c.sent - c.responded - (dueLater.find((d) => d.platform_id === c.platform_id)?.n ?? 0),
          median_response_hours: median,
          p90_response_hours: p90,
          median_removal_hours: removalMedian,
          km_median_response_hours: km,
        };
      }),
    );
  }

  private async histograms(table: string, w: Window): Promise<Map<number, Histogram>> {
    const rows: { platform_id: number; hour: number; n: number }[] = await this.dataSource.query(
      `SELECT platform_id, hour, sum(n)::int AS n FROM ${table}
       WHERE ($1::date IS NULL OR month >= $1) AND ($2::date IS NULL OR month < $2) AND ($3::int IS NULL OR platform_id = $3)
       GROUP BY 1, 2 HAVING sum(n) > 0 ORDER BY 1, 2`,
      [w.from, w.to, w.platformId],
    );
    const byPlatform = new Map<number, Histogram>();
    for (const r of rows) byPlatform.set(r.platform_id, [...(byPlatform.get(r.platform_id) ?? []), { hour: r.hour, n: r.n }]);
    return byPlatform;
  }

  /** Reads the exact hours of the requests of one platform in one whole hour, ascending (cached per hour). */
  private hourReader(w: Window, platformId: number, hourExpr: string, interval: string, where: string) {
    const cache = new Map<number, Promise<number[]>>();
    return (hour: number) => {
      if (!cache.has(hour)) {
        cache.set(
          hour,
          this.dataSource
            .query(
              `SELECT date_part('epoch', ${interval}) / 3600 AS h FROM requests r
               WHERE r.platform_id = $1 AND ${where} AND ${hourExpr} = $2 AND ${COUNTED} ${this.period(3)}
               ORDER BY 1`,
              this.periodParams(w, [platformId, hour]),
            )
            .then((rows: { h: number }[]) => rows.map((r) => r.h)),
        );
      }
      return cache.get(hour)!;
    };
  }

  /** Censoring times (asOf - sentAt, hours) of the unanswered requests that fall within the answered hours. */
  private async censoredWithin(w: Window, platformId: number, lastHour: number): Promise<number[]> {
    if (lastHour < 0) return [];
    const since = new Date(w.asOf.getTime() - (lastHour + 1) * 3600_000);
    const rows: { t: number }[] = await this.dataSource.query(
      `SELECT date_part('epoch', $1::timestamptz - r.sent_at) / 3600 AS t FROM requests r
       WHERE r.platform_id = $2 AND ${COUNTED} AND r.first_response_at IS NULL AND r.sent_at > $3 ${this.period(4)}`,
      this.periodParams(w, [w.asOf, platformId, since]),
    );
    return rows.map((r) => r.t).filter((t) => Math.floor(t) <= lastHour);
  }

  /** The period as conditions on r.sent_at, numbered from parameter `first`. */
  private period(first: number): string {
    return `AND ($${first}::timestamptz IS NULL OR r.sent_at >= $${first}) AND ($${first + 1}::timestamptz IS NULL OR r.sent_at < $${first + 1})
            AND ($${first + 2}::int IS NULL OR r.platform_id = $${first + 2})`;
  }

  private periodParams(w: Window, before: unknown[]): unknown[] {
    return [...before, w.from, w.to, w.platformId];
  }
}

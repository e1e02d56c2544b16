import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import DataLoader from 'dataloader';
import { DataSource } from 'typeorm';
import type { MetricsRow } from './responsiveness.repository';
import { type Histogram, type HourValues, kaplanMeierCurve, kaplanMeierMedian, percentileCont } from './rollup-math';
import { facetOf, Params, requestConditions, rollupConditions, rollupWindow, type RollupWindow, yearsAndMonths } from './rollup-window';
import type { StatsQueryDto } from './stats-query.dto';
import { REMOVAL_OUTCOMES, ROLLUP_COUNTS, type RollupCount, sqlValues, undeliveredSql } from '../../../domain/src';

/** How cells are grouped: one per platform (null), or per platform and calendar period of sending. */
export type Grouping = null | 'month' | 'quarter' | 'year';

// The same expressions as the migrations' indexes, so that reading one hour (of one month) is an index range.
const MONTH = `(date_trunc('month', r.sent_at AT TIME ZONE 'UTC'))::date`;
const HISTOGRAMS = {
  response: {
    table: 'response_histogram',
    hour: `floor(date_part('epoch', r.first_response_at - r.sent_at) / 3600)::int`,
    value: `date_part('epoch', r.first_response_at - r.sent_at) / 3600`,
    where: 'r.first_response_at IS NOT NULL',
  },
  removal: {
    table: 'removal_histogram',
    hour: `floor(date_part('epoch', r.resolved_at - r.sent_at) / 3600)::int`,
    value: `date_part('epoch', r.resolved_at - r.sent_at) / 3600`,
    where: `r.outcome IN (${sqlValues(REMOVAL_OUTCOMES)}) AND r.resolved_at IS NOT NULL`,
  },
} as const;
type Measure = keyof typeof HISTOGRAMS;

const COUNT_NAMES = ROLLUP_COUNTS.map(([name]) => name);
type Counts = Record<RollupCount, number> & { platform_id: number; grp: string | null };

/** The group of a rollup row (alias m) or of a request (alias r): the date its period starts (as text once grouped), or NULL. */
const groupOfMonth = (g: Grouping) => (g === 'month' ? 'm.month' : g ? `date_trunc('${g}', m.month::timestamp)::date` : 'NULL::date');
const groupOfRequest = (g: Grouping) => (g ? `date_trunc('${g}', r.sent_at AT TIME ZONE 'UTC')::date` : 'NULL::date');
const LENGTH = { month: '1 month', quarter: '3 months', year: '1 year' } as const;
const cell = (platformId: number, grp: string | null) => `${platformId}|${grp ?? ''}`;

/**
 * The responsiveness metrics from the rollups (migrations StatsRollups and FacetRollups), giving the
 * same numbers as the exact query in responsiveness.repository.ts when `covers` says so: no filter
 * but the platform and one type or category, and an asOf no earlier than anything recorded (so the
 * current state is the state as of asOf). Whole months are read from the rollups and the part-months
 * at a period's edges from the requests; a percentile's hour comes from the hour histograms and only
 * that hour's exact values are read from the requests, in one statement for all the cells of a call.
 */
@Injectable()
export class RollupRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async covers(query: StatsQueryDto, asOf: Date): Promise<boolean> {
    if (facetOf(query) === undefined) return false;
    // As of now (no asOf given): nothing recorded can be dated later, since events in the future are
    // refused. Checking anyway would send every call racing a concurrent write to the exact query,
    // seconds at a million requests; a write committed during the call is counted or not, as by any read.
    if (query.asOf === undefined) return true;
    const [{ latest }] = await this.dataSource.query(`SELECT greatest(
      (SELECT max(sent_at) FROM requests), (SELECT max(first_response_at) FROM requests),
      (SELECT max(resolved_at) FROM requests), (SELECT max(checked_at) FROM request_items)) AS latest`);
    return latest === null || asOf >= latest;
  }

  /** One row per platform (every platform, or the one asked for), zero-filled. */
  async perPlatform(query: StatsQueryDto, asOf: Date): Promise<MetricsRow[]> {
    const w = rollupWindow(query, asOf);
    const [platforms, cells] = await Promise.all([this.platforms(w), this.metrics(w, null)]);
    return platforms.map((p) => ({ ...(cells.get(cell(p.id, null)) ?? this.empty(p.id, null)), platform: p.name }));
  }

  /** One row per platform and period with requests, ordered by platform name and period. */
  async series(query: StatsQueryDto, interval: Exclude<Grouping, null>, asOf: Date): Promise<MetricsRow[]> {
    const w = rollupWindow(query, asOf);
    const [platforms, cells] = await Promise.all([this.platforms(w), this.metrics(w, interval)]);
    const names = new Map(platforms.map((p, i) => [p.id, { name: p.name, order: i }]));
    return [...cells.values()]
      .filter((c) => c.sent > 0 && names.has(c.platform_id))
      .map((c) => ({ ...c, platform: names.get(c.platform_id)!.name, grp: `${c.grp}T00:00:00.000Z` }))
      .sort((a, b) => names.get(a.platform_id)!.order - names.get(b.platform_id)!.order || a.grp!.localeCompare(b.grp!));
  }

  /** Requests sent per month and how many were answered, over the given platforms (all when empty). */
  async monthlyTotals(
    query: StatsQueryDto,
    asOf: Date,
    platformIds: number[],
  ): Promise<{ period: string; sent: number; responded: number }[]> {
    const w = rollupWindow(query, asOf, platformIds.length ? platformIds : null);
    const byMonth = new Map<string, { period: string; sent: number; responded: number }>();
    for (const c of await this.counts(w, 'month')) {
      const month = byMonth.get(c.grp!) ?? { period: `${c.grp}T00:00:00.000Z`, sent: 0, responded: 0 };
      month.sent += c.sent;
      month.responded += c.responded;
      byMonth.set(c.grp!, month);
    }
    return [...byMonth.values()].filter((m) => m.sent > 0).sort((a, b) => a.period.localeCompare(b.period));
  }

  /** How many requests are overdue at asOf: unanswered, less those not yet due or not delivered. */
  async overdue(query: StatsQueryDto, asOf: Date): Promise<number> {
    const w = rollupWindow(query, asOf);
    const [counts, dueLater] = await Promise.all([this.counts(w, null), this.dueLater(w, null)]);
    return counts.reduce((n, c) => n + c.sent - c.responded, 0) - [...dueLater.values()].reduce((n, d) => n + d, 0);
  }

  /** The Kaplan-Meier curve per platform with requests, as the exact kmCurveSql gives it, up to maxHours. */
  async kmCurves(
    query: StatsQueryDto,
    asOf: Date,
    maxHours: number,
  ): Promise<{ platform_id: number; platform: string; hour: number | null; unanswered: number | null }[]> {
    const w = rollupWindow(query, asOf);
    const since = new Date(asOf.getTime() - maxHours * 3600_000);
    const [platforms, counts, events, censored] = await Promise.all([
      this.platforms(w),
      this.counts(w, null),
      this.histograms('response', w, null),
      this.censored(w, null, since),
    ]);
    const values = this.hourValues('response', w, null);
    const sent = new Map(counts.map((c) => [c.platform_id, c.sent]));
    const curves = await Promise.all(
      platforms
        .filter((p) => (sent.get(p.id) ?? 0) > 0)
        .map(async (p) => {
          const key = cell(p.id, null);
          const points = await kaplanMeierCurve(
            events.get(key) ?? [],
            sent.get(p.id)!,
            censored.get(key) ?? [],
            (h) => values(key, h),
            maxHours,
          );
          return points.length
            ? points.map((pt) => ({ platform_id: p.id, platform: p.name, ...pt }))
            : [{ platform_id: p.id, platform: p.name, hour: null, unanswered: null }];
        }),
    );
    return curves.flat();
  }

  /** Every metric of every cell with requests, keyed by cell. */
  private async metrics(w: RollupWindow, g: Grouping): Promise<Map<string, MetricsRow>> {
    const [counts, responses, removals, dueLater] = await Promise.all([
      this.counts(w, g),
      this.histograms('response', w, g),
      this.histograms('removal', w, g),
      this.dueLater(w, g),
    ]);
    // Only the unanswered requests censored within some cell's answered hours matter to its median.
    const lastHour = Math.max(-1, ...[...responses.values()].map((h) => h[h.length - 1].hour));
    const censored =
      lastHour < 0 ? new Map<string, number[]>() : await this.censored(w, g, new Date(w.asOf.getTime() - (lastHour + 1) * 3600_000));
    const responseValues = this.hourValues('response', w, g);
    const removalValues = this.hourValues('removal', w, g);

    const rows = await Promise.all(
      counts.map(async (c): Promise<MetricsRow> => {
        const key = cell(c.platform_id, c.grp);
        const events = responses.get(key) ?? [];
        const lastEventHour = events.length ? events[events.length - 1].hour : -1;
        const responseHours: HourValues = (h) => responseValues(key, h);
        const removalHours: HourValues = (h) => removalValues(key, h);
        const [median, p90, removalMedian, km] = await Promise.all([
          percentileCont(events, 0.5, responseHours),
          percentileCont(events, 0.9, responseHours),
          percentileCont(removals.get(key) ?? [], 0.5, removalHours),
          kaplanMeierMedian(
            events,
            c.sent,
            (censored.get(key) ?? []).filter((t) => Math.floor(t) <= lastEventHour),
            responseHours,
          ),
        ]);
        return {
          ...c,
          platform: '',
          overdue: c.sent - c.responded - (dueLater.get(key) ?? 0),
          median_response_hours: median,
          p90_response_hours: p90,
          median_removal_hours: removalMedian,
          km_median_response_hours: km,
        };
      }),
    );
    return new Map(rows.map((r) => [cell(r.platform_id, r.grp), r]));
  }

  private empty(platformId: number, grp: string | null): MetricsRow {
    return {
      ...(Object.fromEntries(COUNT_NAMES.map((n) => [n, 0])) as Record<RollupCount, number>),
      platform_id: platformId,
      platform: '',
      grp,
      overdue: 0,
      median_response_hours: null,
      p90_response_hours: null,
      median_removal_hours: null,
      km_median_response_hours: null,
    };
  }

  private platforms(w: RollupWindow): Promise<{ id: number; name: string }[]> {
    return w.platformIds
      ? this.dataSource.query(`SELECT id, name FROM platforms WHERE id = ANY($1::int[]) ORDER BY name`, [w.platformIds])
      : this.dataSource.query(`SELECT id, name FROM platforms ORDER BY name`);
  }

  /** The additive counts per cell: the whole months' rollup rows and the edges' requests, summed. */
  private async counts(w: RollupWindow, g: Grouping): Promise<Counts[]> {
    const params = new Params();
    const parts: string[] = [];
    if (w.wholeMonths)
      parts.push(`SELECT m.platform_id, ${groupOfMonth(g)} AS grp, ${COUNT_NAMES.map((n) => `m.${n}`).join(', ')}
                  FROM stats_months m WHERE ${rollupConditions(w, params)}`);
    const edges = requestConditions(w, params, true);
    if (edges)
      parts.push(`SELECT r.platform_id, ${groupOfRequest(g)} AS grp, ${ROLLUP_COUNTS.map(([name, sql]) => `${sql} AS ${name}`).join(', ')}
                  FROM requests r WHERE ${edges}`);
    if (parts.length === 0) return [];
    return this.dataSource.query(
      `SELECT platform_id, grp::text, ${COUNT_NAMES.map((n) => `sum(${n})::int AS ${n}`).join(', ')}
       FROM (${parts.join(' UNION ALL ')}) c GROUP BY 1, 2`,
      params.values,
    );
  }

  /** Per cell, how many requests were answered (or removed) within each whole hour, ascending. */
  private async histograms(measure: Measure, w: RollupWindow, g: Grouping): Promise<Map<string, Histogram>> {
    const h = HISTOGRAMS[measure];
    const params = new Params();
    const parts: string[] = [];
    if (w.wholeMonths && g === null) {
      // One row per platform and hour: whole years from the yearly histograms, twelve times fewer rows.
      const { years, months } = yearsAndMonths(w);
      if (years)
        parts.push(
          `SELECT m.platform_id, NULL::date AS grp, m.hour, m.n FROM ${h.table}_years m WHERE ${rollupConditions(w, params, 'year', years)}`,
        );
      for (const span of months)
        parts.push(
          `SELECT m.platform_id, NULL::date AS grp, m.hour, m.n FROM ${h.table} m WHERE ${rollupConditions(w, params, 'month', span)}`,
        );
    } else if (w.wholeMonths)
      parts.push(`SELECT m.platform_id, ${groupOfMonth(g)} AS grp, m.hour, m.n FROM ${h.table} m WHERE ${rollupConditions(w, params)}`);
    const edges = requestConditions(w, params, true);
    if (edges)
      parts.push(`SELECT r.platform_id, ${groupOfRequest(g)} AS grp, ${h.hour} AS hour, count(*)::int AS n
                  FROM requests r WHERE ${edges} AND ${h.where} GROUP BY 1, 2, 3`);
    const byCell = new Map<string, Histogram>();
    if (parts.length === 0) return byCell;
    // One row per cell, its buckets as arrays in hour order (a monthly series has hundreds of thousands),
    // unsummed: an hour comes once per slot, and once more from the edges, and is added up here, which
    // took a third of the time of summing in SQL first.
    const rows: { platform_id: number; grp: string | null; hours: number[]; ns: number[] }[] = await this.dataSource.query(
      `SELECT platform_id, grp::text, array_agg(hour ORDER BY hour) AS hours, array_agg(n ORDER BY hour) AS ns
       FROM (${parts.join(' UNION ALL ')}) c GROUP BY 1, 2`,
      params.values,
    );
    for (const r of rows) {
      const histogram: Histogram = [];
      r.hours.forEach((hour, i) => {
        const last = histogram[histogram.length - 1];
        if (last?.hour === hour) last.n += r.ns[i];
        else histogram.push({ hour, n: r.ns[i] });
      });
      // An hour whose requests were all deleted is no bucket.
      const buckets = histogram.filter((b) => b.n > 0);
      if (buckets.length) byCell.set(cell(r.platform_id, r.grp), buckets);
    }
    return byCell;
  }

  /** Per cell, the unanswered requests not yet due at asOf, or not delivered: not overdue. */
  private async dueLater(w: RollupWindow, g: Grouping): Promise<Map<string, number>> {
    const params = new Params();
    const asOf = params.p(w.asOf);
    const rows: { platform_id: number; grp: string | null; n: number }[] = await this.dataSource.query(
      `SELECT r.platform_id, ${groupOfRequest(g)}::text AS grp, count(*)::int AS n FROM requests r
       WHERE ${requestConditions(w, params)} AND r.first_response_at IS NULL AND (r.due_at >= ${asOf} OR ${undeliveredSql(asOf)})
       GROUP BY 1, 2`,
      params.values,
    );
    return new Map(rows.map((r) => [cell(r.platform_id, r.grp), r.n]));
  }

  /** Per cell, the censoring times (asOf - sentAt, hours) of the unanswered requests sent after `since`. */
  private async censored(w: RollupWindow, g: Grouping, since: Date): Promise<Map<string, number[]>> {
    const params = new Params();
    const asOf = params.p(w.asOf);
    const rows: { platform_id: number; grp: string | null; t: number }[] = await this.dataSource.query(
      `SELECT r.platform_id, ${groupOfRequest(g)}::text AS grp, date_part('epoch', ${asOf}::timestamptz - r.sent_at) / 3600 AS t FROM requests r
       WHERE ${requestConditions(w, params)} AND r.first_response_at IS NULL AND r.sent_at > ${params.p(since)}`,
      params.values,
    );
    const byCell = new Map<string, number[]>();
    for (const r of rows) {
      const key = cell(r.platform_id, r.grp);
      byCell.set(key, [...(byCell.get(key) ?? []), r.t]);
    }
    return byCell;
  }

  /**
   * The exact values (hours, ascending) within one whole hour of one cell. The reads asked for in the
   * same tick are batched by DataLoader into one statement, each an index range on (platform, hour, month).
   */
  private hourValues(measure: Measure, w: RollupWindow, g: Grouping): (cellKey: string, hour: number) => Promise<number[]> {
    const h = HISTOGRAMS[measure];
    const loader = new DataLoader<string, number[]>(async (keys) => {
      const parsed = keys.map((k) => k.split('|'));
      const params = new Params();
      const [platformIds, groups, hours] = [
        params.p(parsed.map(([p]) => Number(p))),
        params.p(parsed.map(([, grp]) => grp || null)),
        params.p(parsed.map(([, , hour]) => Number(hour))),
      ];
      const inGroup = g ? `AND ${MONTH} >= k.grp::date AND ${MONTH} < (k.grp::date + interval '${LENGTH[g]}')::date` : '';
      const rows: { hs: number[] }[] = await this.dataSource.query(
        `SELECT coalesce((SELECT array_agg(v ORDER BY v) FROM (
                  SELECT ${h.value} AS v FROM requests r
                  WHERE r.platform_id = k.platform_id AND ${h.hour} = k.hour ${inGroup} AND ${h.where} AND ${requestConditions(w, params)}) x),
                '{}') AS hs
         FROM unnest(${platformIds}::int[], ${groups}::text[], ${hours}::int[]) WITH ORDINALITY k(platform_id, grp, hour, i)
         ORDER BY k.i`,
        params.values,
      );
      return rows.map((r) => r.hs.map(Number));
    });
    return (cellKey, hour) => loader.load(`${cellKey}|${hour}`);
  }
}

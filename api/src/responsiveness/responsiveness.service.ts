import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { findPage, type ListQuery } from '../common/http/list-query';
import type { PlatformRequest } from '../requests/request.entity';
import { ContentRollupRepository } from './content-rollup.repository';
import { OVERDUE_LIST, overdueQuery } from './overdue';
import { ResponsivenessRepository } from './responsiveness.repository';
import { RollupRepository } from './rollup.repository';
import {
  type ContentStats,
  type KmCurve,
  type ResponsivenessBreakdownRow,
  type ResponsivenessRow,
  type ResponsivenessSeriesRow,
  toResponsivenessRow,
} from './responsiveness.dto';
import type { BreakdownQueryDto, KmCurveQueryDto, SeriesQueryDto, StatsQueryDto } from './stats-query.dto';
import { statsScope } from './stats-scope';

// Trusted SQL for the group of each series and breakdown; the DTOs only let these names through.
export const PERIOD = (interval: string) =>
  `to_char(date_trunc('${interval}', r.sent_at AT TIME ZONE 'UTC'), 'YYYY-MM-DD"T"00:00:00.000"Z"')`;
const DIMENSION = { type: 'r.type', category: 'r.category', channel: 'r.channel' } as const;

@Injectable()
export class ResponsivenessService {
  constructor(
    private readonly repository: ResponsivenessRepository,
    private readonly rollups: RollupRepository,
    private readonly contentRollups: ContentRollupRepository,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /** From the rollups when they can answer exactly (the common dashboard case), else by the exact query. */
  async perPlatform(query: StatsQueryDto): Promise<ResponsivenessRow[]> {
    const scope = statsScope(query);
    const rows = (await this.rollups.covers(query, scope.asOf))
      ? await this.rollups.perPlatform(query, scope.asOf)
      : await this.repository.perPlatform(scope, query.platformId);
    return rows.map(toResponsivenessRow);
  }

  async series(query: SeriesQueryDto): Promise<ResponsivenessSeriesRow[]> {
    const scope = statsScope(query);
    const interval = query.interval ?? 'month';
    const rows = (await this.rollups.covers(query, scope.asOf))
      ? await this.rollups.series(query, interval, scope.asOf)
      : await this.repository.perGroup(scope, PERIOD(interval));
    return rows.map((r) => ({ ...toResponsivenessRow(r), period: r.grp! }));
  }

  async breakdown(query: BreakdownQueryDto): Promise<ResponsivenessBreakdownRow[]> {
    const rows = await this.repository.perGroup(statsScope(query), DIMENSION[query.by ?? 'type']);
    return rows.map((r) => ({ ...toResponsivenessRow(r), value: r.grp! }));
  }

  /** A chart's worth of points per platform, from the rollups when they can answer exactly. */
  async kmCurves(query: KmCurveQueryDto): Promise<KmCurve[]> {
    const scope = statsScope(query);
    const maxHours = query.maxHours ?? 720;
    const rows = (await this.rollups.covers(query, scope.asOf))
      ? await this.rollups.kmCurves(query, scope.asOf, maxHours)
      : await this.repository.kmCurve(scope);
    const curves = new Map<number, KmCurve>();
    for (const r of rows) {
      if (!curves.has(r.platform_id))
        curves.set(r.platform_id, { platformId: r.platform_id, platform: r.platform, points: [{ hour: 0, unanswered: 1 }] });
      // By the end of hour h, every answer that came within it has happened.
      if (r.hour !== null && r.hour < maxHours) curves.get(r.platform_id)!.points.push({ hour: r.hour + 1, unanswered: r.unanswered! });
    }
    // Each curve runs to maxHours, at its last value (flat: no answer came after its last step).
    for (const curve of curves.values())
      curve.points.push({ hour: maxHours, unanswered: curve.points[curve.points.length - 1].unanswered });
    return [...curves.values()];
  }

  async content(query: StatsQueryDto): Promise<ContentStats> {
    const scope = statsScope(query);
    // Pieces span platforms: the content rollups are not kept per platform.
    const row =
      !query.platformId && (await this.rollups.covers(query, scope.asOf))
        ? await this.contentRollups.content(query, scope.asOf)
        : await this.repository.content(scope);
    return {
      pieces: row.pieces,
      items: row.items,
      removedEverywhere: row.removed_everywhere,
      removedSomewhere: row.removed_somewhere,
      stillOnline: row.still_online,
    };
  }

  /** The overdue list; its total exact from the rollups when they cover its filters (the dashboard's), else counted. */
  async overdue(asOf: Date, list: ListQuery, asOfGiven: boolean): Promise<[PlatformRequest[], number]> {
    const { type, category, ...rest } = list.filter;
    const query = { type, category, ...(asOfGiven && { asOf: asOf.toISOString() }) } as StatsQueryDto;
    // One value each (the list also takes several, which the rollups do not keep together).
    const single = [type, category].every((v) => v === undefined || typeof v === 'string');
    const rolled = single && Object.keys(rest).length === 0 && (await this.rollups.covers(query, asOf));
    return findPage(overdueQuery(this.dataSource, asOf), list, OVERDUE_LIST, rolled ? () => this.rollups.overdue(query, asOf) : undefined);
  }

  /** The same overdue requests, counted per platform (the reminder list), with the first 50 references of each. */
  overdueByPlatform(asOf: Date): Promise<OverdueByPlatform[]> {
    return overdueQuery(this.dataSource, asOf)
      .innerJoin('r.platform', 'p')
      .select(['p.id AS "platformId"', 'p.name AS platform', 'count(*)::int AS overdue', 'min(r.due_at) AS "oldestDueAt"'])
      .addSelect('(array_agg(r.reference ORDER BY r.due_at, r.id))[1:50]', 'references')
      .groupBy('p.id')
      .orderBy('count(*)', 'DESC')
      .addOrderBy('p.name')
      .getRawMany();
  }
}

export interface OverdueByPlatform {
  platformId: number;
  platform: string;
  overdue: number;
  oldestDueAt: Date;
  references: string[];
}

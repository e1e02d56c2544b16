import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { ContentRow } from './responsiveness.repository';
import { Params, requestConditions, rollupWindow } from './rollup-window';
import type { StatsQueryDto } from './stats-query.dto';

const COUNTS = ['pieces', 'items', 'removed_everywhere', 'removed_somewhere', 'still_online'] as const;
const monthOf = (d: Date) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1));

/**
 * The content view (pieces removed everywhere, somewhere, nowhere) from the rollups of migration
 * ContentRollups, the same numbers as the exact query when RollupRepository.covers says so and no
 * platform is asked for. A piece whose items all lie in the period's whole months counts as a whole,
 * summed from content_spans; a piece reaching past them (into a part-month or outside the period) is
 * counted from its items within the period.
 */
@Injectable()
export class ContentRollupRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async content(query: StatsQueryDto, asOf: Date): Promise<ContentRow> {
    const w = rollupWindow(query, asOf);
    const params = new Params();
    const facet = params.p(w.facet);
    const inside = w.wholeMonths
      ? [
          ...(w.monthsFrom ? [`c.first_month >= ${params.p(w.monthsFrom)}::date`] : []),
          ...(w.monthsTo ? [`c.last_month < ${params.p(w.monthsTo)}::date`] : []),
        ].join(' AND ') || 'true'
      : 'false';
    const overlapping = [
      ...(w.from ? [`c.last_month >= ${params.p(monthOf(w.from))}::date`] : []),
      ...(w.to ? [`c.first_month <= ${params.p(monthOf(new Date(w.to.getTime() - 1)))}::date`] : []),
    ];
    const sums = COUNTS.map((n) => `coalesce(sum(${n}), 0)::int AS ${n}`).join(', ');
    const [row] = await this.dataSource.query(
      `WITH whole AS (SELECT ${sums} FROM content_spans c WHERE c.facet = ${facet} AND ${inside}),
       reaching AS (
         SELECT c.piece, count(*) AS items, count(*) FILTER (WHERE i.state = 'removed') AS removed
         FROM content_pieces c
         JOIN request_items i ON coalesce(i.content_hash, 'item:' || i.id) = c.piece
         JOIN requests r ON r.id = i.request_id
         WHERE c.facet = ${facet} AND NOT (${inside}) ${overlapping.map((o) => `AND ${o}`).join(' ')} AND ${requestConditions(w, params)}
         GROUP BY c.piece
       ),
       counted AS (
         SELECT count(*) AS pieces, sum(items) AS items, count(*) FILTER (WHERE removed = items) AS removed_everywhere,
                count(*) FILTER (WHERE removed > 0 AND removed < items) AS removed_somewhere, count(*) FILTER (WHERE removed = 0) AS still_online
         FROM reaching
       )
       SELECT ${COUNTS.map((n) => `(SELECT ${n} FROM whole) + coalesce((SELECT ${n} FROM counted), 0)::int AS ${n}`).join(', ')}`,
      params.values,
    );
    return row as ContentRow;
  }
}

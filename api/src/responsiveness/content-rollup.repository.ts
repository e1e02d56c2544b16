import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { ContentRow } from './responsiveness.repository';
import { Params, requestConditions, rollupWindow } from './rollup-window';
import type { StatsQueryDto } from './stats-query.dto';

const COUNTS = ['pieces', 'items', 'removed_everywhere', 'removed_somewhere', 'still_online'] as const;

/**
 * The content view (pieces removed everywhere, somewhere, nowhere) from the rollups of migrations
 * ContentRollups and ContentPieceMonths, the same numbers as the exact query when
 * RollupRepository.covers says so and no platform is asked for. A piece whose items all lie in the
 * period's whole months counts as a whole, summed from content_spans; a piece reaching past them is
 * counted from what it has within the period: its whole months from content_piece_months, its
 * part-months at the period's edges from the items themselves.
 */
@Injectable()
export class ContentRollupRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async content(query: StatsQueryDto, asOf: Date): Promise<ContentRow> {
    const w = rollupWindow(query, asOf);
    const params = new Params();
    const inWholeMonths = (first: string, last: string) =>
      [
        ...(w.monthsFrom ? [`${first} >= ${params.p(w.monthsFrom)}::date`] : []),
        ...(w.monthsTo ? [`${last} < ${params.p(w.monthsTo)}::date`] : []),
      ].join(' AND ') || 'true';
    const parts: string[] = [];
    let whole = 'SELECT 0 AS pieces, 0 AS items, 0 AS removed_everywhere, 0 AS removed_somewhere, 0 AS still_online';
    if (w.wholeMonths) {
      const facet = params.p(w.facet);
      whole = `SELECT ${COUNTS.map((n) => `coalesce(sum(${n}), 0)::int AS ${n}`).join(', ')} FROM content_spans c
               WHERE c.facet = ${facet} AND ${inWholeMonths('c.first_month', 'c.last_month')}`;
      parts.push(`SELECT m.piece, m.items, m.removed FROM content_piece_months m
                  WHERE m.facet = ${facet} AND ${inWholeMonths('m.month', 'm.month')} AND NOT (${inWholeMonths('m.first_month', 'm.last_month')})`);
    }
    // Every piece with an item in a part-month reaches past the whole months.
    const edges = requestConditions(w, params, true);
    if (edges)
      parts.push(`SELECT coalesce(i.content_hash, 'item:' || i.id) AS piece, 1 AS items, (i.state = 'removed')::int AS removed
                  FROM requests r JOIN request_items i ON i.request_id = r.id WHERE ${edges}`);
    const reaching = parts.length
      ? `SELECT piece, sum(items) AS items, sum(removed) AS removed FROM (${parts.join(' UNION ALL ')}) p GROUP BY piece`
      : 'SELECT NULL::text AS piece, 0 AS items, 0 AS removed WHERE false';
    const [row] = await this.dataSource.query(
      `WITH whole AS (${whole}), reaching AS (${reaching}),
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

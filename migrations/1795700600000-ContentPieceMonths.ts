import { MigrationInterface, QueryRunner } from 'typeorm';
import { countedSql, facetKeysSql } from '../domain/src';
import { MONTH, PIECE, refreshFunction } from './1795700200000-ContentRollups';

/**
 * The content view of a bounded period counted the pieces reaching past its whole months from their
 * items: a join of the period's items with those pieces, 0.7 s for a year at a million requests, where
 * a shared hash joins requests years apart. Kept here, per facet, piece and month, for the pieces whose
 * items span more than one month (the others never reach past a whole month): how many items and how
 * many removed, with the piece's first and last month beside them, so that the whole months' part of
 * those pieces is a read of this table alone (api/src/responsiveness/content-rollup.repository.ts).
 * content_refresh() recomputes a piece's rows with the rest of it, under the same locks.
 */
const months = (pieces: string) => `
  INSERT INTO content_piece_months (facet, piece, month, first_month, last_month, items, removed)
  SELECT * FROM (
    SELECT facet, piece, month, min(month) OVER w AS first_month, max(month) OVER w AS last_month, items, removed FROM (
      SELECT f.facet, ${PIECE} AS piece, ${MONTH} AS month, count(*)::int AS items, count(*) FILTER (WHERE i.state = 'removed')::int AS removed
      FROM request_items i JOIN requests r ON r.id = i.request_id CROSS JOIN LATERAL unnest(${facetKeysSql('r')}) f(facet)
      WHERE ${pieces} AND ${countedSql('r')}
      GROUP BY 1, 2, 3) m
    WINDOW w AS (PARTITION BY facet, piece)) s
  WHERE first_month < last_month`;

export class ContentPieceMonths1795700600000 implements MigrationInterface {
  name = 'ContentPieceMonths1795700600000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE content_piece_months (
      facet text NOT NULL, piece text NOT NULL, month date NOT NULL, first_month date NOT NULL, last_month date NOT NULL,
      items integer NOT NULL, removed integer NOT NULL, PRIMARY KEY (facet, month, piece))`);
    await q.query(`CREATE INDEX ix_content_piece_months_piece ON content_piece_months (piece)`);
    await q.query(
      refreshFunction(`DELETE FROM content_piece_months WHERE piece = ANY(changed);
        ${months(`${PIECE} = ANY(changed)`)};`),
    );
    // The pieces already there whose items span months.
    await q.query(months(`${PIECE} IN (SELECT piece FROM content_pieces WHERE facet = '' AND first_month < last_month)`));
    await q.query(`ANALYZE content_piece_months`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(refreshFunction());
    await q.query(`DROP TABLE content_piece_months`);
  }
}

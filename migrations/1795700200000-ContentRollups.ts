import { MigrationInterface, QueryRunner } from 'typeorm';
import { ADVISORY_LOCK_NAMESPACES, countedSql, facetKeysSql } from '../domain/src';
import { ROLLUP_SLOT } from './1795700050000-RollupSlots';

/**
 * Rollups for the content view (pieces of content removed everywhere, somewhere, nowhere), which
 * counts distinct pieces (items sharing a content hash) and so cannot be summed month by month.
 * - content_pieces: per facet and piece, the first and last month of sending of its counted items,
 *   and how many items it has and how many of them are removed;
 * - content_spans: per facet and (first month, last month), how many pieces, items, and pieces
 *   removed everywhere, somewhere and nowhere: a piece whose months all lie within a period's whole
 *   months counts there as a whole, so such pieces are summed from a few thousand rows; only pieces
 *   reaching past the whole months are counted from their items (api/src/responsiveness/content).
 * A statement trigger recomputes the pieces its rows touch under advisory locks, so that two
 * transactions adding to one piece take turns rather than each writing what it alone saw.
 */
const STRIPES = 256;
export const PIECE = `coalesce(i.content_hash, 'item:' || i.id)`;
export const MONTH = `(date_trunc('month', r.sent_at AT TIME ZONE 'UTC'))::date`;
const SPAN_COUNTS: [string, string][] = [
  ['pieces', '1'],
  ['items', 'items'],
  ['removed_everywhere', '(removed = items)::int'],
  ['removed_somewhere', '(removed > 0 AND removed < items)::int'],
  ['still_online', '(removed = 0)::int'],
];

// Recomputes the given pieces from their items and moves their counts from their old span to the new.
// `inserted`: the pieces of items just inserted, where an item without a hash is a piece no other
// transaction can see yet, so it needs no lock (most items of most creates).
// `more`: statements run after, on the same pieces (ContentPieceMonths keeps their months).
export const refreshFunction = (more = '') =>
  `CREATE OR REPLACE FUNCTION content_refresh(changed text[], inserted boolean) RETURNS void LANGUAGE plpgsql AS $fn$
      BEGIN
        IF cardinality(changed) = 0 THEN RETURN; END IF;
        -- One lock per stripe of pieces, so that a bulk import takes at most ${STRIPES}, in order (no deadlock).
        PERFORM pg_advisory_xact_lock(${ADVISORY_LOCK_NAMESPACES.contentPieces}, h)
          FROM (SELECT DISTINCT hashtext(p) & ${STRIPES - 1} AS h FROM unnest(changed) p WHERE NOT (inserted AND p LIKE 'item:%')) l
          ORDER BY h;
        WITH fresh AS (
          SELECT f.facet, ${PIECE} AS piece, min(${MONTH}) AS first_month, max(${MONTH}) AS last_month,
                 count(*)::int AS items, count(*) FILTER (WHERE i.state = 'removed')::int AS removed
          FROM request_items i JOIN requests r ON r.id = i.request_id CROSS JOIN LATERAL unnest(${facetKeysSql('r')}) f(facet)
          WHERE ${PIECE} = ANY(changed) AND ${countedSql('r')}
          GROUP BY 1, 2
        ),
        old AS (SELECT * FROM content_pieces WHERE piece = ANY(changed)),
        gone AS (DELETE FROM content_pieces c WHERE c.piece = ANY(changed)
                 AND NOT EXISTS (SELECT 1 FROM fresh WHERE fresh.facet = c.facet AND fresh.piece = c.piece)),
        kept AS (INSERT INTO content_pieces SELECT * FROM fresh
                 ON CONFLICT (piece, facet) DO UPDATE SET first_month = excluded.first_month, last_month = excluded.last_month,
                   items = excluded.items, removed = excluded.removed),
        delta AS (SELECT -1 AS sign, * FROM old UNION ALL SELECT 1 AS sign, * FROM fresh)
        INSERT INTO content_spans (facet, first_month, last_month, slot, ${SPAN_COUNTS.map(([name]) => name).join(', ')})
        SELECT facet, first_month, last_month, ${ROLLUP_SLOT}, ${SPAN_COUNTS.map(([, sql]) => `sum(sign * ${sql})`).join(', ')}
        FROM delta GROUP BY 1, 2, 3
        HAVING ${SPAN_COUNTS.map(([, sql]) => `sum(sign * ${sql}) <> 0`).join(' OR ')}
        ORDER BY 1, 2, 3
        ON CONFLICT (facet, first_month, last_month, slot) DO UPDATE SET
          ${SPAN_COUNTS.map(([name]) => `${name} = content_spans.${name} + excluded.${name}`).join(', ')};
        ${more}
      END $fn$`;

/** Statement triggers `<prefix>_insert`, `_update` and `_delete` on `table`, running `fn` with their transition tables. */
export async function statementTriggers(q: QueryRunner, prefix: string, table: string, fn: string): Promise<void> {
  for (const [event, tables] of [
    ['insert', 'NEW TABLE AS new_rows'],
    ['update', 'OLD TABLE AS old_rows NEW TABLE AS new_rows'],
    ['delete', 'OLD TABLE AS old_rows'],
  ]) {
    await q.query(`CREATE TRIGGER ${prefix}_${event} AFTER ${event.toUpperCase()} ON ${table} REFERENCING ${tables}
      FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`);
  }
}

export class ContentRollups1795700200000 implements MigrationInterface {
  name = 'ContentRollups1795700200000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE content_pieces (
      facet text NOT NULL, piece text NOT NULL, first_month date NOT NULL, last_month date NOT NULL,
      items integer NOT NULL, removed integer NOT NULL, PRIMARY KEY (piece, facet))`);
    await q.query(`CREATE INDEX ix_content_pieces_span ON content_pieces (facet, last_month, first_month)`);
    await q.query(`CREATE TABLE content_spans (
      facet text NOT NULL, first_month date NOT NULL, last_month date NOT NULL, slot smallint NOT NULL,
      ${SPAN_COUNTS.map(([name]) => `${name} integer NOT NULL`).join(', ')},
      PRIMARY KEY (facet, first_month, last_month, slot))`);
    await q.query(`CREATE INDEX ix_request_items_piece ON request_items ((coalesce(content_hash, 'item:' || id)))`);

    await q.query(refreshFunction());

    // Items added, changed or deleted: their pieces, old and new (a changed hash moves an item between two).
    await q.query(`CREATE FUNCTION content_items_changed() RETURNS trigger LANGUAGE plpgsql AS $fn$
      BEGIN
        IF TG_OP = 'INSERT' THEN PERFORM content_refresh(ARRAY(SELECT DISTINCT ${PIECE} FROM new_rows i), true);
        ELSIF TG_OP = 'DELETE' THEN PERFORM content_refresh(ARRAY(SELECT DISTINCT ${PIECE} FROM old_rows i), false);
        ELSE PERFORM content_refresh(ARRAY(
          SELECT ${PIECE} FROM new_rows i UNION SELECT ${PIECE} FROM old_rows i), false);
        END IF;
        RETURN NULL;
      END $fn$`);
    await statementTriggers(q, 'content_items', 'request_items', 'content_items_changed');
    // A request that starts or stops counting, or changes month, type or category, moves its items' pieces.
    await q.query(`CREATE FUNCTION content_requests_changed() RETURNS trigger LANGUAGE plpgsql AS $fn$
      BEGIN
        PERFORM content_refresh(ARRAY(
          SELECT DISTINCT ${PIECE} FROM new_rows n JOIN old_rows o ON o.id = n.id JOIN request_items i ON i.request_id = n.id
          WHERE (n.status, n.sent_at, n.type, n.category) IS DISTINCT FROM (o.status, o.sent_at, o.type, o.category)), false);
        RETURN NULL;
      END $fn$`);
    await q.query(`CREATE TRIGGER content_requests_update AFTER UPDATE ON requests REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
      FOR EACH STATEMENT EXECUTE FUNCTION content_requests_changed()`);
    await q.query(`CREATE FUNCTION content_items_truncated() RETURNS trigger LANGUAGE plpgsql AS $fn$
      BEGIN TRUNCATE content_pieces, content_spans; RETURN NULL; END $fn$`);
    await q.query(
      `CREATE TRIGGER content_items_truncate AFTER TRUNCATE ON request_items FOR EACH STATEMENT EXECUTE FUNCTION content_items_truncated()`,
    );

    // The items already there, all pieces at once.
    await q.query(`INSERT INTO content_pieces
      SELECT f.facet, ${PIECE}, min(${MONTH}), max(${MONTH}), count(*), count(*) FILTER (WHERE i.state = 'removed')
      FROM request_items i JOIN requests r ON r.id = i.request_id CROSS JOIN LATERAL unnest(${facetKeysSql('r')}) f(facet)
      WHERE ${countedSql('r')} GROUP BY 1, 2`);
    await q.query(`INSERT INTO content_spans (facet, first_month, last_month, slot, ${SPAN_COUNTS.map(([name]) => name).join(', ')})
      SELECT facet, first_month, last_month, 0, ${SPAN_COUNTS.map(([, sql]) => `sum(${sql})`).join(', ')}
      FROM content_pieces GROUP BY 1, 2, 3`);
    await q.query(`ANALYZE content_pieces, content_spans`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER content_items_truncate ON request_items`);
    await q.query(`DROP TRIGGER content_requests_update ON requests`);
    for (const event of ['insert', 'update', 'delete']) await q.query(`DROP TRIGGER content_items_${event} ON request_items`);
    await q.query(
      `DROP FUNCTION content_items_truncated(), content_requests_changed(), content_items_changed(), content_refresh(text[], boolean)`,
    );
    await q.query(`DROP INDEX ix_request_items_piece`);
    await q.query(`DROP TABLE content_spans, content_pieces`);
  }
}

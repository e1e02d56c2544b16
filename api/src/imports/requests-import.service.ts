import { once } from 'node:events';
import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type CsvError, parse } from 'csv-parse';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { DataSource, type QueryRunner } from 'typeorm';
import type { Actor } from '../common/http/access';
import { AuditService } from '../audit/audit.service';
import { checkRow, type ImportError, type ImportRow, type KnownNames } from './import-row';
import { REQUEST_CSV_COLUMNS, slaHoursSql } from '../../../domain/src';

export interface ImportResult {
  created: number;
  skipped: number;
  errors: ImportError[];
}

/** Errors reported at most; the count of the rest is said in the last one. */
const MAX_ERRORS = 500;

// Staging rows go to COPY in batches of about this many characters: one write per row made two
// socket writes per row, and took as long as reading and checking the rows.
const STAGING_BATCH = 1 << 16;

// The staging table's columns: the CSV's, in snake_case, after the file's line number.
const STAGING_COLUMNS = ['line', ...REQUEST_CSV_COLUMNS.map((c) => c.replace(/[A-Z]/g, (l) => `_${l.toLowerCase()}`))];

/** One staging row for COPY … CSV: every text quoted (so "" is an empty string), nulls left bare. */
function stagingLine(r: ImportRow): string {
  const cell = (v: string | number | Date | null) =>
    v === null ? '' : typeof v === 'number' ? String(v) : `"${(v instanceof Date ? v.toISOString() : v).replace(/"/g, '""')}"`;
  return `${[r.line, r.agency, r.reference, r.platform, r.type, r.category, r.channel, r.sentAt, r.status, r.outcome, r.firstResponseAt, r.resolvedAt, r.itemUrl, r.itemContentHash, r.itemState].map(cell).join(',')}\n`;
}

/** Comma unless the header line is separated by semicolons. */
function delimiterOf(firstChunk: Buffer): ',' | ';' {
  const header = firstChunk.toString('utf8').split(/\r?\n/)[0];
  return (header.match(/;/g)?.length ?? 0) > (header.match(/,/g)?.length ?? 0) ? ';' : ',';
}

/**
 * Imports requests from CSV (DOMAIN.md "CSV format"): streamed, each row checked on its own, rows
 * staged with COPY, then checked together and written with set-based INSERTs, all in one transaction.
 * Any error leaves nothing behind; a request whose (agency, reference) exists already is skipped, so
 * importing a file twice creates nothing new.
 */
@Injectable()
export class RequestsImportService {
  private readonly logger = new Logger('Imports');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async importCsv(input: Readable, actor: Actor | null): Promise<ImportResult> {
    const errors: ImportError[] = [];
    let errorCount = 0;
    const addError = (e: ImportError) => {
      errorCount++;
      if (errors.length < MAX_ERRORS) errors.push(e);
    };

    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    let copy: Writable | undefined;
    let copied: Promise<void> | undefined;
    try {
      const known = await this.knownNames(runner);
      await runner.query(`CREATE TEMP TABLE import_rows (
        line integer, agency text, reference text, platform text, type text, category text, channel text,
        sent_at timestamptz, status text, outcome text, first_response_at timestamptz, resolved_at timestamptz,
        item_url text, item_content_hash text, item_state text) ON COMMIT DROP`);
      const client = (await runner.connect()) as PoolClient;
      const staging = client.query(copyFrom(`COPY import_rows (${STAGING_COLUMNS.join(', ')}) FROM STDIN WITH (FORMAT csv)`));
      copy = staging;
      copied = new Promise<void>((ok, fail) => {
        staging.on('finish', ok);
        staging.on('error', fail);
      });

      const iterator = input[Symbol.asyncIterator]();
      const first = await iterator.next();
      const rest = Readable.from(
        (async function* () {
          if (!first.done) yield first.value;
          for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
        })(),
      );
      const parser = parse({
        bom: true,
        delimiter: first.done ? ',' : delimiterOf(Buffer.from(first.value)),
        relax_column_count: true,
        skip_empty_lines: true,
        skip_records_with_error: true,
        info: true,
      });
      // pipeline, not pipe: an upload cut off half-way destroys the parser, so the loop below throws and
      // the transaction is rolled back (with pipe the error would have no listener and end the process).
      pipeline(rest, parser).catch(() => undefined);
      parser.on('skip', (err: CsvError) =>
        addError({ line: Number(err.lines ?? 0), message: `the row cannot be read as CSV: ${err.message}` }),
      );

      let header = true;
      let rows = 0;
      let batch = '';
      const now = new Date();
      for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
        if (header) {
          header = false;
          const names = record.map((c) => c.trim());
          if (names.join(',') !== REQUEST_CSV_COLUMNS.join(',')) {
            addError({ line: 1, field: 'header', message: `the header must be exactly: ${REQUEST_CSV_COLUMNS.join(',')}` });
            break;
          }
          continue;
        }
        rows++;
        const checked = checkRow(record, info.lines, known, now);
        if (Array.isArray(checked)) checked.forEach(addError);
        else if ((batch += stagingLine(checked)).length >= STAGING_BATCH) {
          if (!staging.write(batch)) await once(staging, 'drain');
          batch = '';
        }
      }
      staging.end(batch);
      await copied;
      if (rows === 0 && errorCount === 0) addError({ line: 1, message: 'the file has no rows under its header' });

      if (errorCount === 0) for (const e of await this.conflicts(runner)) addError(e);
      if (errorCount > 0) {
        await runner.rollbackTransaction();
        if (errorCount > errors.length) errors.push({ line: 0, message: `and ${errorCount - errors.length} more errors` });
        return { created: 0, skipped: 0, errors: errors.sort((a, b) => a.line - b.line) };
      }
      const result = await this.write(runner, actor);
      await this.audit.record(
        {
          userId: actor?.id ?? null,
          action: 'import',
          entity: 'requests',
          entityId: null,
          after: { created: result.created, skipped: result.skipped, rows },
        },
        runner.manager,
      );
      await runner.commitTransaction();
      if (result.created > 0) await this.analyze(runner);
      return { ...result, errors: [] };
    } catch (err) {
      // A COPY still open holds the connection: abort it before rolling back.
      if (copy && !copy.writableFinished) {
        copy.destroy(err instanceof Error ? err : new Error(String(err)));
        await copied?.catch(() => undefined);
      }
      if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
      throw err;
    } finally {
      await runner.release();
    }
  }

  /**
   * Takes the statistics of the tables the import wrote again: until autovacuum comes (after a tenth
   * of a table has changed), the planner, and so the list totals it estimates, would not see the rows.
   */
  private async analyze(runner: QueryRunner): Promise<void> {
    try {
      await runner.query('ANALYZE requests, request_events, request_items, request_item_changes');
    } catch (err) {
      // The import has committed: a failure here only leaves the statistics to autovacuum.
      this.logger.warn(`ANALYZE after the import failed: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  private async knownNames(runner: QueryRunner): Promise<KnownNames> {
    const [agencies, platforms] = await Promise.all([
      runner.query('SELECT name FROM agencies'),
      runner.query('SELECT slug FROM platforms'),
    ]);
    return {
      agencies: new Set(agencies.map((a: { name: string }) => a.name)),
      platforms: new Set(platforms.map((p: { slug: string }) => p.slug)),
    };
  }

  /** Rows of one (agency, reference) name one request: they must agree on everything but the item. */
  private async conflicts(runner: QueryRunner): Promise<ImportError[]> {
    const rows: { line: number; first_line: number; reference: string }[] = await runner.query(`
      SELECT line, reference, first_line FROM (
        SELECT line, reference, first_value(line) OVER w AS first_line,
               (platform, type, category, channel, sent_at, status, outcome, first_response_at, resolved_at)
                 IS DISTINCT FROM first_value((platform, type, category, channel, sent_at, status, outcome, first_response_at, resolved_at)) OVER w AS differs
        FROM import_rows WINDOW w AS (PARTITION BY agency, reference ORDER BY line)) r
      WHERE differs ORDER BY line`);
    return rows.map((r) => ({
      line: r.line,
      field: 'reference',
      message: `reference '${r.reference}' is already used on line ${r.first_line} for a request with other details (one reference names one request)`,
    }));
  }

  /** Writes the new requests with their items, timeline events and item states. */
  private async write(runner: QueryRunner, actor: Actor | null): Promise<{ created: number; skipped: number }> {
    const now = new Date();
    await runner.query(`
      CREATE TEMP TABLE import_requests ON COMMIT DROP AS
      SELECT DISTINCT ON (s.agency, s.reference)
             nextval(pg_get_serial_sequence('requests', 'id'))::int AS id, s.agency, s.reference, a.id AS agency_id, p.id AS platform_id,
             s.type, s.category, s.channel, s.sent_at, s.status, s.outcome, s.first_response_at, s.resolved_at,
             s.sent_at + make_interval(hours => ${slaHoursSql('s.type', 's.category', 'p')}) AS due_at
      FROM import_rows s JOIN agencies a ON a.name = s.agency JOIN platforms p ON p.slug = s.platform
      WHERE NOT EXISTS (SELECT 1 FROM requests r WHERE r.agency_id = a.id AND r.reference = s.reference)
      ORDER BY s.agency, s.reference, s.line`);
    const [{ created, total }] = await runner.query(`SELECT (SELECT count(*) FROM import_requests)::int AS created,
      (SELECT count(*) FROM (SELECT DISTINCT agency, reference FROM import_rows) d)::int AS total`);

    await runner.query(
      `INSERT INTO requests (id, agency_id, platform_id, reference, type, category, channel, sent_at, due_at, status, outcome,
                             first_response_at, resolved_at, created_by_id, items_total, items_removed, items_still_online)
       SELECT ir.id, agency_id, platform_id, ir.reference, type, category, channel, sent_at, due_at, status, outcome,
              first_response_at, resolved_at, $1, coalesce(c.total, 0), coalesce(c.removed, 0), coalesce(c.still_online, 0)
       FROM import_requests ir
       LEFT JOIN (SELECT agency, reference, count(*) AS total, count(*) FILTER (WHERE item_state = 'removed') AS removed,
                         count(*) FILTER (WHERE item_state = 'still_online') AS still_online
                  FROM import_rows WHERE item_url IS NOT NULL GROUP BY 1, 2) c ON c.agency = ir.agency AND c.reference = ir.reference
       ORDER BY ir.id`,
      [actor?.id ?? null],
    );
    // The timeline: sent, the first answer (unless the outcome was it), the outcome, a withdrawal, and
    // an item check at import time for item states that no outcome carries.
    await runner.query(
      `INSERT INTO request_events (request_id, kind, occurred_at, author_id, outcome, note)
       SELECT id, 'sent', sent_at, $2::int, NULL::text, NULL::text FROM import_requests WHERE sent_at IS NOT NULL
       UNION ALL SELECT id, 'acknowledged', first_response_at, $2::int, NULL, NULL FROM import_requests
         WHERE first_response_at IS NOT NULL AND first_response_at IS DISTINCT FROM resolved_at
       UNION ALL SELECT id, CASE WHEN outcome = 'refused' THEN 'refused' ELSE 'outcome' END, resolved_at, $2::int, outcome, NULL
         FROM import_requests WHERE status = 'resolved'
       UNION ALL SELECT id, 'withdrawn', greatest($1::timestamptz, sent_at), $2::int, NULL, 'Imported as withdrawn' FROM import_requests WHERE status = 'withdrawn'
       UNION ALL SELECT ir.id, 'item_checked', $1::timestamptz, $2::int, NULL, 'Item states from the import' FROM import_requests ir
         WHERE ir.status <> 'resolved' AND EXISTS (SELECT 1 FROM import_rows s WHERE s.agency = ir.agency AND s.reference = ir.reference AND s.item_state IS NOT NULL)`,
      [now, actor?.id ?? null],
    );
    // The requests were written with their item counts: the items' own trigger need not update them again.
    await runner.query(`SET LOCAL tracker.bulk_counts = 'on'`);
    await runner.query(
      `WITH items AS (
         INSERT INTO request_items (request_id, url, content_hash, state, checked_at)
         SELECT ir.id, s.item_url, s.item_content_hash, coalesce(s.item_state, 'pending'),
                CASE WHEN s.item_state IS NOT NULL THEN CASE WHEN ir.status = 'resolved' THEN ir.resolved_at ELSE $1::timestamptz END END
         FROM import_rows s JOIN import_requests ir ON ir.agency = s.agency AND ir.reference = s.reference
         WHERE s.item_url IS NOT NULL ORDER BY s.line
         RETURNING id, request_id, state, checked_at)
       INSERT INTO request_item_changes (event_id, item_id, state, occurred_at)
       SELECT e.id, i.id, i.state, i.checked_at FROM items i
       JOIN request_events e ON e.request_id = i.request_id AND e.kind IN ('outcome', 'refused', 'item_checked') AND e.occurred_at = i.checked_at
       WHERE i.checked_at IS NOT NULL`,
      [now],
    );
    await runner.query(`SET LOCAL tracker.bulk_counts = 'off'`);
    return { created, skipped: total - created };
  }
}

import { REQUEST_CSV_COLUMNS } from '../../domain/src';
/**
 * CSV import of BENCH_IMPORT_REQUESTS requests (default 100,000; 1.5 items each on average) into an
 * empty database, against raw COPYs of the same rows: the records the import wrote, copied straight
 * back into the app's tables (the database's own floor for them: its indexes, keys and triggers),
 * and the CSV file copied into a table of text columns (reading the file and nothing else).
 * Targets: at least 30,000 requests per second, and within 3x of the raw COPY into the app's tables.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Client } from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import { DataSource } from 'typeorm';
import { AuditService } from '../../api/src/audit/audit.service';
import { dataSourceOptions, ENTITY_FILES } from '../../api/src/database/data-source-options';
import { runMigrations } from '../../api/src/database/migrate';
import { RequestsImportService } from '../../api/src/imports/requests-import.service';
import { type BenchContext, type BenchRow, runAlone } from './bench-app';
import { round } from './stats.bench';

const COUNT = Number(process.env.BENCH_IMPORT_REQUESTS ?? 100_000);
const PLATFORMS = ['telegram', 'x', 'facebook', 'instagram', 'youtube', 'tiktok'];
/** What an import writes, in the order their keys need. */
const TABLES = ['requests', 'request_events', 'request_items', 'request_item_changes'];

async function writeCsv(path: string): Promise<number> {
  let rows = 0;
  await pipeline(
    (function* () {
      yield `${REQUEST_CSV_COLUMNS.join(',')}\n`;
      for (let i = 0; i < COUNT; i++) {
        const request = `Bench NGO,IMP-${i},${PLATFORMS[i % 6]},removal,ncii,web_form,2024-0${1 + (i % 9)}-1${i % 10}T08:00:00Z`;
        const resolved = i % 3 === 0;
        const status = resolved ? `resolved,removed,,2024-10-01T00:00:00Z` : `,,,`;
        const items = i % 2; // 0 or 1 extra item: 1.5 on average
        for (let k = 0; k <= items; k++) {
          yield `${request},${status},https://example.org/c/${i}/${k},${k === 0 ? `h${i % 50000}` : ''},${resolved ? 'removed' : ''}\n`;
          rows++;
        }
      }
    })(),
    createWriteStream(path),
  );
  return rows;
}

export async function runImport(ctx: BenchContext): Promise<BenchRow[]> {
  const admin = new Client({ connectionString: ctx.db.url.replace(/\/[^/]+$/, '/postgres') });
  await admin.connect();
  await admin.query('DROP DATABASE IF EXISTS tracker_import_bench WITH (FORCE)');
  await admin.query('CREATE DATABASE tracker_import_bench');
  await admin.end();
  const url = ctx.db.url.replace(/\/[^/]+$/, '/tracker_import_bench');
  const dataSource = await new DataSource(dataSourceOptions(url, [ENTITY_FILES])).initialize();
  const file = join(tmpdir(), `import-bench-${process.pid}.csv`);
  try {
    await runMigrations(dataSource);
    await dataSource.query(`INSERT INTO agencies (name, kind) VALUES ('Bench NGO', 'ngo')`);
    const rows = await writeCsv(file);

    const importer = new RequestsImportService(dataSource, new AuditService(dataSource));
    let started = Date.now();
    const result = await importer.importCsv(createReadStream(file), null);
    const importSeconds = (Date.now() - started) / 1000;
    if (result.errors.length || result.created !== COUNT) throw new Error(`import failed: ${JSON.stringify(result).slice(0, 500)}`);

    const client = new Client({ connectionString: url });
    await client.connect();
    try {
      // The imported records, out to files and back in with COPY, in one transaction as the import.
      const dumps = TABLES.map((table) => join(tmpdir(), `import-bench-${process.pid}-${table}.copy`));
      for (const [i, table] of TABLES.entries()) {
        await pipeline(client.query(copyTo(`COPY ${table} TO STDOUT WITH (FORMAT binary)`)), createWriteStream(dumps[i]));
      }
      await client.query(`BEGIN; TRUNCATE ${TABLES.join(', ')} CASCADE`);
      // The requests come with their item counts, as the import writes them (see RequestsImportService).
      await client.query(`SET LOCAL tracker.bulk_counts = 'on'`);
      started = Date.now();
      for (const [i, table] of TABLES.entries()) {
        await pipeline(createReadStream(dumps[i]), client.query(copyFrom(`COPY ${table} FROM STDIN WITH (FORMAT binary)`)));
      }
      await client.query('COMMIT');
      const tablesSeconds = (Date.now() - started) / 1000;
      await Promise.all(dumps.map((dump) => rm(dump)));

      await client.query(`CREATE UNLOGGED TABLE raw_rows (${REQUEST_CSV_COLUMNS.map((c) => `"${c}" text`).join(', ')})`);
      started = Date.now();
      await pipeline(createReadStream(file), client.query(copyFrom(`COPY raw_rows FROM STDIN WITH (FORMAT csv, HEADER)`)));
      const fileSeconds = (Date.now() - started) / 1000;

      const perSecond = COUNT / importSeconds;
      return [
        {
          benchmark: 'import',
          figure: `${COUNT.toLocaleString('en')} requests, ${rows.toLocaleString('en')} rows`,
          value: round(importSeconds, 2),
          unit: 's',
        },
        {
          benchmark: 'import',
          figure: 'requests per second',
          value: Math.round(perSecond),
          unit: 'req/s',
          target: '>= 30000',
          met: perSecond >= 30000,
        },
        { benchmark: 'import', figure: 'raw COPY of the same records into the tables', value: round(tablesSeconds, 2), unit: 's' },
        {
          benchmark: 'import',
          figure: 'import / raw COPY into the tables',
          value: round(importSeconds / tablesSeconds, 2),
          unit: 'ratio',
          target: '<= 3',
          met: importSeconds / tablesSeconds <= 3,
        },
        { benchmark: 'import', figure: 'raw COPY of the file into text columns', value: round(fileSeconds, 2), unit: 's' },
        { benchmark: 'import', figure: 'import / raw COPY of the file', value: round(importSeconds / fileSeconds, 2), unit: 'ratio' },
      ];
    } finally {
      await client.end();
    }
  } finally {
    await dataSource.destroy();
    await rm(file, { force: true });
  }
}

if (require.main === module) runAlone(runImport);

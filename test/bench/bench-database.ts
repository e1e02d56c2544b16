import { resolve } from 'node:path';
import 'reflect-metadata';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions, ENTITY_FILES } from '../../api/src/database/data-source-options';
import { startEmbeddedDatabase, type RunningDatabase } from '../../api/src/database/embedded-database';
import { runMigrations } from '../../api/src/database/migrate';
import { generateSql } from './generate';
import { PUBLISHED_ROWS, publishedFiguresSql } from './published';

/**
 * The benchmark database: BENCH_DATABASE_URL, or an embedded PostgreSQL kept in ./.bench-data so
 * that a second run reuses the generated rows. Migrated, and filled to `requests` rows if it has fewer.
 */
export async function benchDatabase(requests: number): Promise<RunningDatabase> {
  const db: RunningDatabase = process.env.BENCH_DATABASE_URL
    ? { url: process.env.BENCH_DATABASE_URL, stop: async () => undefined }
    : await startEmbeddedDatabase(resolve(__dirname, '../../.bench-data'));
  const dataSource = await new DataSource(dataSourceOptions(db.url, [ENTITY_FILES])).initialize();
  await runMigrations(dataSource);
  await dataSource.destroy();

  const client = new Client({ connectionString: db.url });
  await client.connect();
  try {
    const [{ n }] = (await client.query('SELECT count(*)::int AS n FROM requests')).rows;
    if (n !== requests) {
      const started = Date.now();
      console.log(`Generating ${requests.toLocaleString('en')} requests (the database had ${n.toLocaleString('en')})…`);
      await client.query(generateSql(requests));
      await client.query('VACUUM ANALYZE');
      console.log(`  generated in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    }
    const [{ published }] = (await client.query('SELECT count(*)::int AS published FROM published_figures')).rows;
    if (published !== PUBLISHED_ROWS) await client.query(publishedFiguresSql());
    const counts = (
      await client.query(`SELECT (SELECT count(*) FROM requests)::int AS requests, (SELECT count(*) FROM request_events)::int AS events,
        (SELECT count(*) FROM request_items)::int AS items, (SELECT count(*) FROM platforms)::int AS platforms,
        (SELECT count(*) FROM published_figures)::int AS "published figures"`)
    ).rows[0];
    console.log(
      `Data: ${Object.entries(counts)
        .map(([k, v]) => `${Number(v).toLocaleString('en')} ${k}`)
        .join(', ')}`,
    );
  } finally {
    await client.end();
  }
  return db;
}

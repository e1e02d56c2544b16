// npm run import -- file.csv: the CSV import for files too big for a browser, straight to the database.
import 'reflect-metadata';
import { createReadStream, existsSync } from 'node:fs';
import { DataSource } from 'typeorm';
import { AuditService } from './audit/audit.service';
import { validateEnvironment } from './config/environment';
import { dataSourceOptions, ENTITY_FILES } from './database/data-source-options';
import { startEmbeddedDatabase } from './database/embedded-database';
import { runMigrations } from './database/migrate';
import { RequestsImportService } from './imports/requests-import.service';

async function main(): Promise<number> {
  const file = process.argv[2];
  if (!file || !existsSync(file)) {
    console.error('Usage: npm run import -- <file.csv>   (DATABASE_URL, or the embedded database in DATA_DIR)');
    return 2;
  }
  const env = validateEnvironment(process.env);
  const database = env.DATABASE_URL ? { url: env.DATABASE_URL, stop: async () => undefined } : await startEmbeddedDatabase(env.DATA_DIR);
  const dataSource = await new DataSource(dataSourceOptions(database.url, [ENTITY_FILES])).initialize();
  try {
    await runMigrations(dataSource);
    const started = Date.now();
    const result = await new RequestsImportService(dataSource, new AuditService(dataSource)).importCsv(createReadStream(file), null);
    const seconds = (Date.now() - started) / 1000;
    if (result.errors.length) {
      for (const e of result.errors) console.error(`line ${e.line}: ${e.message}`);
      console.error(`Nothing was imported: ${result.errors.length} errors.`);
      return 1;
    }
    console.log(`${result.created} requests created, ${result.skipped} already there (skipped), in ${seconds.toFixed(1)} s.`);
    return 0;
  } finally {
    await dataSource.destroy();
    await database.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);

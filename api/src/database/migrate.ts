import type { DataSource } from 'typeorm';

// Any fixed number: the key of the advisory lock that serialises migrations across processes.
const MIGRATION_LOCK = 735_001;

/** Runs pending migrations, one process at a time when several instances start together. */
export async function runMigrations(dataSource: DataSource): Promise<void> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    await runner.release();
  }
}

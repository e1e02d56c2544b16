import type { DataSource } from 'typeorm';

// Any fixed numbers: keys of the advisory locks that serialise start-up work across processes
// (735_002 is the demo seeder's own, 735_003 the audit chain's: keep them apart, or start-up waits on itself).
const MIGRATION_LOCK = 735_001;
export const STARTUP_DATA_LOCK = 735_004;

/** Runs `work` holding a PostgreSQL advisory lock, so that instances starting together take turns. */
export async function whileLocked<T>(dataSource: DataSource, key: number, work: () => Promise<T>): Promise<T> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [key]);
    return await work();
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [key]).catch(() => undefined);
    await runner.release();
  }
}

/** Runs pending migrations, one process at a time when several instances start together. */
export async function runMigrations(dataSource: DataSource): Promise<void> {
  await whileLocked(dataSource, MIGRATION_LOCK, () => dataSource.runMigrations({ transaction: 'each' }));
}

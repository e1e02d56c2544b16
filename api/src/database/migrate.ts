import type { DataSource } from 'typeorm';
import { ADVISORY_LOCKS } from '../../../domain/src';

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
  await whileLocked(dataSource, ADVISORY_LOCKS.migrations, () => dataSource.runMigrations({ transaction: 'each' }));
}

import type { DataSource } from 'typeorm';

/** Runs `work` holding a PostgreSQL advisory lock (a key of the domain's ADVISORY_LOCKS), so that instances starting together take turns. */
export async function whileLocked<T>(dataSource: DataSource, key: number, work: () => Promise<T>): Promise<T> {
  // A lock is the primary's, even when asked for inside a read that may go to the replica.
  const runner = dataSource.createQueryRunner('master');
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [key]);
    return await work();
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [key]).catch(() => undefined);
    await runner.release();
  }
}

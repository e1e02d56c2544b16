import type { DataSource } from 'typeorm';
import { ADVISORY_LOCKS } from '../../../domain/src';
import { whileLocked } from './advisory-lock';

/** Runs pending migrations, one process at a time when several instances start together. */
export async function runMigrations(dataSource: DataSource): Promise<void> {
  await whileLocked(dataSource, ADVISORY_LOCKS.migrations, () => dataSource.runMigrations({ transaction: 'each' }));
}

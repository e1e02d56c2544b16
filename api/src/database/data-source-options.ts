import { resolve } from 'node:path';
import type { DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from '../../../migrations';
import { SnakeNamingStrategy } from './snake-naming.strategy';

/**
 * Every entity file of the API, for the tools that need them all without the app (the migration CLI,
 * the test that entities and migrations agree). The app itself takes each feature's own (forFeature).
 */
export const ENTITY_FILES = resolve(__dirname, '../**/*.entity.{js,ts}');

/** The one TypeORM configuration, shared by the app, the migration CLI and the tests. */
export function dataSourceOptions(url: string, entities: DataSourceOptions['entities'] = []): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities,
    migrations: MIGRATIONS,
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    migrationsRun: false,
    extra: {
      max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
      // While the database is unreachable a request fails after this long (503) instead of hanging.
      connectionTimeoutMillis: 5000,
      keepAlive: true,
    },
  };
}

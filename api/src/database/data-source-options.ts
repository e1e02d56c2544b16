import { resolve } from 'node:path';
import type { DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from '../../../migrations';
import { SnakeNamingStrategy } from './snake-naming.strategy';

/**
 * Every entity file of the API, for the tools that need them all without the app (the migration CLI,
 * the test that entities and migrations agree). The app itself takes each feature's own (forFeature).
 */
export const ENTITY_FILES = resolve(__dirname, '../**/*.entity.{js,ts}');

/** DATABASE_POOL_SIZE: connections per app process (and as many again to a read replica). */
export const poolSize = () => Number(process.env.DATABASE_POOL_SIZE ?? 10);

/**
 * The one TypeORM configuration, shared by the app, the migration CLI and the tests. With
 * `withReplica`, TypeORM's replication is on with no replica yet: replica/ adds it once the data source
 * is up, so that the app starts whatever the replica's state (TypeORM would connect to it first).
 */
export function dataSourceOptions(url: string, entities: DataSourceOptions['entities'] = [], withReplica = false): DataSourceOptions {
  return {
    type: 'postgres',
    ...(withReplica ? { replication: { master: { url }, slaves: [] } } : { url }),
    entities,
    migrations: MIGRATIONS,
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    migrationsRun: false,
    extra: {
      max: poolSize(),
      // While the database is unreachable a request fails after this long (503) instead of hanging.
      connectionTimeoutMillis: 5000,
      keepAlive: true,
    },
  };
}

import { Pool, type PoolClient } from 'pg';
import type { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { currentReadContext } from './read-context';
import { REPLICA_APPLICATION_NAME, REPLICA_CONNECT_TIMEOUT_MS } from './replica-policy';
import type { ReplicaStatus } from './replica-status';

type Connected = (error: Error | undefined, client?: PoolClient, release?: (error?: Error | boolean) => void) => void;

/** The connection pool of the replica, sized like the primary's; it connects only when a read needs it. */
export function createReplicaPool(url: string, size: number, onIdleError: (error: Error) => void): Pool {
  const pool = new Pool({
    connectionString: url,
    max: size,
    connectionTimeoutMillis: REPLICA_CONNECT_TIMEOUT_MS,
    keepAlive: true,
    application_name: REPLICA_APPLICATION_NAME,
  });
  // An idle connection dropped by the server (a restart) is reported here; without a listener it would crash the process.
  pool.on('error', onIdleError);
  return pool;
}

/**
 * What TypeORM's replication sees as its one "slave": a connection from the replica when the request
 * under way may read there and the replica is usable, and otherwise, or when connecting to it fails
 * (marked down, logged), a connection from the primary, so that a read never fails for the replica's sake.
 */
class ReplicaOrPrimary {
  constructor(
    private readonly replica: Pool,
    private readonly primary: () => Pool,
    private readonly status: ReplicaStatus,
  ) {}

  connect(done: Connected): void {
    const context = currentReadContext();
    if (!context || !this.status.last.usable) return void this.primary().connect(done);
    this.replica.connect((error: Error | undefined, client?: PoolClient, release?: (error?: Error | boolean) => void) => {
      if (error) {
        this.status.markDown(error);
        return void this.primary().connect(done);
      }
      context.servedByReplica = true;
      done(undefined, client, release);
    });
  }

  /** TypeORM ends its pools when the data source is destroyed. */
  end(done: (error?: Error) => void): void {
    this.replica.end().then(() => done(), done);
  }
}

/**
 * Registers the replica with TypeORM's own replication support (the data source is configured with
 * `replication` and no slaves, so that it starts whatever the replica's state): query runners made
 * in 'slave' mode take their connection from it.
 */
export function registerReplica(dataSource: DataSource, replica: Pool, status: ReplicaStatus): void {
  const driver = dataSource.driver as PostgresDriver;
  if (!driver.isReplicated) throw new Error('the data source must be configured with replication to read from a replica');
  driver.slaves = [new ReplicaOrPrimary(replica, () => driver.master as Pool, status)];
}

import type { Pool } from 'pg';
import type { DataSource } from 'typeorm';
import { parseLsn } from './lsn';
import { routeReadsToReplica } from './query-routing';
import { onPrimary } from './read-context';
import { ReadYourWrites } from './read-your-writes';
import { MARK_MARGIN_MS } from './replica-policy';
import { createReplicaPool, registerReplica } from './replica-pool';
import { type Probe, type ReplicaState, ReplicaStatus } from './replica-status';

/** Where the position of a write could not be read: the writer reads from the primary for as long as a mark lasts. */
const UNKNOWN_POSITION = 0xffffffffffffffffn;

export interface ReplicaOptions {
  /** DATABASE_REPLICA_URL; undefined: no replica, and nothing here sends a query. */
  url?: string;
  maxLagSeconds: number;
  poolSize: number;
}

export interface ReplicaHealth {
  state: ReplicaState;
  /** Seconds behind the primary at most; null when unknown (down, starting). */
  lagSeconds: number | null;
}

/**
 * Reads from a PostgreSQL streaming replica: its pool, the routing hook, what is known of its state,
 * and the writers' marks. Disabled (and inert) without DATABASE_REPLICA_URL.
 */
export class ReplicaReads {
  readonly enabled: boolean;
  private readonly status?: ReplicaStatus;
  private readonly marks?: ReadYourWrites;

  constructor(
    private readonly dataSource: DataSource,
    options: ReplicaOptions,
  ) {
    this.enabled = options.url !== undefined;
    if (!options.url) return;
    const maxLagMs = options.maxLagSeconds * 1000;
    const pool = createReplicaPool(options.url, options.poolSize, (error) => this.status?.markDown(error));
    this.status = new ReplicaStatus((checkCluster) => this.probe(pool, checkCluster), maxLagMs);
    this.marks = new ReadYourWrites(maxLagMs + MARK_MARGIN_MS);
    registerReplica(dataSource, pool, this.status);
    routeReadsToReplica(dataSource);
  }

  /**
   * Whether a read by `user` (with this Cookie header) may go to the replica now: it is usable (up, a
   * standby of ours, within the maximum lag) and has replayed the reader's own last write.
   */
  async mayRead(user: number | undefined, cookieHeader: string | undefined): Promise<boolean> {
    if (!this.status || !this.marks) return false;
    const view = await this.status.current();
    if (!view.usable || view.replayed === null) return false;
    const required = this.marks.required(user, cookieHeader);
    if (required !== null && required > view.replayed) return false;
    this.marks.replayed(user, view.replayed);
    return true;
  }

  /** After a write: remembers the primary's position for its user; returns the cookie that carries it. */
  async recordWrite(user: number | undefined): Promise<string | undefined> {
    if (!this.marks) return undefined;
    const position = await onPrimary(() => this.dataSource.query('SELECT pg_current_wal_lsn()::text AS lsn')).then(
      ([{ lsn }]: { lsn: string }[]) => parseLsn(lsn) ?? UNKNOWN_POSITION,
      () => UNKNOWN_POSITION,
    );
    return this.marks.remember(user, position);
  }

  /** A replica read failed on the replica's side (it went away mid-read): look again before the next. */
  failed(error: unknown): void {
    this.status?.markDown(error);
  }

  /** For the readiness probe: the replica's state, looked at again if stale; undefined without a replica. */
  async health(): Promise<ReplicaHealth | undefined> {
    if (!this.status) return undefined;
    const view = await this.status.current();
    return { state: view.state, lagSeconds: Number.isFinite(view.lagMs) ? Math.round(view.lagMs) / 1000 : null };
  }

  private async probe(pool: Pool, checkCluster: boolean): Promise<Probe> {
    const system = 'SELECT system_identifier::text AS system FROM pg_control_system()';
    const [primary, replica, primarySystem, replicaSystem] = await Promise.all([
      onPrimary(() => this.dataSource.query('SELECT pg_current_wal_lsn()::text AS lsn')) as Promise<{ lsn: string }[]>,
      pool.query<{ standby: boolean; replayed: string | null; since: number | null }>(
        `SELECT pg_is_in_recovery() AS standby, pg_last_wal_replay_lsn()::text AS replayed,
                EXTRACT(EPOCH FROM now() - pg_last_xact_replay_timestamp())::float8 AS since`,
      ),
      // Where the catalogue function is not granted (some managed services), the check is skipped.
      checkCluster ? onPrimary(() => this.dataSource.query(system)).catch(() => null) : null,
      checkCluster
        ? pool.query(system).then(
            (r) => r.rows,
            () => null,
          )
        : null,
    ]);
    const row = replica.rows[0];
    const bothKnown = primarySystem?.[0] && replicaSystem?.[0];
    const sameCluster = !checkCluster ? undefined : bothKnown ? primarySystem[0].system === replicaSystem[0].system : true;
    return {
      primaryLsn: parseLsn(primary[0].lsn) ?? 0n,
      standby: row.standby,
      replayed: parseLsn(row.replayed),
      sinceReplaySeconds: row.since,
      sameCluster,
    };
  }
}

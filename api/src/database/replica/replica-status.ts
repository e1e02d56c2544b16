import { Logger } from '@nestjs/common';
import { PROBE_TIMEOUT_MS, RETRY_DOWN_AFTER_MS, STATUS_TTL_MS } from './replica-policy';

/** One look at both servers: the primary's WAL position and how far the replica has replayed. */
export interface Probe {
  /** The primary's current WAL position. */
  primaryLsn: bigint;
  /** The replica is in recovery (a standby); false once it was promoted, or when it never was one. */
  standby: boolean;
  /** The last WAL position the replica replayed. */
  replayed: bigint | null;
  /** Seconds since the commit time of the last transaction the replica replayed, by its clock. */
  sinceReplaySeconds: number | null;
  /** Both servers come from the same cluster (pg_control_system); only looked at until confirmed once. */
  sameCluster?: boolean;
}

export type ReplicaState = 'starting' | 'up' | 'lagging' | 'down' | 'not_a_replica';

export interface ReplicaView {
  state: ReplicaState;
  /** Reads may go there: a standby of our primary, reachable, no further behind than the maximum lag. */
  usable: boolean;
  replayed: bigint | null;
  /** An upper bound of how far behind the primary its data is, in milliseconds (Infinity when unknown). */
  lagMs: number;
}

interface Sample {
  at: number;
  lsn: bigint;
}

/** Primary positions kept to date the replica's position; a few are plenty (each look adds one). */
const SAMPLES_KEPT = 64;

/**
 * How far behind the replica's data is, at most: zero when it has replayed what the primary had at
 * this look; else the time since the latest earlier look whose primary position it has replayed,
 * or since the last transaction it replayed was committed, whichever is less. Both bound the lag from
 * above, so an idle gap between looks errs towards the primary, never towards stale data.
 */
export function estimateLagMs(samples: readonly Sample[], probe: Probe, now: number): number {
  if (probe.replayed === null) return Infinity;
  if (probe.replayed >= probe.primaryLsn) return 0;
  let freshAt = -Infinity;
  for (const s of samples) if (s.lsn <= probe.replayed && s.at > freshAt) freshAt = s.at;
  const bySamples = now - freshAt;
  const byCommitTime = probe.sinceReplaySeconds === null ? Infinity : Math.max(0, probe.sinceReplaySeconds * 1000);
  return Math.min(bySamples, byCommitTime);
}

const withTimeout = <T>(work: Promise<T>, ms: number): Promise<T> =>
  new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
    work.then(resolve, reject).finally(() => clearTimeout(timer));
  });

const reasonOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * What the app knows of the replica: looked at on demand (at most every STATUS_TTL_MS, only while
 * reads ask), never by a timer, so an idle app sends no queries. While it is down, reads use the
 * primary and it is looked at again every RETRY_DOWN_AFTER_MS, in the background.
 */
export class ReplicaStatus {
  private readonly logger = new Logger('Replica');
  private view: ReplicaView = { state: 'starting', usable: false, replayed: null, lagMs: Infinity };
  private checkedAt = -Infinity;
  private retryAt = 0;
  private looking?: Promise<ReplicaView>;
  private samples: Sample[] = [];
  private sameCluster = false;

  constructor(
    private readonly probe: (checkCluster: boolean) => Promise<Probe>,
    private readonly maxLagMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** The replica's state, looked at again when the last look is older than STATUS_TTL_MS. */
  async current(): Promise<ReplicaView> {
    const now = this.now();
    if (this.view.state === 'down' || this.view.state === 'not_a_replica') {
      if (now >= this.retryAt) void this.look();
      return this.view;
    }
    if (now - this.checkedAt < STATUS_TTL_MS) return this.view;
    return this.look();
  }

  /** The last state seen, without looking. */
  get last(): ReplicaView {
    return this.view;
  }

  /** A connection or a query to the replica failed: reads go to the primary until it is back. */
  markDown(error: unknown): void {
    this.retryAt = this.now() + RETRY_DOWN_AFTER_MS;
    if (this.view.state === 'down') return;
    this.logger.warn(`the read replica is unreachable (${reasonOf(error)}); reads go to the primary until it answers again`);
    this.view = { state: 'down', usable: false, replayed: this.view.replayed, lagMs: Infinity };
    this.sameCluster = false;
  }

  private look(): Promise<ReplicaView> {
    this.looking ??= this.lookNow().finally(() => (this.looking = undefined));
    return this.looking;
  }

  private async lookNow(): Promise<ReplicaView> {
    const at = this.now();
    let probe: Probe;
    try {
      probe = await withTimeout(this.probe(!this.sameCluster), PROBE_TIMEOUT_MS);
    } catch (error) {
      this.markDown(error);
      return this.view;
    }
    this.checkedAt = this.now();
    if (probe.sameCluster === false || !probe.standby) {
      this.retryAt = this.checkedAt + RETRY_DOWN_AFTER_MS;
      if (this.view.state !== 'not_a_replica') {
        this.logger.error(
          probe.standby
            ? 'DATABASE_REPLICA_URL is a standby of another cluster, not of DATABASE_URL: reads stay on the primary'
            : 'DATABASE_REPLICA_URL is not a standby (promoted, or never one): reads stay on the primary',
        );
      }
      return this.set({ state: 'not_a_replica', usable: false, replayed: null, lagMs: Infinity });
    }
    if (probe.sameCluster) this.sameCluster = true;
    this.samples.push({ at, lsn: probe.primaryLsn });
    if (this.samples.length > SAMPLES_KEPT) this.samples.splice(0, this.samples.length - SAMPLES_KEPT);
    const lagMs = estimateLagMs(this.samples, probe, this.checkedAt);
    const usable = lagMs <= this.maxLagMs;
    return this.set({ state: usable ? 'up' : 'lagging', usable, replayed: probe.replayed, lagMs });
  }

  private set(view: ReplicaView): ReplicaView {
    const before = this.view.state;
    if (view.state !== before) {
      const lag = Number.isFinite(view.lagMs) ? `${(view.lagMs / 1000).toFixed(1)} s` : 'unknown';
      if (view.state === 'lagging')
        this.logger.warn(`the read replica is behind by more than the maximum (lag ${lag}): reads go to the primary`);
      else if (view.state === 'up') this.logger.log(`the read replica serves reads (lag ${lag})`);
    }
    this.view = view;
    return view;
  }
}

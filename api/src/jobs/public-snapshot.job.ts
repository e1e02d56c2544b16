import { Injectable } from '@nestjs/common';
import type { Environment } from '../config/environment';
import { PublicSnapshotsService } from '../public-snapshots/public-snapshots.service';
import type { Job, JobCounts } from './job';

/**
 * Publishes the public snapshot of the half-year that ended (every platform with requests, agencies
 * not named), unless one of it exists. Off unless PUBLIC_SNAPSHOT_ENABLED: publishing is a decision.
 */
@Injectable()
export class PublicSnapshotJob implements Job {
  readonly name = 'public-snapshot';
  readonly description = 'Publishes the public snapshot of the half-year that ended, unless it is published already';

  constructor(private readonly snapshots: PublicSnapshotsService) {}

  schedule(env: Environment): string | null {
    return env.PUBLIC_SNAPSHOT_ENABLED ? env.PUBLIC_SNAPSHOT_CRON : null;
  }

  run(now: Date): Promise<JobCounts> {
    return this.snapshots.publishHalfYear(now);
  }
}

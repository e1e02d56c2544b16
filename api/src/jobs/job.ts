import type { Environment } from '../config/environment';

/** What a job reports it did, e.g. { newlyOverdue: 3, escalated: 1 }. */
export type JobCounts = Record<string, number>;

/** A scheduled job: thin; the work lives in one method of a domain service. */
export interface Job {
  name: string;
  description: string;
  /** Its cron expression, or null when it is switched off by configuration. */
  schedule(env: Environment): string | null;
  run(now: Date): Promise<JobCounts>;
}

export const JOBS = Symbol('JOBS');

import { type BeforeApplicationShutdown, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, QueryFailedError } from 'typeorm';
import type { Actor } from '../common/http/access';
import { Environment } from '../config/environment';
import type { Job } from './job';
import { JobRun } from './job-run.entity';
import { ADVISORY_LOCK_NAMESPACES } from '../../../domain/src';

export type JobTrigger = 'schedule' | 'startup' | 'manual';

/**
 * Runs a job at most once per schedule slot and never twice at the same time, whatever the number of
 * instances: a unique (job, slot) row claims the slot, and a PostgreSQL advisory lock held on one
 * connection for the whole run keeps manual and scheduled runs apart. A failing run is retried.
 * At shutdown no run starts, no retry is made, and the runs under way finish first (each job's work is
 * transactional, so between runs is the safe point).
 */
@Injectable()
export class JobRunner implements BeforeApplicationShutdown {
  private readonly logger = new Logger('Jobs');
  private readonly running = new Set<Promise<unknown>>();
  private stopping = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly env: Environment,
  ) {}

  /** The recorded run, or null when another instance already took this slot or this one is stopping. */
  run(job: Job, trigger: JobTrigger, options: { slot?: Date; actor?: Actor } = {}): Promise<JobRun | null> {
    if (this.stopping) return Promise.resolve(null);
    const run = this.runOnce(job, trigger, options);
    this.running.add(run);
    void run.finally(() => this.running.delete(run)).catch(() => undefined);
    return run;
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    await Promise.allSettled([...this.running]);
  }

  private async runOnce(job: Job, trigger: JobTrigger, options: { slot?: Date; actor?: Actor }): Promise<JobRun | null> {
    const runs = this.dataSource.getRepository(JobRun);
    let run: JobRun;
    try {
      run = await runs.save(
        runs.create({
          job: job.name,
          status: 'running',
          trigger,
          slot: options.slot ? options.slot.toISOString().slice(0, 16) : null,
          triggeredById: options.actor?.id ?? null,
          startedAt: new Date(),
        }),
      );
    } catch (err) {
      if (err instanceof QueryFailedError && (err.driverError as { code?: string }).code === '23505') return null;
      throw err;
    }

    const lock = this.dataSource.createQueryRunner();
    await lock.connect();
    try {
      const [{ locked }] = await lock.query('SELECT pg_try_advisory_lock($1, hashtext($2)) AS locked', [
        ADVISORY_LOCK_NAMESPACES.jobs,
        job.name,
      ]);
      if (!locked) return await this.finish(run, 'skipped', {}, 'another instance is running this job');
      for (let attempt = 1; ; attempt++) {
        try {
          const counts = await job.run(options.slot ?? new Date());
          return await this.finish(run, 'succeeded', counts, null, attempt);
        } catch (err) {
          const message = err instanceof Error ? err.message : String(err);
          this.logger.error(`${job.name} failed (attempt ${attempt}): ${message}`);
          if (attempt >= this.env.JOB_MAX_ATTEMPTS || this.stopping) return await this.finish(run, 'failed', {}, message, attempt);
          await new Promise((r) => setTimeout(r, this.env.JOB_RETRY_DELAY_MS * attempt));
        }
      }
    } finally {
      await lock.query('SELECT pg_advisory_unlock($1, hashtext($2))', [ADVISORY_LOCK_NAMESPACES.jobs, job.name]).catch(() => undefined);
      await lock.release();
    }
  }

  private async finish(
    run: JobRun,
    status: JobRun['status'],
    counts: JobRun['counts'],
    error: string | null,
    attempts = 1,
  ): Promise<JobRun> {
    Object.assign(run, { status, counts, error, attempts, finishedAt: new Date() });
    return this.dataSource.getRepository(JobRun).save(run);
  }
}

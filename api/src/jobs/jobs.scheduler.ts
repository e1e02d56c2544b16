import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { CronJob } from 'cron';
import { Environment } from '../config/environment';
import { ReportsService } from '../reports/reports.service';
import { type Job, JOBS } from './job';
import { JobRunner } from './job-runner.service';

/** How often an instance looks for queued reports (a crashed instance's, or one queued elsewhere). */
const REPORT_POLL_MS = 15_000;

/**
 * Puts every enabled job on its cron (JOBS_ENABLED), catches up on scheduled reports at start, and
 * polls the report queue. Each cron tick passes its scheduled time as the run's slot.
 */
@Injectable()
export class JobsScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('JobsScheduler');
  private readonly crons: CronJob[] = [];
  private poll?: NodeJS.Timeout;

  constructor(
    @Inject(JOBS) private readonly jobs: Job[],
    private readonly runner: JobRunner,
    private readonly reports: ReportsService,
    private readonly env: Environment,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.env.JOBS_ENABLED) return;
    for (const job of this.jobs) {
      const expression = job.schedule(this.env);
      if (!expression) continue;
      const cron: CronJob = CronJob.from({
        cronTime: expression,
        onTick: () => {
          const slot = new Date(Math.floor(Date.now() / 60_000) * 60_000);
          void this.runner.run(job, 'schedule', { slot }).catch((err) => this.logger.error(`${job.name}: ${err}`));
        },
        start: true,
      });
      this.crons.push(cron);
    }
    for (const job of this.jobs.filter((j) => j.name.endsWith('-report'))) {
      void this.runner.run(job, 'startup').catch((err) => this.logger.error(`${job.name} catch-up: ${err}`));
    }
    this.poll = setInterval(() => void this.reports.drain(), REPORT_POLL_MS);
    void this.reports.drain();
  }

  onApplicationShutdown(): void {
    for (const cron of this.crons) void cron.stop();
    if (this.poll) clearInterval(this.poll);
  }
}

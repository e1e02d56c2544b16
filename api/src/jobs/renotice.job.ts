import { Injectable } from '@nestjs/common';
import { Environment } from '../config/environment';
import { Renotice } from '../correspondence/renotice';
import type { Job, JobCounts } from './job';

/** Sends the reminders due to platforms that asked for re-notice (only with SMTP_URL: a reminder must really go out). */
@Injectable()
export class RenoticeJob implements Job {
  readonly name = 'renotice';
  readonly description = 'E-mails unanswered requests again, in their thread, to platforms with re-notice settings';

  constructor(private readonly renotice: Renotice) {}

  schedule(env: Environment): string | null {
    return env.SMTP_URL ? env.RENOTICE_CRON : null;
  }

  run(now: Date): Promise<JobCounts> {
    return this.renotice.run(now);
  }
}

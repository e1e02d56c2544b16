import { Injectable } from '@nestjs/common';
import type { Environment } from '../config/environment';
import { ReportsService } from '../reports/reports.service';
import type { Job, JobCounts } from './job';

/** How many missed periods a start catches up on at most. */
const CATCH_UP_LIMIT = 12;

const utc = (y: number, m: number) => new Date(Date.UTC(y, m, 1));

/** The last `count` whole periods of `months` months before `now`, oldest first: [slot, from, to]. */
export function completedPeriods(now: Date, months: 1 | 3, count: number): [string, Date, Date][] {
  const y = now.getUTCFullYear();
  const m = now.getUTCMonth() - (now.getUTCMonth() % months);
  const periods: [string, Date, Date][] = [];
  for (let k = count; k >= 1; k--) {
    const from = utc(y, m - k * months);
    const to = utc(y, m - (k - 1) * months);
    const slot =
      months === 1
        ? `monthly:${from.toISOString().slice(0, 7)}`
        : `quarterly:${from.getUTCFullYear()}-Q${Math.floor(from.getUTCMonth() / 3) + 1}`;
    periods.push([slot, from, to]);
  }
  return periods;
}

/**
 * Queues the compliance report of the period that just ended, and of every period since the last
 * scheduled report (periods missed while the app was down); on a new installation only the last one.
 * Each period's slot is unique, so a report is never queued twice.
 */
@Injectable()
abstract class PeriodicReportJob implements Job {
  abstract readonly name: string;
  abstract readonly description: string;
  protected abstract readonly months: 1 | 3;

  constructor(private readonly reports: ReportsService) {}

  abstract schedule(env: Environment): string;

  async run(now: Date): Promise<JobCounts> {
    const periods = completedPeriods(now, this.months, CATCH_UP_LIMIT);
    const latest = await this.reports.latestScheduleSlot(this.months === 1 ? 'monthly:' : 'quarterly:');
    let queued = 0;
    for (const [slot, from, to] of latest ? periods.filter(([s]) => s > latest) : periods.slice(-1)) {
      if (await this.reports.queueScheduled(slot, from, to)) queued++;
    }
    return { queued };
  }
}

@Injectable()
export class MonthlyReportJob extends PeriodicReportJob {
  readonly name = 'monthly-report';
  readonly description = 'Queues the compliance report of the previous month (and of months missed while down)';
  protected readonly months = 1;
  schedule(env: Environment): string {
    return env.REPORT_MONTHLY_CRON;
  }
}

@Injectable()
export class QuarterlyReportJob extends PeriodicReportJob {
  readonly name = 'quarterly-report';
  readonly description = 'Queues the compliance report of the previous quarter (and of quarters missed while down)';
  protected readonly months = 3;
  schedule(env: Environment): string {
    return env.REPORT_QUARTERLY_CRON;
  }
}

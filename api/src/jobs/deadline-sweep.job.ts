import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { overdueSql } from '../../../domain/src';
import { Environment } from '../config/environment';
import { RequestsService } from '../requests/requests.service';
import type { Job, JobCounts } from './job';

/** Requests escalated per run at most; the rest wait for the next run. */
const ESCALATION_BATCH = 1000;

/**
 * Hourly: marks requests that have become overdue (the per-platform reminder list is built from that
 * mark), and records an 'escalated' event on those still unanswered a grace period after their deadline.
 */
@Injectable()
export class DeadlineSweepJob implements Job {
  readonly name = 'deadline-sweep';
  readonly description = 'Marks requests that became overdue and escalates those unanswered past the grace period';

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly requests: RequestsService,
    private readonly env: Environment,
  ) {}

  schedule(env: Environment): string {
    return env.DEADLINE_SWEEP_CRON;
  }

  async run(now: Date): Promise<JobCounts> {
    const [, newlyOverdue] = await this.dataSource.query(
      `UPDATE requests r SET overdue_since = $1 WHERE ${overdueSql('$1')} AND r.overdue_since IS NULL`,
      [now],
    );
    const grace = this.env.ESCALATION_GRACE_HOURS;
    const due: { id: number }[] = await this.dataSource.query(
      `SELECT r.id FROM requests r
       WHERE ${overdueSql('$1')} AND r.due_at < $2
         AND NOT EXISTS (SELECT 1 FROM request_events e WHERE e.request_id = r.id AND e.kind = 'escalated')
       ORDER BY r.due_at LIMIT $3`,
      [now, new Date(now.getTime() - grace * 3600_000), ESCALATION_BATCH],
    );
    // One transaction per request: a failure part-way leaves every recorded escalation whole.
    for (const { id } of due) {
      await this.requests.recordEvent(
        id,
        { kind: 'escalated', occurredAt: now.toISOString(), note: `No answer ${grace} hours after the deadline (deadline sweep).` },
        null,
      );
    }
    return { newlyOverdue: Number(newlyOverdue ?? 0), escalated: due.length };
  }
}

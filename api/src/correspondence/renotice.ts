import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Environment } from '../config/environment';
import { Outbound } from './outbound';

/**
 * Re-notice: a platform may ask for unanswered mailed requests to be sent again, as replies in the same
 * thread, every `renotice_hours`, at most `renotice_max` times. Due: still `sent` (no response, a robot's
 * receipt aside), mailed by us, not bounced, fewer reminders than the maximum, and the last mail at
 * least the interval old. Metrics still count from the first dispatch: a reminder changes no date.
 */
@Injectable()
export class Renotice {
  private readonly logger = new Logger('Renotice');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbound: Outbound,
    private readonly env: Environment,
  ) {}

  async due(now: Date): Promise<{ id: number; reminders: number }[]> {
    return this.dataSource.query(
      `SELECT r.id, m.reminders
         FROM requests r
         JOIN platforms p ON p.id = r.platform_id AND p.renotice_hours IS NOT NULL
         CROSS JOIN LATERAL (
           SELECT max(received_at) AS last_mail,
                  (SELECT count(*)::int FROM request_events e WHERE e.request_id = r.id AND e.kind = 'reminder_sent' AND e.message_id IS NOT NULL) AS reminders
             FROM messages WHERE request_id = r.id AND direction = 'out' AND received_at IS NOT NULL) m
        WHERE r.status = 'sent' AND r.delivery_failed_at IS NULL AND m.last_mail IS NOT NULL
          AND m.reminders < p.renotice_max
          AND m.last_mail + make_interval(hours => p.renotice_hours) <= $1
        ORDER BY r.id`,
      [now],
    );
  }

  /** Sends the reminders due at `now`; one failure does not stop the others. Without SMTP_URL nothing is sent. */
  async run(now: Date): Promise<{ due: number; sent: number; failed: number }> {
    const due = await this.due(now);
    if (!this.env.SMTP_URL) return { due: due.length, sent: 0, failed: 0 };
    let sent = 0;
    for (const { id, reminders } of due) {
      try {
        await this.outbound.dispatch(id, { reminder: reminders + 1 }, null);
        sent++;
      } catch (err) {
        this.logger.error(`request ${id}: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
    return { due: due.length, sent, failed: due.length - sent };
  }
}

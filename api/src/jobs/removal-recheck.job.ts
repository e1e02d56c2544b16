import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Environment } from '../config/environment';
import { RequestsService } from '../requests/requests.service';
import type { Job, JobCounts } from './job';
import { checkUrl, perHost } from './url-check';
import { type ItemState } from '../../../domain/src';

/** Items re-checked per run at most. */
const BATCH = 5000;

interface Target {
  requestId: number;
  itemId: number;
  url: string;
  host: string;
}

/**
 * Daily, off unless RECHECK_ENABLED: asks each allow-listed URL of the unresolved removal requests
 * whether the content is still there, and records what it learnt as one 'item_checked' event per request.
 */
@Injectable()
export class RemovalRecheckJob implements Job {
  readonly name = 'removal-recheck';
  readonly description = 'Re-requests the item URLs of unresolved removal requests (allow-listed hosts only)';
  private readonly logger = new Logger('RemovalRecheck');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly requests: RequestsService,
    private readonly env: Environment,
  ) {}

  schedule(env: Environment): string | null {
    return env.RECHECK_ENABLED ? env.RECHECK_CRON : null;
  }

  async run(now: Date): Promise<JobCounts> {
    const allowed = new Set(this.env.RECHECK_ALLOWED_HOSTS.map((h) => h.toLowerCase()));
    const rows: { request_id: number; id: number; url: string }[] = await this.dataSource.query(
      `SELECT i.request_id, i.id, i.url FROM request_items i JOIN requests r ON r.id = i.request_id
       WHERE r.type = 'removal' AND r.status IN ('sent', 'acknowledged') AND i.state IN ('pending', 'still_online', 'geo_blocked')
       ORDER BY i.checked_at NULLS FIRST, i.id LIMIT $1`,
      [BATCH],
    );
    const targets: Target[] = rows
      .map((r) => ({ requestId: r.request_id, itemId: r.id, url: r.url, host: new URL(r.url).hostname.toLowerCase() }))
      .filter((t) => allowed.has(t.host));

    const found = new Map<number, { id: number; state: ItemState }[]>();
    await perHost(
      targets,
      (t) => t.host,
      { concurrency: this.env.RECHECK_CONCURRENCY, intervalMs: this.env.RECHECK_HOST_INTERVAL_MS },
      async (t) => {
        const state = await checkUrl(t.url, {
          timeoutMs: this.env.RECHECK_TIMEOUT_MS,
          userAgent: `PlatformComplianceTracker/1.0 (removal re-check; contact ${this.env.ADMIN_EMAIL})`,
          removedMarkers: this.env.RECHECK_REMOVED_MARKERS,
        });
        if (state) found.set(t.requestId, [...(found.get(t.requestId) ?? []), { id: t.itemId, state }]);
      },
    );

    let recorded = 0;
    for (const [requestId, items] of found) {
      try {
        await this.requests.recordEvent(requestId, { kind: 'item_checked', occurredAt: now.toISOString(), items }, null);
        recorded += items.length;
      } catch (err) {
        // The request may have been resolved meanwhile; its items are checked again next time if not.
        this.logger.warn(`request ${requestId}: ${err instanceof Error ? err.message : err}`);
      }
    }
    return { candidates: rows.length, checked: targets.length, recorded, skippedHosts: rows.length - targets.length };
  }
}

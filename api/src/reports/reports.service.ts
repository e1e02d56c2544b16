import { type BeforeApplicationShutdown, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { briefTitle, complianceTitle, renderComplianceReport, renderConsultationBrief } from '../../../reports/src';
import type { Actor } from '../common/http/access';
import { AuditService } from '../audit/audit.service';
import { conflict, invalid, notFound } from '../common/errors/domain-error';
import { enumFilter, findPage, intFilter, type ListQuery, type ListSpec } from '../common/http/list-query';
import { Environment } from '../config/environment';
import { Platform } from '../platforms/platform.entity';
import type { CreateBriefDto, CreateReportDto } from './report.dto';
import { Report } from './report.entity';
import { ReportDataService } from './report-data.service';
import { ADVISORY_LOCK_NAMESPACES, DEFAULT_LANGUAGE, REPORT_KINDS, REPORT_STATUSES } from '../../../domain/src';

export const REPORT_LIST: ListSpec<Report> = {
  resource: 'reports',
  sortable: { id: 'rp.id', createdAt: 'rp.createdAt', status: 'rp.status', from: 'rp.periodFrom', to: 'rp.periodTo', title: 'rp.title' },
  defaultSort: ['id', 'DESC'],
  filters: {
    id: intFilter('rp.id', 'id'),
    status: enumFilter('rp.status', 'status', REPORT_STATUSES),
    kind: enumFilter('rp.kind', 'kind', REPORT_KINDS),
  },
};

/**
 * A worker holds this advisory lock (with the report id) on its own connection while it builds: a
 * running report whose lock is free belongs to a process that died, and is queued again at once.
 */
const REPORT_LOCK_NAMESPACE = ADVISORY_LOCK_NAMESPACES.reports;

/**
 * The report queue: queued -> running -> done | failed. Each transition is one UPDATE, so a report is
 * never half-written; a worker claims the next report with SKIP LOCKED, so several instances share the
 * queue and each report is built once; a failed build is retried up to JOB_MAX_ATTEMPTS times.
 */
@Injectable()
export class ReportsService implements BeforeApplicationShutdown {
  private readonly logger = new Logger('Reports');
  private draining: Promise<void> | null = null;
  private stopped = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly data: ReportDataService,
    private readonly audit: AuditService,
    private readonly env: Environment,
  ) {}

  list(query: ListQuery): Promise<[Report[], number]> {
    return findPage(this.dataSource.getRepository(Report).createQueryBuilder('rp'), query, REPORT_LIST);
  }

  async get(id: number): Promise<Report> {
    const report = await this.dataSource.getRepository(Report).findOne({ where: { id } });
    if (!report) throw notFound('report', id);
    return report;
  }

  async file(id: number, kind: 'pdf' | 'csvGzip'): Promise<{ report: Report; body: Buffer }> {
    const report = await this.dataSource
      .getRepository(Report)
      .createQueryBuilder('rp')
      .addSelect(`rp.${kind}`)
      .where('rp.id = :id', { id })
      .getOne();
    if (!report) throw notFound('report', id);
    if (report.status !== 'done')
      throw conflict('report.not_ready', `report ${id} is ${report.status}; it can be downloaded once it is done`, {
        status: report.status,
      });
    return { report, body: report[kind]! };
  }

  async queueCompliance(dto: CreateReportDto, actor: Actor | null, scheduleSlot: string | null = null): Promise<Report> {
    const from = new Date(dto.from);
    const to = new Date(dto.to);
    if (from >= to) throw invalid('to', 'must be after from', 'input.period_reversed');
    const asOf = dto.asOf ? new Date(dto.asOf) : new Date();
    const platformIds = [...new Set(dto.platformIds ?? [])];
    if (platformIds.length) {
      const found = await this.dataSource.getRepository(Platform).countBy({ id: In(platformIds) });
      if (found !== platformIds.length) throw invalid('platformIds', 'names a platform that does not exist', 'record.unknown_reference');
    }
    // Scheduled reports give no language: they are written in English.
    const language = dto.language ?? DEFAULT_LANGUAGE;
    const title = dto.title ?? complianceTitle(language, from, to);
    return this.enqueue(
      {
        kind: 'compliance',
        title,
        language,
        periodFrom: from,
        periodTo: to,
        asOf,
        platformIds,
        agencyId: dto.agencyId ?? null,
        scheduleSlot,
      },
      actor,
    );
  }

  async queueBrief(dto: CreateBriefDto, actor: Actor): Promise<Report> {
    const platform = await this.dataSource.getRepository(Platform).findOne({ where: { id: dto.platformId } });
    if (!platform) throw invalid('platformId', `${dto.platformId} does not match any platform`, 'record.unknown_reference');
    const asOf = dto.asOf ? new Date(dto.asOf) : new Date();
    const language = dto.language ?? DEFAULT_LANGUAGE;
    return this.enqueue(
      { kind: 'consultation_brief', title: briefTitle(language, platform.name), language, asOf, platformIds: [platform.id] },
      actor,
    );
  }

  /** The latest schedule slot filled with this prefix ("monthly:"), or null. Slots sort by time. */
  async latestScheduleSlot(prefix: string): Promise<string | null> {
    const [row] = await this.dataSource.query(`SELECT max(schedule_slot) AS slot FROM reports WHERE schedule_slot LIKE $1`, [`${prefix}%`]);
    return row?.slot ?? null;
  }

  /** A scheduled report for one slot; nothing when that slot already has one (another instance, or an earlier start). */
  async queueScheduled(slot: string, from: Date, to: Date): Promise<Report | null> {
    const exists = await this.dataSource.getRepository(Report).exists({ where: { scheduleSlot: slot } });
    if (exists) return null;
    try {
      return await this.queueCompliance({ from: from.toISOString(), to: to.toISOString(), asOf: to.toISOString() }, null, slot);
    } catch (err) {
      if ((err as { driverError?: { code?: string } }).driverError?.code === '23505') return null; // lost the race
      throw err;
    }
  }

  private async enqueue(values: Partial<Report>, actor: Actor | null): Promise<Report> {
    const report = await this.dataSource.transaction(async (em) => {
      const saved = await em.save(em.create(Report, { ...values, status: 'queued', requestedById: actor?.id ?? null }));
      await this.audit.record(
        { userId: actor?.id ?? null, action: 'create', entity: 'reports', entityId: saved.id, after: { ...values } },
        em,
      );
      return saved;
    });
    setImmediate(() => void this.drain());
    return report;
  }

  /**
   * Builds queued reports until none is left; concurrent calls share one loop per process. Never
   * rejects: while the database is away the queue simply waits for the next poll.
   */
  drain(): Promise<void> {
    this.draining ??= (async () => {
      try {
        await this.requeueStale();
        while (!this.stopped && (await this.buildNext())) {
          // next
        }
      } catch (err) {
        this.logger.warn(`report queue: ${err instanceof Error ? err.message : err}`);
      } finally {
        this.draining = null;
      }
    })();
    return this.draining;
  }

  /** Shutdown: no new report is claimed, and the one being built is finished while the database is still open. */
  beforeApplicationShutdown(): Promise<void> | void {
    this.stopped = true;
    return this.draining ?? undefined;
  }

  private async requeueStale(): Promise<void> {
    await this.dataSource.query(
      `UPDATE reports SET status = 'queued', version = version + 1
        WHERE status = 'running' AND pg_try_advisory_xact_lock($1, id)`,
      [REPORT_LOCK_NAMESPACE],
    );
  }

  /** Claims and builds one report; false when the queue is empty. */
  private async buildNext(): Promise<boolean> {
    const lock = this.dataSource.createQueryRunner();
    await lock.connect();
    try {
      // The lock is taken before the claim commits, so no one ever sees it running and unlocked.
      await lock.startTransaction();
      const [next] = (await lock.query(`SELECT id FROM reports WHERE status = 'queued' ORDER BY id FOR UPDATE SKIP LOCKED LIMIT 1`)) as {
        id: number;
      }[];
      if (next) {
        await lock.query('SELECT pg_advisory_lock($1, $2)', [REPORT_LOCK_NAMESPACE, next.id]);
        await lock.query(
          `UPDATE reports SET status = 'running', started_at = now(), attempts = attempts + 1, version = version + 1 WHERE id = $1`,
          [next.id],
        );
      }
      await lock.commitTransaction();
      if (!next) return false;
      await this.buildClaimed(next.id);
      return true;
    } finally {
      if (lock.isTransactionActive) await lock.rollbackTransaction().catch(() => undefined);
      // A connection that broke is dropped by the pool, which frees its lock on the server.
      await lock.query('SELECT pg_advisory_unlock_all()').catch(() => undefined);
      await lock.release();
    }
  }

  private async buildClaimed(id: number): Promise<void> {
    const report = await this.get(id);
    try {
      const generatedAt = new Date();
      const { pdf, sha } = await this.build(report, generatedAt);
      await this.dataSource.query(
        `UPDATE reports SET status = 'done', pdf = $2, data_sha256 = $3, page_count = $4, error = NULL,
                finished_at = $5, version = version + 1 WHERE id = $1`,
        [report.id, pdf, sha, countPages(pdf), generatedAt],
      );
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      const retry = report.attempts < this.env.JOB_MAX_ATTEMPTS;
      this.logger.error(`report ${report.id} failed (attempt ${report.attempts}): ${message}`);
      await this.dataSource.query(
        `UPDATE reports SET status = $2, error = $3, finished_at = CASE WHEN $2 = 'failed' THEN now() END, version = version + 1 WHERE id = $1`,
        [report.id, retry ? 'queued' : 'failed', message],
      );
    }
  }

  /**
   * Builds the report and stores its CSV, then returns its PDF. Separate so that tests can make a
   * build fail. The CSV (32 MB gzipped at a million requests) is stored before the PDF is drawn, and
   * let go: holding both at once took the build past 400 MB. It is served only once the report is done.
   */
  async build(report: Report, generatedAt: Date): Promise<{ pdf: Buffer; sha: string }> {
    // The CSV goes out of scope once stored, so that it is not held while the PDF is drawn.
    const stored = async <M>({ model, csvGzip }: { model: M; csvGzip: Buffer }): Promise<M> => {
      await this.dataSource.query(`UPDATE reports SET csv_gzip = $2 WHERE id = $1`, [report.id, csvGzip]);
      return model;
    };
    if (report.kind === 'consultation_brief') {
      const model = await stored(await this.data.brief(report.platformIds[0], report.asOf, generatedAt));
      return { pdf: await renderConsultationBrief(model, report.language), sha: model.dataSha256 };
    }
    const model = await stored(
      await this.data.compliance(
        {
          from: report.periodFrom!,
          to: report.periodTo!,
          asOf: report.asOf,
          platformIds: report.platformIds,
          agencyId: report.agencyId,
          title: report.title,
        },
        generatedAt,
        report.language,
      ),
    );
    return { pdf: await renderComplianceReport(model, report.language), sha: model.dataSha256 };
  }
}

const countPages = (pdf: Buffer) => pdf.toString('latin1').match(/\/Type \/Page\b/g)?.length ?? 0;

import { createHash } from 'node:crypto';
import { createGzip } from 'node:zlib';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ComplianceReportModel, ConsultationBriefModel, ConsultationSummary, WaitingRequest } from '../../../reports/src/model';
import { DataSource } from 'typeorm';
import { notFound } from '../common/errors/domain-error';
import { ResponsivenessService } from '../responsiveness/responsiveness.service';
import type { ResponsivenessRow } from '../responsiveness/responsiveness.dto';
import { csvLine } from './csv';

export interface ReportParameters {
  from: Date;
  to: Date;
  asOf: Date;
  platformIds: number[];
  agencyId: number | null;
  title: string;
}

/** Lines of unanswered requests printed in a PDF; the CSV always has all of them. */
export const MAX_LISTED = 1000;

const CSV_HEADER = ['agency', 'reference', 'platform', 'type', 'category', 'channel', 'sentAt', 'dueAt', 'firstResponseAt', 'answered', 'overdue'];

// The requests a report counts, with $1 from, $2 to, $3 asOf, $4 platform ids (empty: all), $5 agency id.
const REQUESTS_IN_SCOPE = `r.status NOT IN ('draft', 'withdrawn') AND r.sent_at >= $1 AND r.sent_at < $2 AND r.sent_at <= $3
  AND (cardinality($4::int[]) = 0 OR r.platform_id = ANY($4)) AND ($5::int IS NULL OR r.agency_id = $5)`;

const sha256 = (data: unknown) => createHash('sha256').update(JSON.stringify(data)).digest('hex');
const DAY = 86_400_000;

/**
 * The data behind a report, read once from the database as of asOf: the metrics, the monthly trend,
 * the unanswered requests, the consultations, and the CSV of every request counted.
 */
@Injectable()
export class ReportDataService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly stats: ResponsivenessService,
  ) {}

  async compliance(p: ReportParameters, generatedAt: Date): Promise<{ model: ComplianceReportModel; csvGzip: Buffer }> {
    const query = { from: p.from.toISOString(), to: p.to.toISOString(), asOf: p.asOf.toISOString(), ...(p.agencyId && { agencyId: p.agencyId }) };
    const selected = (row: { platformId: number }) => p.platformIds.length === 0 || p.platformIds.includes(row.platformId);
    const platforms = (await this.stats.perPlatform(query)).filter(selected);
    const trend = await this.trend(p);
    const { waiting, total, csvGzip, csvSha256 } = await this.requests(p);
    const agency = p.agencyId ? ((await this.dataSource.query('SELECT name FROM agencies WHERE id = $1', [p.agencyId]))[0]?.name ?? null) : null;
    const consultations = await this.consultations(p);
    const data = { platforms: platforms.map(metrics), trend, waiting, total, consultations, csvSha256 };
    return {
      model: {
        title: p.title,
        agency,
        periodFrom: p.from,
        periodTo: p.to,
        asOf: p.asOf,
        generatedAt,
        dataSha256: sha256({ parameters: { ...p, title: undefined }, data }),
        platforms: data.platforms,
        trend,
        unanswered: waiting,
        unansweredTotal: total,
        consultations,
      },
      csvGzip,
    };
  }

  async brief(platformId: number, asOf: Date, generatedAt: Date): Promise<{ model: ConsultationBriefModel; csvGzip: Buffer }> {
    const [platform] = await this.dataSource.query('SELECT name FROM platforms WHERE id = $1', [platformId]);
    if (!platform) throw notFound('platform', platformId);
    const [row] = await this.stats.perPlatform({ asOf: asOf.toISOString(), platformId });
    const { waiting, total, csvGzip, csvSha256 } = await this.requests({ from: new Date(0), to: new Date(asOf.getTime() + 1), asOf, platformIds: [platformId], agencyId: null, title: '' });
    const actions = await this.dataSource.query(
      `SELECT c.title AS consultation, c.held_at, a.owner_side, a.text, a.due_date::text, a.state
       FROM consultation_action_items a JOIN consultations c ON c.id = a.consultation_id
       WHERE c.platform_id = $1 AND a.state = 'open' AND c.held_at <= $2 ORDER BY a.due_date NULLS LAST, a.id`,
      [platformId, asOf],
    );
    const openActionItems = actions.map((a: Record<string, unknown>) => ({
      consultation: a.consultation as string,
      heldAt: a.held_at as Date,
      ownerSide: a.owner_side as string,
      text: a.text as string,
      dueDate: a.due_date as string | null,
      state: a.state as string,
    }));
    const data = { metrics: metrics(row), waiting, total, openActionItems, csvSha256 };
    return {
      model: {
        platform: platform.name,
        asOf,
        generatedAt,
        dataSha256: sha256({ platformId, asOf, data }),
        metrics: data.metrics,
        openRequests: waiting,
        openRequestsTotal: total,
        openActionItems,
      },
      csvGzip,
    };
  }

  /** Requests sent per month and how many of them were answered by asOf. */
  private trend(p: ReportParameters): Promise<ComplianceReportModel['trend']> {
    return this.dataSource.query(
      `SELECT to_char(date_trunc('month', r.sent_at AT TIME ZONE 'UTC'), 'YYYY-MM-DD"T"00:00:00.000"Z"') AS period,
              count(*)::int AS sent, count(*) FILTER (WHERE r.first_response_at <= $3)::int AS responded
       FROM requests r WHERE ${REQUESTS_IN_SCOPE} GROUP BY 1 ORDER BY 1`,
      this.scopeParams(p),
    );
  }

  /**
   * The requests unanswered at asOf (the oldest MAX_LISTED, and how many in all), and every request
   * counted as gzipped CSV, streamed from a cursor so that memory stays flat at a million rows.
   */
  private async requests(p: ReportParameters): Promise<{ waiting: WaitingRequest[]; total: number; csvGzip: Buffer; csvSha256: string }> {
    const unanswered = `${REQUESTS_IN_SCOPE} AND (r.first_response_at IS NULL OR r.first_response_at > $3)`;
    const [rows, [{ total }]] = await Promise.all([
      this.dataSource.query(
        `SELECT r.reference, pl.name AS platform, r.type, r.channel, r.sent_at, r.due_at
         FROM requests r JOIN platforms pl ON pl.id = r.platform_id WHERE ${unanswered} ORDER BY r.sent_at, r.id LIMIT ${MAX_LISTED}`,
        this.scopeParams(p),
      ),
      this.dataSource.query(`SELECT count(*)::int AS total FROM requests r WHERE ${unanswered}`, this.scopeParams(p)),
    ]);
    const waiting = rows.map((r: Record<string, Date & string>) => ({
      reference: r.reference,
      platform: r.platform,
      type: r.type,
      channel: r.channel,
      sentAt: r.sent_at,
      daysWaiting: Math.floor((p.asOf.getTime() - r.sent_at.getTime()) / DAY),
      overdue: r.due_at < p.asOf,
    }));

    const hash = createHash('sha256');
    const gzip = createGzip();
    const chunks: Buffer[] = [];
    gzip.on('data', (c: Buffer) => chunks.push(c));
    const write = (line: string) => {
      hash.update(line);
      return gzip.write(line) ? undefined : new Promise((ok) => gzip.once('drain', ok));
    };
    await write(csvLine(CSV_HEADER));
    const runner = this.dataSource.createQueryRunner();
    try {
      const stream = await runner.stream(
        `SELECT a.name AS agency, r.reference, pl.slug, r.type, r.category, r.channel, r.sent_at, r.due_at,
                CASE WHEN r.first_response_at <= $3 THEN r.first_response_at END AS first_at
         FROM requests r JOIN platforms pl ON pl.id = r.platform_id JOIN agencies a ON a.id = r.agency_id
         WHERE ${REQUESTS_IN_SCOPE} ORDER BY r.sent_at, r.id`,
        this.scopeParams(p),
      );
      for await (const r of stream as AsyncIterable<Record<string, unknown>>) {
        const overdue = !r.first_at && (r.due_at as Date) < p.asOf;
        await write(csvLine([r.agency, r.reference, r.slug, r.type, r.category, r.channel, r.sent_at, r.due_at, r.first_at, Boolean(r.first_at), overdue]));
      }
    } finally {
      await runner.release();
    }
    await new Promise((ok) => gzip.end(ok));
    return { waiting, total, csvGzip: Buffer.concat(chunks), csvSha256: hash.digest('hex') };
  }

  private scopeParams(p: ReportParameters): unknown[] {
    return [p.from, p.to, p.asOf, p.platformIds, p.agencyId];
  }

  private async consultations(p: ReportParameters): Promise<ConsultationSummary[]> {
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT c.id, c.held_at, c.format, c.title, pl.name AS platform,
              coalesce(json_agg(json_build_object('ownerSide', a.owner_side, 'text', a.text, 'dueDate', a.due_date, 'state', a.state) ORDER BY a.id)
                       FILTER (WHERE a.id IS NOT NULL), '[]') AS action_items
       FROM consultations c JOIN platforms pl ON pl.id = c.platform_id
       LEFT JOIN consultation_action_items a ON a.consultation_id = c.id
       WHERE c.held_at >= $1 AND c.held_at < $2 AND c.held_at <= $3 AND (cardinality($4::int[]) = 0 OR c.platform_id = ANY($4))
       GROUP BY c.id, pl.name ORDER BY c.held_at, c.id`,
      [p.from, p.to, p.asOf, p.platformIds],
    );
    return rows.map((c) => ({
      heldAt: c.held_at as Date,
      platform: c.platform as string,
      format: c.format as string,
      title: c.title as string,
      actionItems: c.action_items as ConsultationSummary['actionItems'],
    }));
  }
}

const metrics = (r: ResponsivenessRow) => {
  const { platformId: _, ...rest } = r;
  return rest;
};

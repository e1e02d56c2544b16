import { createHash } from 'node:crypto';
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

  async compliance(p: ReportParameters, generatedAt: Date): Promise<{ model: ComplianceReportModel; csv: string }> {
    const query = { from: p.from.toISOString(), to: p.to.toISOString(), asOf: p.asOf.toISOString(), ...(p.agencyId && { agencyId: p.agencyId }) };
    const selected = (row: { platformId: number }) => p.platformIds.length === 0 || p.platformIds.includes(row.platformId);
    const platforms = (await this.stats.perPlatform(query)).filter(selected);
    const series = (await this.stats.series({ ...query, interval: 'month' })).filter(selected);
    const trend = [...new Set(series.map((r) => r.period))].sort().map((period) => {
      const rows = series.filter((r) => r.period === period);
      return { period, sent: rows.reduce((n, r) => n + r.sent, 0), responded: rows.reduce((n, r) => n + r.responded, 0) };
    });
    const { waiting, csv } = await this.requests(p);
    const agency = p.agencyId ? ((await this.dataSource.query('SELECT name FROM agencies WHERE id = $1', [p.agencyId]))[0]?.name ?? null) : null;
    const consultations = await this.consultations(p);
    const data = { platforms: platforms.map(metrics), trend, waiting, consultations, csv };
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
        unanswered: waiting.slice(0, MAX_LISTED),
        consultations,
      },
      csv,
    };
  }

  async brief(platformId: number, asOf: Date, generatedAt: Date): Promise<{ model: ConsultationBriefModel; csv: string }> {
    const [platform] = await this.dataSource.query('SELECT name FROM platforms WHERE id = $1', [platformId]);
    if (!platform) throw notFound('platform', platformId);
    const [row] = await this.stats.perPlatform({ asOf: asOf.toISOString(), platformId });
    const { waiting, csv } = await this.requests({ from: new Date(0), to: new Date(asOf.getTime() + 1), asOf, platformIds: [platformId], agencyId: null, title: '' });
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
    const data = { metrics: metrics(row), waiting, openActionItems, csv };
    return {
      model: {
        platform: platform.name,
        asOf,
        generatedAt,
        dataSha256: sha256({ platformId, asOf, data }),
        metrics: data.metrics,
        openRequests: waiting.slice(0, MAX_LISTED),
        openActionItems,
      },
      csv,
    };
  }

  /** Every request counted, as CSV, and those unanswered at asOf, oldest first. */
  private async requests(p: ReportParameters): Promise<{ waiting: WaitingRequest[]; csv: string }> {
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT a.name AS agency, r.reference, pl.name AS platform, pl.slug, r.type, r.category, r.channel, r.sent_at, r.due_at,
              CASE WHEN r.first_response_at <= $3 THEN r.first_response_at END AS first_at
       FROM requests r JOIN platforms pl ON pl.id = r.platform_id JOIN agencies a ON a.id = r.agency_id
       WHERE r.status NOT IN ('draft', 'withdrawn') AND r.sent_at >= $1 AND r.sent_at < $2 AND r.sent_at <= $3
         AND (cardinality($4::int[]) = 0 OR r.platform_id = ANY($4)) AND ($5::int IS NULL OR r.agency_id = $5)
       ORDER BY r.sent_at, r.id`,
      [p.from, p.to, p.asOf, p.platformIds, p.agencyId],
    );
    let csv = csvLine(CSV_HEADER);
    const waiting: WaitingRequest[] = [];
    for (const r of rows) {
      const sentAt = r.sent_at as Date;
      const overdue = !r.first_at && (r.due_at as Date) < p.asOf;
      csv += csvLine([r.agency, r.reference, r.slug, r.type, r.category, r.channel, sentAt, r.due_at, r.first_at, Boolean(r.first_at), overdue]);
      if (!r.first_at) {
        waiting.push({
          reference: r.reference as string,
          platform: r.platform as string,
          type: r.type as string,
          channel: r.channel as string,
          sentAt,
          daysWaiting: Math.floor((p.asOf.getTime() - sentAt.getTime()) / DAY),
          overdue,
        });
      }
    }
    return { waiting, csv };
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

import { createHash } from 'node:crypto';
import { Transform, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ComplianceReportModel, ConsultationBriefModel, ConsultationSummary, WaitingRequest } from '../../../reports/src/model';
import type { PoolClient } from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { DataSource } from 'typeorm';
import { notFound } from '../common/errors/domain-error';
import { type CrossCheckFilter, CrossCheckService } from '../cross-check/cross-check.service';
import { ResponsivenessService } from '../responsiveness/responsiveness.service';
import { RollupRepository } from '../responsiveness/rollup.repository';
import type { ResponsivenessRow } from '../responsiveness/responsiveness.dto';
import { countedSql, type CrossCheckRow, DEFAULT_LANGUAGE, type Language, overdueSql } from '../../../domain/src';

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
/** Publisher periods set beside ours in a PDF; the console's cross-check screen shows them all. */
export const MAX_CROSS_CHECK_ROWS = 30;

// The requests a report counts, with $1 from, $2 to, $3 asOf, $4 platform ids (empty: all), $5 agency id.
const REQUESTS_IN_SCOPE = `${countedSql('r')} AND r.sent_at >= $1 AND r.sent_at < $2 AND r.sent_at <= $3
  AND (cardinality($4::int[]) = 0 OR r.platform_id = ANY($4)) AND ($5::int IS NULL OR r.agency_id = $5)`;

/** The fingerprint of a report's data (and of a public snapshot's figures): SHA-256 of its JSON. */
export const dataFingerprint = (data: unknown): string => createHash('sha256').update(JSON.stringify(data)).digest('hex');
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
    private readonly rollups: RollupRepository,
    private readonly crossCheck: CrossCheckService,
  ) {}

  async compliance(
    p: ReportParameters,
    generatedAt: Date,
    language: Language = DEFAULT_LANGUAGE,
  ): Promise<{ model: ComplianceReportModel; csvGzip: Buffer }> {
    const query = {
      from: p.from.toISOString(),
      to: p.to.toISOString(),
      asOf: p.asOf.toISOString(),
      ...(p.agencyId && { agencyId: p.agencyId }),
    };
    const selected = (row: { platformId: number }) => p.platformIds.length === 0 || p.platformIds.includes(row.platformId);
    // The agency, read once: its name heads the report, its jurisdiction scopes the cross-check.
    const agencyRow: Promise<{ name: string; jurisdiction: string | null } | null> = p.agencyId
      ? this.dataSource.query('SELECT name, jurisdiction FROM agencies WHERE id = $1', [p.agencyId]).then((rows) => rows[0] ?? null)
      : Promise.resolve(null);
    // Independent reads, side by side: the CSV's COPY and gzip overlap with the aggregates.
    const [all, trend, { waiting, total, csvGzip, csvSha256 }, agency, consultations, crossCheck] = await Promise.all([
      this.stats.perPlatform(query),
      this.trend(p),
      this.requests(p),
      agencyRow.then((row) => row?.name ?? null),
      this.consultations(p),
      agencyRow.then((row) => this.crossCheckRows(p, row?.jurisdiction ?? null, language)),
    ]);
    const platforms = all.filter(selected);
    // The cross-check's figures, not its words: the fingerprint is the same in every language.
    const figures = crossCheck.rows.map(({ findings, explanations, ...row }) => ({
      ...row,
      findings: findings.map(codes),
      explanations: explanations.map(codes),
    }));
    const data = {
      platforms: platforms.map(metrics),
      trend,
      waiting,
      total,
      consultations,
      csvSha256,
      crossCheck: figures,
      crossCheckTotal: crossCheck.total,
    };
    return {
      model: {
        title: p.title,
        agency,
        periodFrom: p.from,
        periodTo: p.to,
        asOf: p.asOf,
        generatedAt,
        dataSha256: dataFingerprint({ parameters: { ...p, title: undefined }, data }),
        platforms: data.platforms,
        trend,
        unanswered: waiting,
        unansweredTotal: total,
        consultations,
        crossCheck: crossCheck.rows,
        crossCheckTotal: crossCheck.total,
      },
      csvGzip,
    };
  }

  async brief(platformId: number, asOf: Date, generatedAt: Date): Promise<{ model: ConsultationBriefModel; csvGzip: Buffer }> {
    const [platform] = await this.dataSource.query('SELECT name FROM platforms WHERE id = $1', [platformId]);
    if (!platform) throw notFound('platform', platformId);
    const [row] = await this.stats.perPlatform({ asOf: asOf.toISOString(), platformId });
    const { waiting, total, csvGzip, csvSha256 } = await this.requests({
      from: new Date(0),
      to: new Date(asOf.getTime() + 1),
      asOf,
      platformIds: [platformId],
      agencyId: null,
      title: '',
    });
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
        dataSha256: dataFingerprint({ platformId, asOf, data }),
        metrics: data.metrics,
        openRequests: waiting,
        openRequestsTotal: total,
        openActionItems,
      },
      csvGzip,
    };
  }

  /** Requests sent per month and how many of them were answered by asOf; from the rollups when they can tell. */
  private async trend(p: ReportParameters): Promise<ComplianceReportModel['trend']> {
    const query = { from: p.from.toISOString(), to: p.to.toISOString(), ...(p.agencyId && { agencyId: p.agencyId }) };
    if (await this.rollups.covers(query, p.asOf)) return this.rollups.monthlyTotals(query, p.asOf, p.platformIds);
    return this.dataSource.query(
      `SELECT to_char(date_trunc('month', r.sent_at AT TIME ZONE 'UTC'), 'YYYY-MM-DD"T"00:00:00.000"Z"') AS period,
              count(*)::int AS sent, count(*) FILTER (WHERE r.first_response_at <= $3)::int AS responded
       FROM requests r WHERE ${REQUESTS_IN_SCOPE} GROUP BY 1 ORDER BY 1`,
      this.scopeParams(p),
    );
  }

  /**
   * The requests unanswered at asOf (the oldest MAX_LISTED, and how many in all), and every request
   * counted as gzipped CSV in the order they were recorded, streamed so that memory stays flat.
   */
  private async requests(p: ReportParameters): Promise<{ waiting: WaitingRequest[]; total: number; csvGzip: Buffer; csvSha256: string }> {
    const unanswered = `${REQUESTS_IN_SCOPE} AND (r.first_response_at IS NULL OR r.first_response_at > $3)`;
    const [rows, [{ total }]] = await Promise.all([
      this.dataSource.query(
        `SELECT r.reference, pl.name AS platform, r.type, r.channel, r.sent_at, ${overdueSql('$3')} AS overdue,
                (SELECT count(*)::int FROM messages m WHERE m.request_id = r.id AND m.direction = 'out' AND m.received_at <= $3) AS emails
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
      emails: Number(r.emails),
      overdue: Boolean(r.overdue),
    }));

    // PostgreSQL writes the CSV itself (COPY), streamed through a hash and gzip: fast, and memory stays flat.
    const hash = createHash('sha256');
    const chunks: Buffer[] = [];
    const runner = this.dataSource.createQueryRunner();
    try {
      const client = (await runner.connect()) as PoolClient;
      await runner.startTransaction();
      // Timestamps as PostgreSQL writes them in ISO style, in UTC ("2020-02-11 01:30:00+00"): ISO-8601,
      // and far cheaper than formatting each one with to_char.
      await runner.query(`SET LOCAL TimeZone = 'UTC'`);
      await runner.query(`SET LOCAL DateStyle = 'ISO, YMD'`);
      await pipeline(
        client.query(copyTo(`COPY (${csvSelect(p)}) TO STDOUT WITH (FORMAT csv, HEADER)`)),
        batch(),
        createGzip({ level: 1 }), // CSV compresses well even at the fastest level
        new Writable({
          // The fingerprint covers the compressed bytes: the same rows give the same gzip output.
          write(chunk: Buffer, _encoding, done) {
            hash.update(chunk);
            chunks.push(chunk);
            done();
          },
        }),
      );
      await runner.commitTransaction();
    } finally {
      if (runner.isTransactionActive) await runner.rollbackTransaction();
      await runner.release();
    }
    return { waiting, total, csvGzip: Buffer.concat(chunks), csvSha256: hash.digest('hex') };
  }

  private scopeParams(p: ReportParameters): unknown[] {
    return [p.from, p.to, p.asOf, p.platformIds, p.agencyId];
  }

  /**
   * The publisher periods within the report's period whose subject stands for one of its platforms (a
   * company's figures stand for several: each once), for its agency's jurisdiction when it has one.
   */
  private crossCheckRows(
    p: ReportParameters,
    jurisdiction: string | null,
    language: Language,
  ): Promise<{ rows: CrossCheckRow[]; total: number }> {
    // Periods that start on or after the first whole day of the report and end before the day it ends in.
    const from = new Date(Math.ceil(p.from.getTime() / DAY) * DAY);
    const filter: CrossCheckFilter = { from: isoDay(from), to: isoDay(p.to), ...(jurisdiction && { jurisdiction }) };
    // A company's rows stand for several of its platforms: the filter takes each row once.
    return this.crossCheck.page(
      { ...filter, ...(p.platformIds.length > 0 && { platformIds: p.platformIds }) },
      language,
      MAX_CROSS_CHECK_ROWS,
    );
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

/** COPY sends a chunk per row; a million tiny chunks through gzip cost seconds. Gather them into large buffers. */
function batch(size = 1 << 20): Transform {
  let pending: Buffer[] = [];
  let length = 0;
  const flush = (stream: Transform) => {
    if (length === 0) return;
    stream.push(Buffer.concat(pending, length));
    pending = [];
    length = 0;
  };
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      pending.push(chunk);
      length += chunk.length;
      if (length >= size) flush(this);
      done();
    },
    flush(done) {
      flush(this);
      done();
    },
  });
}

// A leading = + - @ would make a spreadsheet run the cell as a formula.
const neutral = (column: string) => `CASE WHEN ${column} ~ '^[=+@-]' THEN '''' || ${column} ELSE ${column} END`;

/**
 * The CSV rows as one SELECT for COPY, which takes no bind parameters: the scope is inlined from typed
 * values only (dates as ISO literals, ids as integers), never from text a user typed.
 */
function csvSelect(p: ReportParameters): string {
  const asOf = `'${p.asOf.toISOString()}'::timestamptz`;
  const scope = REQUESTS_IN_SCOPE.replace('$1', `'${p.from.toISOString()}'::timestamptz`)
    .replace('$2', `'${p.to.toISOString()}'::timestamptz`)
    .replace('$3', asOf)
    .replaceAll('$4', `ARRAY[${p.platformIds.map((id) => Math.trunc(id)).join(',')}]::int[]`)
    .replaceAll('$5', p.agencyId === null ? 'NULL' : String(Math.trunc(p.agencyId)));
  const firstAt = `CASE WHEN r.first_response_at <= ${asOf} THEN r.first_response_at END`;
  return `SELECT ${neutral('a.name')} AS agency, ${neutral('r.reference')} AS reference, pl.slug AS platform,
      r.type, r.category, r.channel, r.sent_at AS "sentAt", r.due_at AS "dueAt",
      ${firstAt} AS "firstResponseAt", (${firstAt} IS NOT NULL)::text AS answered,
      (${overdueSql(asOf)})::text AS overdue
    FROM requests r JOIN platforms pl ON pl.id = r.platform_id JOIN agencies a ON a.id = r.agency_id
    WHERE ${scope} ORDER BY r.id`;
}

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/** A publisher period's identity: a company's row comes once, whichever of its platforms it came through. */
const codes = ({ code, params }: CrossCheckRow['findings'][number]) => ({ code, params });

const metrics = (r: ResponsivenessRow) => {
  const { platformId: _, ...rest } = r;
  return rest;
};

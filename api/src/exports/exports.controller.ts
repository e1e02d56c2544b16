import { Transform, type Readable } from 'node:stream';
import { Controller, Get, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { InjectDataSource } from '@nestjs/typeorm';
import ExcelJS from 'exceljs';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { type Actor, CurrentUser } from '../common/http/access';
import { applyFilters, parseListQuery } from '../common/http/list-query';
import { PlatformRequest } from '../requests/request.entity';
import { REQUEST_LIST } from '../requests/requests.service';
import { ResponsivenessService } from '../responsiveness/responsiveness.service';
import { StatsQueryDto } from '../responsiveness/stats-query.dto';
import { can, REQUEST_CSV_COLUMNS, type RequestCsvColumn } from '../../../domain/src';

export class OpenDataQueryDto extends StatsQueryDto {
  @ApiPropertyOptional({ enum: ['csv', 'json'], default: 'csv' })
  @IsOptional()
  @IsIn(['csv', 'json'])
  format?: 'csv' | 'json';
}
import { csvLine } from './csv';
import { ReadsFromReplica } from '../database/replica/reads-from-replica';

const OPEN_DATA_COLUMNS = [
  'platform',
  'month',
  'sent',
  'responded',
  'unanswered',
  'responseRate',
  'medianResponseHours',
  'p90ResponseHours',
  'kmMedianResponseHours',
  'overdue',
  'onTimeRate',
  'itemsRequested',
  'itemsRemoved',
  'itemsStillOnline',
  'removedCompletely',
  'removedPartially',
  'notRemoved',
  'medianRemovalHours',
] as const;

/** Where each CSV column comes from: the request (r), its agency (a), platform (p) and item (i). */
const CSV_SOURCES: Record<Exclude<RequestCsvColumn, 'itemUrl'>, string> = {
  agency: 'a.name',
  reference: 'r.reference',
  platform: 'p.slug',
  type: 'r.type',
  category: 'r.category',
  channel: 'r.channel',
  sentAt: 'r.sent_at',
  status: 'r.status',
  outcome: 'r.outcome',
  firstResponseAt: 'r.first_response_at',
  resolvedAt: 'r.resolved_at',
  itemContentHash: 'i.content_hash',
  itemState: 'i.state',
};
/** itemUrl is left empty for roles without content:urls. */
const csvExpression = (column: RequestCsvColumn, withUrls: boolean) =>
  column === 'itemUrl' ? (withUrls ? 'i.url' : 'NULL') : CSV_SOURCES[column];

@ApiTags('exports')
@ApiBearerAuth()
@ReadsFromReplica()
@Controller('exports')
export class ExportsController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly stats: ResponsivenessService,
  ) {}

  @ApiOperation({
    summary: 'Requests as CSV (the import format: one row per item), with the same filters as GET /api/requests',
    description: 'Streamed from a cursor: a million rows never sit in memory. Importing the file elsewhere recreates the requests.',
  })
  @ApiProduces('text/csv')
  @Get('requests.csv')
  async requestsCsv(
    @Query() query: Record<string, unknown>,
    @Res({ passthrough: true }) res: Response,
    @CurrentUser() actor: Actor,
  ): Promise<StreamableFile> {
    const rows = await this.requestRows(query, actor);
    const toCsv = new Transform({
      objectMode: true,
      transform(row: unknown[], _encoding, done) {
        done(null, csvLine(row));
      },
    });
    toCsv.push(csvLine([...REQUEST_CSV_COLUMNS]));
    res.setHeader('Content-Disposition', 'attachment; filename="requests.csv"');
    return new StreamableFile(rows.pipe(toCsv), { type: 'text/csv; charset=utf-8' });
  }

  @ApiOperation({ summary: 'The same rows as an Excel workbook, written as they stream' })
  @ApiProduces('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @Get('requests.xlsx')
  async requestsXlsx(@Query() query: Record<string, unknown>, @Res() res: Response, @CurrentUser() actor: Actor): Promise<void> {
    const rows = await this.requestRows(query, actor);
    res.setHeader('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    res.setHeader('Content-Disposition', 'attachment; filename="requests.xlsx"');
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: res, useStyles: false, useSharedStrings: false });
    const sheet = workbook.addWorksheet('requests');
    sheet.addRow([...REQUEST_CSV_COLUMNS]).commit();
    for await (const row of rows as AsyncIterable<unknown[]>) sheet.addRow(row).commit();
    sheet.commit();
    await workbook.commit();
  }

  @ApiOperation({
    summary: 'Open data: the responsiveness metrics per platform and month, with no personal data and no URLs',
    description: 'Query: from, to, asOf, type, category, channel (as /api/stats/responsiveness). format=json for JSON.',
  })
  @ApiProduces('text/csv', 'application/json')
  @Get('open-data')
  async openData(@Query() query: OpenDataQueryDto, @Res({ passthrough: true }) res: Response): Promise<unknown> {
    const { format, ...stats } = query;
    const rows = (await this.stats.series({ ...stats, interval: 'month' })).map((r) => ({ ...r, month: r.period.slice(0, 7) }));
    const records = rows.map((r) => Object.fromEntries(OPEN_DATA_COLUMNS.map((c) => [c, (r as Record<string, unknown>)[c]])));
    if (format === 'json') return records;
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', 'attachment; filename="platform-responsiveness.csv"');
    return csvLine([...OPEN_DATA_COLUMNS]) + records.map((r) => csvLine(OPEN_DATA_COLUMNS.map((c) => r[c]))).join('');
  }

  /**
   * The requests of the list's filters, one row per item in the CSV columns' order, from a cursor;
   * itemUrl is left empty for roles without content:urls.
   */
  private async requestRows(query: Record<string, unknown>, actor: Actor): Promise<Readable> {
    const list = parseListQuery(query, REQUEST_LIST);
    const qb = applyFilters(this.dataSource.getRepository(PlatformRequest).createQueryBuilder('r'), list, REQUEST_LIST)
      .innerJoin('agencies', 'a', 'a.id = r.agency_id')
      .innerJoin('platforms', 'p', 'p.id = r.platform_id')
      .leftJoin('request_items', 'i', 'i.request_id = r.id')
      .select(REQUEST_CSV_COLUMNS.map((column) => `${csvExpression(column, can(actor.role, 'content:urls'))} AS "${column}"`).join(', '))
      .orderBy('r.id')
      .addOrderBy('i.id');
    const [sql, params] = qb.getQueryAndParameters();
    const runner = this.dataSource.createQueryRunner();
    const stream = await runner.stream(sql, params);
    let released = false;
    const release = () => {
      if (!released) void runner.release();
      released = true;
    };
    stream.on('end', release).on('error', release).on('close', release);
    return stream.pipe(
      new Transform({
        objectMode: true,
        transform(r: Record<string, unknown>, _encoding, done) {
          done(
            null,
            REQUEST_CSV_COLUMNS.map((column) => r[column]),
          );
        },
      }),
    );
  }
}

import { Transform } from 'node:stream';
import { Controller, Get, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { applyFilters, parseListQuery } from '../common/http/list-query';
import { CSV_COLUMNS } from '../imports/import-row';
import { PlatformRequest } from '../requests/request.entity';
import { REQUEST_LIST } from '../requests/requests.service';
import { csvLine } from './csv';

@ApiTags('exports')
@ApiBearerAuth()
@Controller('exports')
export class ExportsController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @ApiOperation({
    summary: 'Requests as CSV (the import format: one row per item), with the same filters as GET /api/requests',
    description: 'Streamed from a cursor: a million rows never sit in memory. Importing the file elsewhere recreates the requests.',
  })
  @ApiProduces('text/csv')
  @Get('requests.csv')
  async requests(@Query() query: Record<string, unknown>, @Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    const list = parseListQuery(query, REQUEST_LIST);
    const qb = applyFilters(this.dataSource.getRepository(PlatformRequest).createQueryBuilder('r'), list, REQUEST_LIST)
      .innerJoin('agencies', 'a', 'a.id = r.agency_id')
      .innerJoin('platforms', 'p', 'p.id = r.platform_id')
      .leftJoin('request_items', 'i', 'i.request_id = r.id')
      .select('a.name', 'agency')
      .addSelect(['r.reference', 'r.type', 'r.category', 'r.channel', 'r.sent_at', 'r.status', 'r.outcome', 'r.first_response_at', 'r.resolved_at'].map((c) => `${c} AS "${c.slice(2)}"`).join(', '))
      .addSelect('p.slug', 'platform')
      .addSelect(['i.url AS item_url', 'i.content_hash AS item_hash', 'i.state AS item_state'].join(', '))
      .orderBy('r.id')
      .addOrderBy('i.id');
    const [sql, params] = qb.getQueryAndParameters();
    const runner = this.dataSource.createQueryRunner();
    const rows = await runner.stream(sql, params);
    const toCsv = new Transform({
      objectMode: true,
      transform(r: Record<string, unknown>, _encoding, done) {
        done(null, csvLine([r.agency, r.reference, r.platform, r.type, r.category, r.channel, r.sent_at, r.status, r.outcome, r.first_response_at, r.resolved_at, r.item_url, r.item_hash, r.item_state]));
      },
    });
    toCsv.push(csvLine([...CSV_COLUMNS]));
    const release = () => void runner.release();
    rows.on('end', release).on('error', release);
    res.setHeader('Content-Disposition', 'attachment; filename="requests.csv"');
    return new StreamableFile(rows.pipe(toCsv), { type: 'text/csv; charset=utf-8' });
  }
}

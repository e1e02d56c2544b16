import { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { Body, Controller, Get, Headers, Param, ParseIntPipe, Post, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { type Language, languageFrom } from '../../../domain/src';
import { type Actor, CurrentUser, RequirePermission } from '../common/http/access';
import { respondWithList } from '../common/http/list-query';
import { CreateBriefDto, CreateReportDto, ReportResponse, toReportResponse } from './report.dto';
import { REPORT_LIST, ReportsService } from './reports.service';
import { ReadsFromReplica } from '../database/replica/reads-from-replica';

/** The language asked for, else the reader's: the first supported one of their Accept-Language header, else English. */
const inLanguage = <T extends { language?: Language }>(body: T, acceptLanguage: string | undefined): T => ({
  ...body,
  language: body.language ?? languageFrom(acceptLanguage),
});

const filename = (id: number, title: string, ext: string) =>
  `report-${id}-${title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')}.${ext}`;

@ApiTags('reports')
@ApiBearerAuth()
@ReadsFromReplica()
@Controller('reports')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Get()
  list(@Query() query: Record<string, unknown>, @Res({ passthrough: true }) res: Response): Promise<ReportResponse[]> {
    return respondWithList(res, query, REPORT_LIST, (list) => this.reports.list(list), toReportResponse);
  }

  @Get(':id')
  async get(@Param('id', ParseIntPipe) id: number): Promise<ReportResponse> {
    return toReportResponse(await this.reports.get(id));
  }

  @ApiOperation({ summary: 'Queue a compliance report (queued -> running -> done | failed)' })
  @RequirePermission('reports:create')
  @Post()
  async create(
    @Body() body: CreateReportDto,
    @Headers('accept-language') acceptLanguage: string | undefined,
    @CurrentUser() actor: Actor,
  ): Promise<ReportResponse> {
    return toReportResponse(await this.reports.queueCompliance(inLanguage(body, acceptLanguage), actor));
  }

  @ApiOperation({ summary: "Queue a consultation brief: one platform's open requests and open action items" })
  @RequirePermission('reports:create')
  @Post('briefs')
  async brief(
    @Body() body: CreateBriefDto,
    @Headers('accept-language') acceptLanguage: string | undefined,
    @CurrentUser() actor: Actor,
  ): Promise<ReportResponse> {
    return toReportResponse(await this.reports.queueBrief(inLanguage(body, acceptLanguage), actor));
  }

  @ApiProduces('application/pdf')
  @Get(':id/pdf')
  async pdf(@Param('id', ParseIntPipe) id: number, @Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    const { report, body } = await this.reports.file(id, 'pdf');
    res.setHeader('Content-Disposition', `attachment; filename="${filename(id, report.title, 'pdf')}"`);
    return new StreamableFile(body, { type: 'application/pdf' });
  }

  @ApiOperation({ summary: 'The rows the report was built from, as CSV' })
  @ApiProduces('text/csv')
  @Get(':id/csv')
  async csv(@Param('id', ParseIntPipe) id: number, @Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    const { report, body } = await this.reports.file(id, 'csvGzip');
    res.setHeader('Content-Disposition', `attachment; filename="${filename(id, report.title, 'csv')}"`);
    return new StreamableFile(Readable.from([body]).pipe(createGunzip()), { type: 'text/csv; charset=utf-8' });
  }
}

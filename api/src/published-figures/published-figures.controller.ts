import { Body, Controller, Get, Header, HttpCode, Param, ParseIntPipe, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiConsumes, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { type Actor, CurrentUser, RequirePermission } from '../common/http/access';
import { respondWithList } from '../common/http/list-query';
import { uploadedBytes } from '../common/http/upload';
import { PublishedFigureInputDto } from './published-figure.dto';
import { FIGURE_CSV_COLUMNS } from '../../../domain/src';
import type { PublishedFigure } from './published-figure.entity';
import { FIGURE_LIST, type FigureImportResult, PublishedFiguresService } from './published-figures.service';
import { ReadsFromReplica } from '../database/replica/reads-from-replica';

/** Publishers' files are small (Google's whole history is a few MB). */
const MAX_FILE_BYTES = 50 * 1024 * 1024;

const TEMPLATE = `${FIGURE_CSV_COLUMNS.join(',')}
Meta,Facebook,service,2024-H1,KR,police,,requests,41
Meta,Facebook,service,2024-H1,KR,police,,items,118
Meta,Facebook,service,2024-H1,KR,police,,items_removed_policy_pct,72
`;

@ApiTags('published-figures')
@ApiBearerAuth()
@ReadsFromReplica()
@Controller('published-figures')
export class PublishedFiguresController {
  constructor(private readonly figures: PublishedFiguresService) {}

  @Get()
  list(@Query() query: Record<string, unknown>, @Res({ passthrough: true }) res: Response): Promise<PublishedFigure[]> {
    return respondWithList(
      res,
      query,
      FIGURE_LIST,
      (list) => this.figures.list(list),
      (f) => f,
    );
  }

  @ApiOperation({ summary: 'Our CSV for figures no importer reads: the header and an example' })
  @ApiProduces('text/csv')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="published-figures-template.csv"')
  @Get('template.csv')
  template(): string {
    return TEMPLATE;
  }

  @ApiOperation({ summary: 'One figure with every earlier value a corrected file replaced (history, newest first)' })
  @Get(':id')
  get(@Param('id', ParseIntPipe) id: number): Promise<object> {
    return this.figures.get(id);
  }

  @ApiOperation({
    summary: 'Import a publisher’s file (Google current or historical CSV, DSA table 3 CSV, or our CSV), all or nothing',
    description:
      'The format is told by the header; an unknown one is a 400 listing the headers of each format. Send the CSV as the body (text/csv) or as a multipart field named file; `publisher` and `sourceUrl` in the query. Importing a file again changes nothing; a corrected file revises the figures it changes and keeps their earlier values.',
  })
  @ApiConsumes('text/csv', 'multipart/form-data')
  @RequirePermission('figures:write')
  @HttpCode(200)
  @Post('import')
  async import(
    @Req() req: Request,
    @Query('publisher') publisher: string | undefined,
    @Query('sourceUrl') sourceUrl: string | undefined,
    @CurrentUser() actor: Actor,
  ): Promise<FigureImportResult> {
    const bytes = await uploadedBytes(req, MAX_FILE_BYTES);
    return this.figures.importFile(bytes, { publisher, sourceUrl }, actor);
  }

  @ApiOperation({ summary: 'Type in one figure read from a PDF or a bot, naming its source; the same figure again revises it' })
  @RequirePermission('figures:write')
  @Post()
  create(@Body() body: PublishedFigureInputDto, @CurrentUser() actor: Actor): Promise<PublishedFigure> {
    return this.figures.create(body, actor);
  }
}

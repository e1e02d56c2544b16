import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { respondWithList } from '../common/http/list-query';
import { OVERDUE_LIST } from './overdue';
import { OverdueRow, toOverdueRow } from './overdue.dto';
import { parseAsOf } from './stats-scope';
import { ContentStats, KmCurve, ResponsivenessBreakdownRow, ResponsivenessRow, ResponsivenessSeriesRow } from './responsiveness.dto';
import { ResponsivenessService } from './responsiveness.service';
import { BreakdownQueryDto, KmCurveQueryDto, SeriesQueryDto, StatsQueryDto } from './stats-query.dto';
import { ReadsFromReplica } from '../database/replica/reads-from-replica';

@ApiTags('stats')
@ApiBearerAuth()
@ReadsFromReplica()
@Controller('stats')
export class ResponsivenessController {
  constructor(private readonly stats: ResponsivenessService) {}

  @ApiOperation({
    summary: 'How fast and how completely each platform answers',
    description:
      'One row per platform for requests sent in [from, to), as known at asOf (default now). medianResponseHours looks only at answered requests; kmMedianResponseHours (Kaplan-Meier, unanswered requests censored at asOf) does not flatter a platform that ignores most requests.',
  })
  @ApiOkResponse({ type: [ResponsivenessRow] })
  @Get('responsiveness')
  responsiveness(@Query() query: StatsQueryDto): Promise<ResponsivenessRow[]> {
    return this.stats.perPlatform(query);
  }

  @ApiOperation({ summary: 'The same metrics per platform and month, quarter or year (UTC)' })
  @ApiOkResponse({ type: [ResponsivenessSeriesRow] })
  @Get('responsiveness/series')
  series(@Query() query: SeriesQueryDto): Promise<ResponsivenessSeriesRow[]> {
    return this.stats.series(query);
  }

  @ApiOperation({ summary: 'The same metrics per platform and request type, category or channel' })
  @ApiOkResponse({ type: [ResponsivenessBreakdownRow] })
  @Get('responsiveness/breakdown')
  breakdown(@Query() query: BreakdownQueryDto): Promise<ResponsivenessBreakdownRow[]> {
    return this.stats.breakdown(query);
  }

  @ApiOperation({
    summary: 'The Kaplan-Meier curve of time to first response, per platform',
    description:
      'For each platform, the estimated share of requests still unanswered after each whole hour, counting unanswered requests as censored at asOf, up to maxHours (default 720). Same filters as /responsiveness.',
  })
  @ApiOkResponse({ type: [KmCurve] })
  @Get('responsiveness/km')
  km(@Query() query: KmCurveQueryDto): Promise<KmCurve[]> {
    return this.stats.kmCurves(query);
  }

  @ApiOperation({ summary: 'Pieces of content (items sharing a contentHash) removed everywhere, somewhere, or still online' })
  @ApiOkResponse({ type: ContentStats })
  @Get('content')
  content(@Query() query: StatsQueryDto): Promise<ContentStats> {
    return this.stats.content(query);
  }

  @ApiOperation({
    summary: 'Requests unanswered and past their deadline at asOf, oldest deadline first (list dialect)',
    description: 'filter: platformId, agencyId, type, category, channel',
  })
  @ApiQuery({ name: 'asOf', required: false })
  @ApiOkResponse({ type: [OverdueRow] })
  @Get('overdue')
  overdue(@Query() query: Record<string, unknown>, @Res({ passthrough: true }) res: Response): Promise<OverdueRow[]> {
    const { asOf: asOfParam, ...list } = query;
    const asOf = parseAsOf(asOfParam);
    return respondWithList(
      res,
      list,
      OVERDUE_LIST,
      (l) => this.stats.overdue(asOf, l, asOfParam !== undefined),
      (r) => toOverdueRow(r, asOf),
    );
  }
}

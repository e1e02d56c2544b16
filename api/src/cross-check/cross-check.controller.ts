import { Controller, Get, Header, Headers, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { type CrossCheckRow, languageFrom } from '../../../domain/src';
import { CrossCheckQueryDto } from './cross-check.dto';
import { CrossCheckService } from './cross-check.service';
import { DsaExportQueryDto, DsaExportService } from './dsa-export';
import { ReadsFromReplica } from '../database/replica/reads-from-replica';

@ApiTags('cross-check')
@ApiBearerAuth()
@ReadsFromReplica()
@Controller('cross-check')
export class CrossCheckController {
  constructor(
    private readonly crossCheck: CrossCheckService,
    private readonly dsa: DsaExportService,
  ) {}

  @ApiOperation({
    summary: 'What the platforms published beside what we recorded: one row per publisher period, with findings in plain words',
    description:
      'Our side is measured the publishers’ way over the same subject, period, jurisdiction, requester types and category. Each finding comes with what could explain it; a gap is not proof by itself.',
  })
  @Get()
  rows(@Query() query: CrossCheckQueryDto, @Headers('accept-language') acceptLanguage: string | undefined): Promise<CrossCheckRow[]> {
    const { language, ...filter } = query;
    return this.crossCheck.rows(filter, language ?? languageFrom(acceptLanguage));
  }

  @ApiOperation({
    summary: 'Our ledger in the shape of DSA table 3 (orders from authorities), per service, half-year, category and scope',
    description: 'What a platform should have reported for our orders; hand it to the platform beside its own report.',
  })
  @ApiProduces('text/csv')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="dsa-table3-our-orders.csv"')
  @Get('dsa-table3.csv')
  dsaTable3(@Query() query: DsaExportQueryDto): Promise<string> {
    return this.dsa.csv(query);
  }
}

import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type OverdueByPlatform, ResponsivenessService } from './responsiveness.service';
import { ReadsFromReplica } from '../database/replica/reads-from-replica';

/** The reminder list: the overdue requests of /api/stats/overdue, now, grouped by platform. */
@ApiTags('stats')
@ApiBearerAuth()
@ReadsFromReplica()
@Controller('reminders')
export class RemindersController {
  constructor(private readonly stats: ResponsivenessService) {}

  @ApiOperation({ summary: 'Per platform: the requests overdue now (as /api/stats/overdue), oldest deadline first' })
  @Get()
  list(): Promise<OverdueByPlatform[]> {
    return this.stats.overdueByPlatform(new Date());
  }
}

import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type OverdueByPlatform, ResponsivenessService } from './responsiveness.service';

/** The reminder list: the overdue requests of /api/stats/overdue, now, grouped by platform. */
@ApiTags('stats')
@ApiBearerAuth()
@Controller('reminders')
export class RemindersController {
  constructor(private readonly stats: ResponsivenessService) {}

  @ApiOperation({ summary: 'Per platform: the requests overdue now (as /api/stats/overdue), oldest deadline first' })
  @Get()
  list(): Promise<OverdueByPlatform[]> {
    return this.stats.overdueByPlatform(new Date());
  }
}

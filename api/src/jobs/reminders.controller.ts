import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** The per-platform reminder list the deadline sweep keeps: overdue requests still unanswered. */
@ApiTags('jobs')
@ApiBearerAuth()
@Controller('reminders')
export class RemindersController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @ApiOperation({ summary: 'Per platform: the requests the deadline sweep found overdue and still unanswered' })
  @Get()
  list(): Promise<{ platformId: number; platform: string; overdue: number; oldestDueAt: Date; references: string[] }[]> {
    return this.dataSource.query(
      `SELECT p.id AS "platformId", p.name AS platform, count(*)::int AS overdue, min(r.due_at) AS "oldestDueAt",
              (array_agg(r.reference ORDER BY r.due_at))[1:50] AS "references"
       FROM requests r JOIN platforms p ON p.id = r.platform_id
       WHERE r.overdue_since IS NOT NULL AND r.status = 'sent' AND r.first_response_at IS NULL
       GROUP BY p.id ORDER BY count(*) DESC, p.name`,
    );
  }
}

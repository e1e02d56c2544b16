import { Module } from '@nestjs/common';
import { ResponsivenessModule } from '../responsiveness/responsiveness.module';
import { ReportDataService } from './report-data.service';
import { ReportsController } from './reports.controller';
import { ReportsService } from './reports.service';

@Module({
  imports: [ResponsivenessModule],
  controllers: [ReportsController],
  providers: [ReportDataService, ReportsService],
  exports: [ReportsService],
})
export class ReportsModule {}

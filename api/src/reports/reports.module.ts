import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Report } from './report.entity';
import { CrossCheckModule } from '../cross-check/cross-check.module';
import { ResponsivenessModule } from '../responsiveness/responsiveness.module';
import { ReportDataService } from './report-data.service';
import { ReportsController } from './reports.controller';
import { ReportsService } from './reports.service';

@Module({
  imports: [TypeOrmModule.forFeature([Report]), ResponsivenessModule, CrossCheckModule],
  controllers: [ReportsController],
  providers: [ReportDataService, ReportsService],
  exports: [ReportsService],
})
export class ReportsModule {}

import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Report } from './report.entity';
import { ResponsivenessModule } from '../responsiveness/responsiveness.module';
import { ReportDataService } from './report-data.service';
import { ReportsController } from './reports.controller';
import { ReportsService } from './reports.service';

@Module({
  imports: [TypeOrmModule.forFeature([Report]), ResponsivenessModule],
  controllers: [ReportsController],
  providers: [ReportDataService, ReportsService],
  exports: [ReportsService],
})
export class ReportsModule {}

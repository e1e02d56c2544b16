import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { JobRun } from './job-run.entity';
import { ReportsModule } from '../reports/reports.module';
import { RequestsModule } from '../requests/requests.module';
import { CorrespondenceModule } from '../correspondence/correspondence.module';
import { PublicSnapshotsModule } from '../public-snapshots/public-snapshots.module';
import { DeadlineSweepJob } from './deadline-sweep.job';
import { JOBS } from './job';
import { JobRunner } from './job-runner.service';
import { JobsController } from './jobs.controller';
import { JobsScheduler } from './jobs.scheduler';
import { PublicSnapshotJob } from './public-snapshot.job';
import { RemovalRecheckJob } from './removal-recheck.job';
import { RenoticeJob } from './renotice.job';
import { MonthlyReportJob, QuarterlyReportJob } from './report-schedule.job';

const JOB_CLASSES = [DeadlineSweepJob, RemovalRecheckJob, MonthlyReportJob, QuarterlyReportJob, RenoticeJob, PublicSnapshotJob];

@Module({
  imports: [TypeOrmModule.forFeature([JobRun]), RequestsModule, ReportsModule, CorrespondenceModule, PublicSnapshotsModule],
  controllers: [JobsController],
  providers: [...JOB_CLASSES, { provide: JOBS, useFactory: (...jobs: unknown[]) => jobs, inject: JOB_CLASSES }, JobRunner, JobsScheduler],
  exports: [JobRunner, JOBS],
})
export class JobsModule {}

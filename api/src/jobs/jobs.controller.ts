import { Controller, Get, Inject, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { type Actor, CurrentUser, RequirePermission } from '../common/http/access';
import { notFound } from '../common/errors/domain-error';
import { enumFilter, findPage, type ListSpec, respondWithList, textFilter } from '../common/http/list-query';
import { Environment } from '../config/environment';
import { type Job, JOBS } from './job';
import { JobRun } from './job-run.entity';
import { JobRunner } from './job-runner.service';
import { JOB_RUN_STATUSES } from '../../../domain/src';

const RUN_LIST: ListSpec<JobRun> = {
  resource: 'runs',
  sortable: { id: 'j.id', job: 'j.job', startedAt: 'j.startedAt', status: 'j.status' },
  defaultSort: ['id', 'DESC'],
  filters: { job: textFilter(['j.job'], 'job'), status: enumFilter('j.status', 'status', JOB_RUN_STATUSES) },
};

@ApiTags('jobs')
@ApiBearerAuth()
@Controller('jobs')
export class JobsController {
  constructor(
    @Inject(JOBS) private readonly jobs: Job[],
    private readonly runner: JobRunner,
    private readonly env: Environment,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  @ApiOperation({ summary: 'The scheduled jobs, their schedules and their last run' })
  @RequirePermission('jobs:manage')
  @Get()
  async list() {
    const last: JobRun[] = await this.dataSource.query(
      `SELECT DISTINCT ON (job) id, job, status, started_at AS "startedAt", finished_at AS "finishedAt", counts, error
       FROM job_runs ORDER BY job, id DESC`,
    );
    return this.jobs.map((job) => ({
      name: job.name,
      description: job.description,
      schedule: this.env.JOBS_ENABLED ? job.schedule(this.env) : null,
      lastRun: last.find((r) => r.job === job.name) ?? null,
    }));
  }

  @ApiOperation({ summary: 'Every recorded run (list dialect; filter: job, status)' })
  @RequirePermission('jobs:manage')
  @Get('runs')
  runs(@Query() query: Record<string, unknown>, @Res({ passthrough: true }) res: Response): Promise<JobRun[]> {
    return respondWithList(
      res,
      query,
      RUN_LIST,
      (list) => findPage(this.dataSource.getRepository(JobRun).createQueryBuilder('j'), list, RUN_LIST),
      (r) => r,
    );
  }

  @ApiOperation({ summary: 'Run a job now and wait for it; answers with the recorded run' })
  @RequirePermission('jobs:manage')
  @Post(':name/run')
  async run(@Param('name') name: string, @CurrentUser() actor: Actor): Promise<JobRun | null> {
    const job = this.jobs.find((j) => j.name === name);
    if (!job) throw notFound('job', name);
    return this.runner.run(job, 'manual', { actor });
  }
}

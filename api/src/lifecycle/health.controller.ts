import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Public } from '../common/http/access';
import { ShutdownState } from './shutdown-state';
import { DomainError } from '../common/errors/domain-error';
import { type ReplicaHealth, ReplicaReads } from '../database/replica/replica-reads';

/** `replica` only with DATABASE_REPLICA_URL: its state never fails readiness, since reads fall back to the primary. */
type Readiness = { status: 'ok'; database: 'up'; replica?: ReplicaHealth };

/** Probes for a load balancer or orchestrator; a 503 carries Retry-After (set by the error filter). */
@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly shutdown: ShutdownState,
    private readonly replica: ReplicaReads,
  ) {}

  @Public()
  @ApiOperation({ summary: 'Same as /health/ready' })
  @Get()
  health(): Promise<Readiness> {
    return this.ready();
  }

  @Public()
  @ApiOperation({ summary: 'The process is up and serving HTTP; says nothing about the database' })
  @Get('live')
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Public()
  @ApiOperation({
    summary: 'Ready to serve: the database answers and the process is not shutting down (else 503); with a read replica, its state',
  })
  @Get('ready')
  async ready(): Promise<Readiness> {
    if (this.shutdown.draining) throw new DomainError('server.shutting_down', 'the server is shutting down');
    try {
      await this.dataSource.query('SELECT 1');
    } catch {
      throw new DomainError('server.unavailable', 'the database is not reachable');
    }
    const replica = await this.replica.health();
    return { status: 'ok', database: 'up', ...(replica && { replica }) };
  }
}

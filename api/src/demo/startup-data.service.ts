import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Environment } from '../config/environment';
import { whileLocked } from '../database/advisory-lock';
import { UsersService } from '../users/users.service';
import { seedDemo } from './demo-seeder';
import { ADVISORY_LOCKS } from '../../../domain/src';

export const SEED_DEMO = Symbol('SEED_DEMO');

/**
 * At start: the first admin from the environment, then the demo history when asked for; one instance
 * at a time, so that two starting together do not both create the admin.
 */
@Injectable()
export class StartupDataService implements OnApplicationBootstrap {
  private readonly logger = new Logger('StartupData');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UsersService,
    private readonly env: Environment,
    @Inject(SEED_DEMO) private readonly seed: boolean,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await whileLocked(this.dataSource, ADVISORY_LOCKS.startupData, async () => {
      await this.users.ensureAdmin(this.env.ADMIN_EMAIL, this.env.ADMIN_PASSWORD);
      if (this.seed && (await seedDemo(this.dataSource))) this.logger.log('Demo data loaded');
    });
  }
}

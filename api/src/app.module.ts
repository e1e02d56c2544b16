import { createSecretKey } from 'node:crypto';
import { type DynamicModule, Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { ThrottlerModule } from '@nestjs/throttler';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AgenciesModule } from './agencies/agencies.module';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { rateLimits } from './auth/rate-limits';
import { ConstraintCatalog } from './common/errors/constraint-catalog';
import { Environment } from './config/environment';
import { IdempotencyKey } from './common/idempotency/idempotency-key.entity';
import { IdempotencyInterceptor } from './common/idempotency/idempotency.interceptor';
import { ConsultationsModule } from './consultations/consultations.module';
import { CrossCheckModule } from './cross-check/cross-check.module';
import { CorrespondenceModule } from './correspondence/correspondence.module';
import { dataSourceOptions, poolSize } from './database/data-source-options';
import { ReplicaInterceptor } from './database/replica/replica.interceptor';
import { ReplicaReads } from './database/replica/replica-reads';
import { runMigrations } from './database/migrate';
import { SEED_DEMO, StartupDataService } from './demo/startup-data.service';
import { ExportsModule } from './exports/exports.module';
import { HealthController } from './lifecycle/health.controller';
import { ShutdownState } from './lifecycle/shutdown-state';
import { ImportsModule } from './imports/imports.module';
import { JobsModule } from './jobs/jobs.module';
import { PlatformsModule } from './platforms/platforms.module';
import { PublicSnapshotsModule } from './public-snapshots/public-snapshots.module';
import { PublishedFiguresModule } from './published-figures/published-figures.module';
import { RequestsModule } from './requests/requests.module';
import { ReportsModule } from './reports/reports.module';
import { ResponsivenessModule } from './responsiveness/responsiveness.module';
import { UsersModule } from './users/users.module';

export interface AppOptions {
  env: Environment;
  databaseUrl: string;
  seedDemo: boolean;
}

@Module({})
export class AppModule {
  static forRoot(options: AppOptions): DynamicModule {
    const { env } = options;
    return {
      module: AppModule,
      global: true,
      imports: [
        TypeOrmModule.forRootAsync({
          // Each feature module registers its own entities (TypeOrmModule.forFeature).
          useFactory: () => ({ ...dataSourceOptions(options.databaseUrl, [], !!env.DATABASE_REPLICA_URL), autoLoadEntities: true }),
          // Pending migrations run before anything else touches the database.
          dataSourceFactory: async (opts) => {
            const dataSource = await new DataSource(opts!).initialize();
            await runMigrations(dataSource);
            return dataSource;
          },
        }),
        // A key object rather than the string: given a string, jsonwebtoken tries it as a public key on every
        // call before treating it as a secret, which cost a sixth of the CPU of a list request.
        JwtModule.register({
          global: true,
          secret: createSecretKey(Buffer.from(env.JWT_SECRET)),
          signOptions: { expiresIn: env.JWT_EXPIRES_IN as never },
        }),
        ThrottlerModule.forRoot(rateLimits(env)),
        TypeOrmModule.forFeature([IdempotencyKey]),
        AuditModule,
        AuthModule,
        UsersModule,
        PlatformsModule,
        AgenciesModule,
        RequestsModule,
        CorrespondenceModule,
        ConsultationsModule,
        ResponsivenessModule,
        PublishedFiguresModule,
        CrossCheckModule,
        ReportsModule,
        PublicSnapshotsModule,
        JobsModule,
        ImportsModule,
        ExportsModule,
      ],
      controllers: [HealthController],
      providers: [
        { provide: Environment, useValue: env },
        { provide: SEED_DEMO, useValue: options.seedDemo },
        ShutdownState,
        ConstraintCatalog,
        // Reads from DATABASE_REPLICA_URL when set (inert otherwise); before the idempotency keys, so
        // that the position recorded after a write comes after all of it.
        {
          provide: ReplicaReads,
          useFactory: (dataSource: DataSource) =>
            new ReplicaReads(dataSource, {
              url: env.DATABASE_REPLICA_URL,
              maxLagSeconds: env.DATABASE_REPLICA_MAX_LAG_SECONDS,
              poolSize: poolSize(),
            }),
          inject: [DataSource],
        },
        { provide: APP_INTERCEPTOR, useClass: ReplicaInterceptor },
        { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
        StartupDataService,
      ],
      exports: [Environment, ShutdownState, ReplicaReads],
    };
  }
}

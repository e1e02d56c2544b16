import { type DynamicModule, Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { ThrottlerModule } from '@nestjs/throttler';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AgenciesModule } from './agencies/agencies.module';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { Environment } from './config/environment';
import { ConsultationsModule } from './consultations/consultations.module';
import { dataSourceOptions } from './database/data-source-options';
import { runMigrations } from './database/migrate';
import { SEED_DEMO, StartupDataService } from './demo/startup-data.service';
import { ExportsModule } from './exports/exports.module';
import { HealthController } from './health/health.controller';
import { ImportsModule } from './imports/imports.module';
import { JobsModule } from './jobs/jobs.module';
import { PlatformsModule } from './platforms/platforms.module';
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
          useFactory: () => dataSourceOptions(options.databaseUrl),
          // Pending migrations run before anything else touches the database.
          dataSourceFactory: async (opts) => {
            const dataSource = await new DataSource(opts!).initialize();
            await runMigrations(dataSource);
            return dataSource;
          },
        }),
        JwtModule.register({ global: true, secret: env.JWT_SECRET, signOptions: { expiresIn: env.JWT_EXPIRES_IN as never } }),
        ThrottlerModule.forRoot([{ ttl: 60_000, limit: env.LOGIN_RATE_LIMIT }]),
        AuditModule,
        AuthModule,
        UsersModule,
        PlatformsModule,
        AgenciesModule,
        RequestsModule,
        ConsultationsModule,
        ResponsivenessModule,
        ReportsModule,
        JobsModule,
        ImportsModule,
        ExportsModule,
      ],
      controllers: [HealthController],
      providers: [
        { provide: Environment, useValue: env },
        { provide: SEED_DEMO, useValue: options.seedDemo },
        StartupDataService,
      ],
      exports: [Environment],
    };
  }
}

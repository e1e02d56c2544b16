import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import type { DestinationStream } from 'pino';
import { DataSource } from 'typeorm';
import { AppModule } from '../../../api/src/app.module';
import { configureApp } from '../../../api/src/app.setup';
import { validateEnvironment } from '../../../api/src/config/environment';
import { UsersService } from '../../../api/src/users/users.service';
import { createTestDatabase, withDatabase } from './database';
import { type Role } from '../../../domain/src';

export const ADMIN = { email: 'admin@test.local', password: 'admin-password-1' };
export const PASSWORD = 'role-password-1';

export interface TestApp {
  app: INestApplication;
  /** The name of its database, to start a second instance on it (`shareDatabase`). */
  database: string;
  db: DataSource;
  http: ReturnType<typeof request>;
  /** A bearer token for a user of this role (created on first use). */
  token(role: Role): Promise<string>;
  close(): Promise<void>;
}

/** The real app, configured like main.ts, on a database of its own cloned from the migrated template. */
export async function createTestApp(
  overrides: Record<string, string> = {},
  options: {
    webRoot?: string;
    shareDatabase?: string;
    /** A database elsewhere (e.g. a PostgreSQL the test stops and starts), used as it is. */
    databaseUrl?: string;
    logDestination?: DestinationStream;
  } = {},
): Promise<TestApp> {
  const owned = options.shareDatabase || options.databaseUrl ? undefined : await createTestDatabase();
  const database = options.shareDatabase ?? owned?.name ?? '';
  const databaseUrl = options.databaseUrl ?? withDatabase(process.env.TEST_SERVER_URL!, database);
  const env = validateEnvironment({
    NODE_ENV: 'test',
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    JWT_SECRET: 'test-secret-that-is-long-enough',
    LOGIN_RATE_LIMIT: '1000',
    WRITE_RATE_LIMIT: '100000',
    LOG_LEVEL: 'error',
    JOBS_ENABLED: 'false',
    JOB_RETRY_DELAY_MS: '0',
    ...overrides,
  });
  const moduleRef = await Test.createTestingModule({
    imports: [AppModule.forRoot({ env, databaseUrl, seedDemo: false })],
  }).compile();
  const app = configureApp(moduleRef.createNestApplication({ logger: ['error'] }), {
    webRoot: options.webRoot ?? '/nonexistent',
    logDestination: options.logDestination,
  });
  await app.init();
  const http = request(app.getHttpServer());
  const tokens = new Map<Role, string>();

  async function login(email: string, password: string): Promise<string> {
    const res = await http.post('/api/auth/login').send({ email, password }).expect(200);
    return res.body.accessToken;
  }

  return {
    app,
    database,
    db: app.get(DataSource),
    http,
    async token(role) {
      if (!tokens.has(role)) {
        const email = role === 'admin' ? ADMIN.email : `${role}@test.local`;
        const exists = (await app.get(DataSource).query('SELECT 1 FROM users WHERE email = $1', [email])).length > 0;
        if (role !== 'admin' && !exists) {
          await app.get(UsersService).create({ email, password: PASSWORD, name: `Test ${role}`, role }, null);
        }
        tokens.set(role, await login(email, role === 'admin' ? ADMIN.password : PASSWORD));
      }
      return tokens.get(role)!;
    },
    async close() {
      await app.close();
      await owned?.drop();
    },
  };
}

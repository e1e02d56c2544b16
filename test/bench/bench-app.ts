import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { AppModule } from '../../api/src/app.module';
import { configureApp } from '../../api/src/app.setup';
import { validateEnvironment } from '../../api/src/config/environment';
import type { RunningDatabase } from '../../api/src/database/embedded-database';
import { benchDatabase } from './bench-database';

export const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 1_000_000);
export const RUNS = Number(process.env.BENCH_RUNS ?? 15);
/** The built web console, served at / as `npm start` serves it when it has been built (the dashboard benchmark needs it). */
export const WEB_ROOT = resolve(__dirname, '../../web/dist');

/** What every benchmark gets: the database, the app listening on a loopback port, and a token. */
export interface BenchContext {
  db: RunningDatabase;
  app: INestApplication;
  base: string;
  token: string;
  /** The admin's sign-in, for a browser that needs a session of its own. */
  credentials: { email: string; password: string };
}

export async function startBench(): Promise<BenchContext> {
  const db = await benchDatabase(REQUESTS);
  const env = validateEnvironment({
    NODE_ENV: 'production',
    JOBS_ENABLED: 'false',
    LOGIN_RATE_LIMIT: '1000',
    ADMIN_PASSWORD: 'bench-admin-password',
    JWT_SECRET: 'bench-secret-long-enough',
    LOG_LEVEL: 'warn',
    WRITE_RATE_LIMIT: '1000000',
    // The public snapshots' files beside the bench database, never in the development DATA_DIR.
    DATA_DIR: resolve(__dirname, '../../.bench-data'),
  });
  const moduleRef = await Test.createTestingModule({
    imports: [AppModule.forRoot({ env, databaseUrl: db.url, seedDemo: false })],
  }).compile();
  const app = configureApp(moduleRef.createNestApplication({ logger: ['error'] }), { webRoot: WEB_ROOT });
  await app.listen(0, '127.0.0.1');
  const base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}/api`;
  const login = await fetch(`${base}/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: env.ADMIN_EMAIL, password: env.ADMIN_PASSWORD }),
  });
  const { accessToken } = await login.json();
  return { db, app, base, token: accessToken, credentials: { email: env.ADMIN_EMAIL, password: env.ADMIN_PASSWORD } };
}

export async function stopBench(ctx: BenchContext): Promise<void> {
  await ctx.app.close();
  await ctx.db.stop();
}

export const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** Median milliseconds of RUNS calls, after two warm-up calls. */
export async function timeIt(fn: () => Promise<unknown>, runs = RUNS): Promise<number> {
  for (let i = 0; i < 2; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = process.hrtime.bigint();
    await fn();
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  return median(times);
}

/** One benchmark's figures: printed as a table row and kept in the JSON results. */
export type BenchRow = { benchmark: string; figure: string; value: number; unit: string; target?: string; met?: boolean };

/** Runs one benchmark on its own (npm run bench:<name>). */
export function runAlone(run: (ctx: BenchContext) => Promise<BenchRow[]>): void {
  startBench()
    .then(async (ctx) => {
      try {
        console.table(await run(ctx));
      } finally {
        await stopBench(ctx);
      }
    })
    .catch((err) => {
      console.error(err);
      process.exit(1);
    });
}

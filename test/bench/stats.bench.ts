/**
 * npm run bench:stats — GET /api/stats/responsiveness at 1,000,000 requests (BENCH_REQUESTS to
 * change), for one year and for all years, against the same SQL run straight in PostgreSQL.
 * Prints the median latencies and the ratio API / raw SQL. Targets: all years under 250 ms, ratio under 1.5.
 */
import { execFileSync } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import { Test } from '@nestjs/testing';
import { Client } from 'pg';
import { AppModule } from '../../api/src/app.module';
import { configureApp } from '../../api/src/app.setup';
import { validateEnvironment } from '../../api/src/config/environment';
import { metricsSql } from '../../api/src/responsiveness/responsiveness.repository';
import { statsScope } from '../../api/src/responsiveness/stats-scope';
import { benchDatabase } from './bench-database';

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 1_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 15);

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

async function timeIt(fn: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < 2; i++) await fn(); // warm caches
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = process.hrtime.bigint();
    await fn();
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  return median(times);
}

/** The statement with its parameters inlined, as one would paste it into psql. */
function literalSql(query: Record<string, string>): string {
  const scope = statsScope(query);
  let sql = metricsSql(scope, 'NULL::text', true);
  const params = [...scope.params, null];
  params.forEach((p, i) => {
    const literal = p === null ? 'NULL' : p instanceof Date ? `'${p.toISOString()}'::timestamptz` : `'${p}'`;
    sql = sql.replaceAll(new RegExp(`\\$${i + 1}(?!\\d)`, 'g'), literal);
  });
  return sql;
}

function hasPsql(): boolean {
  try {
    execFileSync('psql', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

async function main() {
  const db = await benchDatabase(REQUESTS);
  const env = validateEnvironment({ NODE_ENV: 'production', LOGIN_RATE_LIMIT: '1000', ADMIN_PASSWORD: 'bench-admin-password', JWT_SECRET: 'bench-secret-long-enough' });
  const moduleRef = await Test.createTestingModule({ imports: [AppModule.forRoot({ env, databaseUrl: db.url, seedDemo: false })] }).compile();
  const app = configureApp(moduleRef.createNestApplication({ logger: ['error'] }), { webRoot: '/nonexistent' });
  await app.listen(0, '127.0.0.1');
  const base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}/api`;
  const login = await fetch(`${base}/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email: env.ADMIN_EMAIL, password: env.ADMIN_PASSWORD }) });
  const { accessToken } = await login.json();
  const client = new Client({ connectionString: db.url });
  await client.connect();
  const psql = hasPsql();

  // asOf: now (the default), as on the dashboard; the raw SQL gets the same instant.
  const scenarios: [string, Record<string, string>][] = [
    ['one year (2023)', { from: '2023-01-01T00:00:00Z', to: '2024-01-01T00:00:00Z' }],
    ['all years', {}],
  ];
  const rows: string[][] = [];
  for (const [name, query] of scenarios) {
    const url = `${base}/stats/responsiveness?${new URLSearchParams(query)}`;
    const asOf = new Date().toISOString();
    const api = await timeIt(async () => {
      const res = await fetch(url, { headers: { Authorization: `Bearer ${accessToken}` } });
      if (!res.ok) throw new Error(`${res.status} ${await res.text()}`);
      await res.json();
    });
    const sql = literalSql({ ...query, asOf });
    const raw = await timeIt(() => client.query(sql));
    const viaPsql = psql ? (await timeIt(async () => execFileSync('psql', [db.url, '-qAt', '-c', sql]))).toFixed(1) : 'n/a';
    rows.push([name, api.toFixed(1), raw.toFixed(1), (api / raw).toFixed(2), viaPsql]);
  }
  console.log(`\nGET /api/stats/responsiveness at ${REQUESTS.toLocaleString('en')} requests, median of ${RUNS} runs`);
  console.log('raw SQL: the same statement, parameters inlined, on one open connection; psql: the same through the psql CLI (includes its start-up)\n');
  console.table(rows.map(([scenario, api, raw, ratio, viaPsql]) => ({ scenario, 'API ms': api, 'raw SQL ms': raw, 'API / raw': ratio, 'psql ms': viaPsql })));
  await client.end();
  await app.close();
  await db.stop();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});

/**
 * npm run bench:reports — a compliance report over every request of a 1,000,000-request history
 * (BENCH_REQUESTS to change): time to build it (data, PDF, gzipped CSV) and the process's peak memory.
 * Targets: under 5 s and 400 MB.
 */
import { Test } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import { AppModule } from '../../api/src/app.module';
import { validateEnvironment } from '../../api/src/config/environment';
import { ReportsService } from '../../api/src/reports/reports.service';
import { benchDatabase } from './bench-database';

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 1_000_000);
const MB = 1024 * 1024;

async function main() {
  const db = await benchDatabase(REQUESTS);
  const env = validateEnvironment({ NODE_ENV: 'production', JOBS_ENABLED: 'false', ADMIN_PASSWORD: 'bench-admin-password', JWT_SECRET: 'bench-secret-long-enough' });
  const moduleRef = await Test.createTestingModule({ imports: [AppModule.forRoot({ env, databaseUrl: db.url, seedDemo: false })] }).compile();
  const app = moduleRef.createNestApplication({ logger: ['error'] });
  await app.init();
  const reports = app.get(ReportsService);

  const now = new Date();
  const to = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1)).toISOString();
  const report = await reports.queueCompliance({ from: '2019-01-01T00:00:00Z', to }, null);
  global.gc?.();
  const baseline = process.memoryUsage().rss;
  let peak = baseline;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const started = process.hrtime.bigint();
  await reports.drain();
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);

  const done = await reports.get(report.id);
  const [{ pdf, csv }] = await app.get(DataSource).query(
    'SELECT length(pdf) AS pdf, length(csv_gzip) AS csv FROM reports WHERE id = $1',
    [report.id],
  );
  console.log(`\nCompliance report over ${REQUESTS.toLocaleString('en')} requests (status ${done.status}, ${done.pageCount} pages)\n`);
  console.table([
    {
      'build s': seconds.toFixed(2),
      'peak RSS MB': (peak / MB).toFixed(0),
      'RSS before MB': (baseline / MB).toFixed(0),
      'PDF kB': (pdf / 1024).toFixed(0),
      'CSV gzip MB': (csv / MB).toFixed(1),
      target: '< 5 s, < 400 MB',
    },
  ]);
  await app.close();
  await db.stop();
  if (done.status !== 'done') process.exitCode = 1;
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});

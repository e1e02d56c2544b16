/**
 * A compliance report over every request of the 1,000,000-request history: time to build it (data,
 * PDF, gzipped CSV) and the process's peak memory. Targets: under 5 s and 400 MB.
 */
import { DataSource } from 'typeorm';
import { ReportsService } from '../../api/src/reports/reports.service';
import { type BenchContext, type BenchRow, runAlone } from './bench-app';
import { round } from './stats.bench';

const MB = 1024 * 1024;

export async function runReports(ctx: BenchContext): Promise<BenchRow[]> {
  const reports = ctx.app.get(ReportsService);
  const now = new Date();
  const to = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1)).toISOString();
  const report = await reports.queueCompliance({ from: '2019-01-01T00:00:00Z', to }, null);
  global.gc?.();
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const started = process.hrtime.bigint();
  await reports.drain();
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  const done = await reports.get(report.id);
  if (done.status !== 'done') throw new Error(`the report ended ${done.status}: ${done.error}`);
  const [{ csv }] = await ctx.app.get(DataSource).query('SELECT length(csv_gzip) AS csv FROM reports WHERE id = $1', [report.id]);
  return [
    {
      benchmark: 'report',
      figure: `build (${done.pageCount} pages, CSV ${round(csv / MB)} MB gzipped)`,
      value: round(seconds, 2),
      unit: 's',
      target: '< 5',
      met: seconds < 5,
    },
    {
      benchmark: 'report',
      figure: 'peak memory of the process',
      value: Math.round(peak / MB),
      unit: 'MB',
      target: '< 400',
      met: peak / MB < 400,
    },
  ];
}

if (require.main === module) runAlone(runReports);

/**
 * GET /public/latest/ (the latest snapshot's English page) under 50 concurrent connections for
 * BENCH_PUBLIC_SECONDS (default 10) on loopback, after 2 s of the same load not counted, with the
 * load in a process of its own. The page is served from memory: the tables' scan counters (every
 * query that reads a table moves one; autovacuum does not) are read before and after, to show that
 * no request reaches the database. Before that, the snapshot of 2025-H1 is
 * published (once: a later run reuses it), and the time that took is reported.
 * Targets: at least 3,000 requests/s; no database transaction per request.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type autocannon from 'autocannon';
import { Client } from 'pg';
import { type BenchContext, type BenchRow, runAlone } from './bench-app';
import { round } from './stats.bench';

const SECONDS = Number(process.env.BENCH_PUBLIC_SECONDS ?? 10);
const PERIOD = { from: '2025-01-01', to: '2025-07-01' };

export async function runPublic(ctx: BenchContext): Promise<BenchRow[]> {
  const auth = { Authorization: `Bearer ${ctx.token}`, 'Content-Type': 'application/json' };
  const rows: BenchRow[] = [];
  const existing = (await (await fetch(`${ctx.base}/public/snapshots`, { headers: auth })).json()) as { label: string }[];
  if (!existing.some((s) => s.label === '2025-H1')) {
    const started = process.hrtime.bigint();
    const res = await fetch(`${ctx.base}/public/snapshots`, { method: 'POST', headers: auth, body: JSON.stringify(PERIOD) });
    if (res.status !== 201) throw new Error(`publishing: ${res.status} ${await res.text()}`);
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    rows.push({ benchmark: 'public', figure: 'publish a half-year (every platform, files written)', value: round(ms), unit: 'ms' });
  }
  const origin = ctx.base.replace(/\/api$/, '');
  const page = await fetch(`${origin}/public/latest/`);
  if (page.status !== 200) throw new Error(`/public/latest/: ${page.status}`);
  const bytes = (await page.arrayBuffer()).byteLength;

  const client = new Client({ connectionString: ctx.db.url });
  await client.connect();
  const scans = async () => {
    // An idle backend publishes its counters within 10 s (PGSTAT_IDLE_INTERVAL): the app's queries
    // before the load (publishing, signing in) are counted before it starts, any during it after.
    await new Promise((r) => setTimeout(r, 11_000));
    const {
      rows: [row],
    } = await client.query('SELECT sum(coalesce(seq_scan, 0) + coalesce(idx_scan, 0)) AS n FROM pg_stat_user_tables');
    return Number(row.n);
  };
  try {
    const before = await scans();
    const { stdout } = await promisify(execFile)(
      require.resolve('autocannon/autocannon.js'),
      ['--json', '-c', '50', '-d', String(SECONDS), '-W', '[', '-c', '50', '-d', '2', ']', `${origin}/public/latest/`],
      { maxBuffer: 1 << 24 },
    );
    const during = (await scans()) - before;
    const result = JSON.parse(stdout.trim().split('\n').at(-1)!) as autocannon.Result;
    const failures = result.errors + result.non2xx + result.timeouts;
    rows.push(
      {
        benchmark: `public: /public/latest/ (${Math.round(bytes / 1024)} kB)`,
        figure: 'requests per second (50 connections)',
        value: Math.round(result.requests.average),
        unit: 'req/s',
        target: '>= 3000',
        met: result.requests.average >= 3000,
      },
      { benchmark: 'public', figure: 'p99 latency', value: result.latency.p99, unit: 'ms' },
      { benchmark: 'public', figure: 'errors and non-2xx answers', value: failures, unit: 'count', target: '0', met: failures === 0 },
      {
        benchmark: 'public',
        figure: `table scans by queries during ${result.requests.total.toLocaleString('en')} requests`,
        value: Math.max(0, during),
        unit: 'count',
        target: '< 5 (none per request)',
        met: during < 5,
      },
    );
  } finally {
    await client.end();
  }
  return rows;
}

if (require.main === module) runAlone(runPublic);

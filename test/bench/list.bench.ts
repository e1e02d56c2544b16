/**
 * GET /api/requests (the list screen: newest first, 25 a page) under 50 concurrent connections for
 * BENCH_LIST_SECONDS (default 10) on loopback, after 2 s of the same load that are not counted (the
 * JIT compiling, the pool connecting, PostgreSQL preparing the page's statement on each connection).
 * Targets: at least 1,000 requests/s, p99 under 100 ms.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type autocannon from 'autocannon';
import { type BenchContext, type BenchRow, runAlone } from './bench-app';

const SECONDS = Number(process.env.BENCH_LIST_SECONDS ?? 10);

export async function runList(ctx: BenchContext): Promise<BenchRow[]> {
  const query = new URLSearchParams({ sort: '["sentAt","DESC"]', range: '[0,24]', filter: '{"status":"sent"}' });
  // The load comes from a process of its own, so that it does not compete with the app's event loop.
  const { stdout } = await promisify(execFile)(
    require.resolve('autocannon/autocannon.js'),
    [
      '--json',
      '-c',
      '50',
      '-d',
      String(SECONDS),
      '-W',
      '[',
      '-c',
      '50',
      '-d',
      '2',
      ']',
      '-H',
      `Authorization=Bearer ${ctx.token}`,
      `${ctx.base}/requests?${query}`,
    ],
    { maxBuffer: 1 << 24 },
  );
  // The warm-up's results come first, one JSON document a line.
  const result = JSON.parse(stdout.trim().split('\n').at(-1)!) as autocannon.Result;
  const failures = result.errors + result.non2xx + result.timeouts;
  return [
    {
      benchmark: 'list',
      figure: 'requests per second (50 connections)',
      value: Math.round(result.requests.average),
      unit: 'req/s',
      target: '>= 1000',
      met: result.requests.average >= 1000,
    },
    { benchmark: 'list', figure: 'p99 latency', value: result.latency.p99, unit: 'ms', target: '< 100', met: result.latency.p99 < 100 },
    { benchmark: 'list', figure: 'errors and non-2xx answers', value: failures, unit: 'count', target: '0', met: failures === 0 },
  ];
}

if (require.main === module) runAlone(runList);

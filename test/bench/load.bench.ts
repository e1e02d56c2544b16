/**
 * Mixed reads and writes for BENCH_LOAD_SECONDS (default 60) at 50 connections against two app
 * processes on the benchmark database: zero errors expected, and as many new records as acknowledged
 * creates. The records it adds are removed afterwards, so that the data set stays as generated.
 */
import { Client } from 'pg';
import { startServer } from '../api/support/server-process';
import { type BenchContext, type BenchRow, runAlone } from './bench-app';
import { mixedLoad, reconcile } from './mixed-load';

const SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? 60);
const TAG = 'LOADBENCH';

export async function runLoad(ctx: BenchContext): Promise<BenchRow[]> {
  const env = {
    NODE_ENV: 'production',
    JWT_SECRET: 'bench-secret-long-enough',
    ADMIN_PASSWORD: 'bench-admin-password',
    DATABASE_POOL_SIZE: '20',
  };
  const servers = await Promise.all([startServer(ctx.db.url, env), startServer(ctx.db.url, env)]);
  const db = new Client({ connectionString: ctx.db.url });
  await db.connect();
  try {
    const [{ id: agencyId }] = (await db.query(`SELECT id FROM agencies ORDER BY id LIMIT 1`)).rows;
    const [{ id: platformId }] = (await db.query(`SELECT id FROM platforms ORDER BY id LIMIT 1`)).rows;
    const result = await mixedLoad({
      bases: servers.map((s) => s.base),
      token: ctx.token,
      seconds: SECONDS,
      connections: 50,
      platformId,
      agencyId,
      tag: TAG,
    });
    const stored = new Set(
      (await db.query(`SELECT reference FROM requests WHERE reference LIKE $1`, [`${TAG}-%`])).rows.map((r) => r.reference as string),
    );
    const { missing, unexplained } = reconcile(result, stored);
    const failures = result.errors + result.non2xx + result.timeouts;
    console.log('Answers by call and status:', result.answers);
    return [
      {
        benchmark: 'load (2 instances)',
        figure: `calls per second, ${SECONDS} s, 50 connections, 1 in 4 a create`,
        value: Math.round(result.perSecond),
        unit: 'req/s',
      },
      { benchmark: 'load (2 instances)', figure: 'p99 latency', value: result.p99, unit: 'ms' },
      {
        benchmark: 'load (2 instances)',
        figure: 'errors, non-2xx answers and timeouts',
        value: failures,
        unit: 'count',
        target: '0',
        met: failures === 0,
      },
      { benchmark: 'load (2 instances)', figure: 'creates acknowledged', value: result.acknowledged.size, unit: 'count' },
      {
        benchmark: 'load (2 instances)',
        figure: 'acknowledged creates missing from the database',
        value: missing.length,
        unit: 'count',
        target: '0',
        met: missing.length === 0,
      },
      {
        benchmark: 'load (2 instances)',
        figure: 'records neither acknowledged nor cut off at the end',
        value: unexplained.length,
        unit: 'count',
        target: '0',
        met: unexplained.length === 0,
      },
      {
        benchmark: 'load (2 instances)',
        figure: 'creates cut off by the end of the run (stored or not)',
        value: result.unanswered.size,
        unit: 'count',
      },
    ];
  } finally {
    // The servers first: a create cut off at the end may still commit, and would survive the clean-up.
    for (const server of servers) server.child.kill('SIGTERM');
    await Promise.all(servers.map((s) => s.exited));
    await db.query(`DELETE FROM requests WHERE reference LIKE $1`, [`${TAG}-%`]);
    await db.end();
  }
}

if (require.main === module) runAlone(runLoad);

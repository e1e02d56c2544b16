/**
 * GET /api/cross-check over the 1,000,000-request history and 10,000 published figures (./published.ts): all of them
 * (every company, country and half-year), and one company in one country as a regulator would open
 * it; each beside the same statement run directly. Target: under 500 ms.
 */
import { Client } from 'pg';
import { CrossCheckService } from '../../api/src/cross-check/cross-check.service';
import { OUR_SIDE, OUR_SIDE_WORK_MEM, scopesParam } from '../../api/src/cross-check/our-side';
import { type BenchContext, type BenchRow, runAlone, timeIt } from './bench-app';
import { round } from './stats.bench';

export async function runCrossCheck(ctx: BenchContext): Promise<BenchRow[]> {
  const client = new Client({ connectionString: ctx.db.url });
  await client.connect();
  const rows: BenchRow[] = [];
  try {
    for (const [name, query, runs] of [
      ['all published figures', {}, 3],
      ['Google in KR', { subject: 'Google', jurisdiction: 'KR' }, 7],
    ] as const) {
      let count = 0;
      const api = await timeIt(async () => {
        const res = await fetch(`${ctx.base}/cross-check?${new URLSearchParams(query)}`, {
          headers: { Authorization: `Bearer ${ctx.token}` },
        });
        if (!res.ok) throw new Error(`${res.status} ${await res.text()}`);
        count = ((await res.json()) as unknown[]).length;
      }, runs);
      // The statement that measures our side, as the API runs it: same scopes, same memory for its sorts.
      const { scopes } = await ctx.app.get(CrossCheckService).plan(query);
      const raw = await timeIt(async () => {
        await client.query('BEGIN');
        await client.query(`SET LOCAL work_mem = '${OUR_SIDE_WORK_MEM}'`);
        await client.query(OUR_SIDE, [scopesParam(scopes)]);
        await client.query('COMMIT');
      }, runs);
      const benchmark = `cross-check: ${name} (${count.toLocaleString('en')} rows, ${scopes.length} scopes)`;
      rows.push(
        { benchmark, figure: 'API median', value: round(api), unit: 'ms', target: '< 500', met: api < 500 },
        { benchmark, figure: 'raw SQL median', value: round(raw), unit: 'ms' },
        { benchmark, figure: 'API / raw SQL', value: round(api / raw, 2), unit: 'ratio' },
      );
    }
  } finally {
    await client.end();
  }
  return rows;
}

if (require.main === module) runAlone(runCrossCheck);

/**
 * GET /api/stats/responsiveness at 1,000,000 requests, for one year and for all years, against the
 * same aggregate as one SQL statement over the base tables (the exact query, parameters inlined).
 * Targets: all years under 250 ms; API / raw SQL under 1.5.
 */
import { Client } from 'pg';
import { metricsSql } from '../../api/src/responsiveness/responsiveness.repository';
import { statsScope } from '../../api/src/responsiveness/stats-scope';
import { type BenchContext, type BenchRow, runAlone, timeIt } from './bench-app';

function literalSql(query: Record<string, string>): string {
  const scope = statsScope(query);
  let sql = metricsSql(scope, 'NULL::text', true);
  [...scope.params, null].forEach((p, i) => {
    const literal = p === null ? 'NULL' : p instanceof Date ? `'${p.toISOString()}'::timestamptz` : `'${p}'`;
    sql = sql.replaceAll(new RegExp(`\\$${i + 1}(?!\\d)`, 'g'), literal);
  });
  return sql;
}

export async function runStats(ctx: BenchContext): Promise<BenchRow[]> {
  const client = new Client({ connectionString: ctx.db.url });
  await client.connect();
  const rows: BenchRow[] = [];
  try {
    // asOf: now, as on the dashboard; the raw SQL gets the same instant.
    for (const [name, query] of [
      ['one year', { from: '2023-01-01T00:00:00Z', to: '2024-01-01T00:00:00Z' }],
      ['all years', {}],
    ] as const) {
      const asOf = new Date().toISOString();
      const url = `${ctx.base}/stats/responsiveness?${new URLSearchParams(query)}`;
      const api = await timeIt(async () => {
        const res = await fetch(url, { headers: { Authorization: `Bearer ${ctx.token}` } });
        if (!res.ok) throw new Error(`${res.status} ${await res.text()}`);
        await res.json();
      });
      const raw = await timeIt(() => client.query(literalSql({ ...query, asOf })));
      rows.push(
        {
          benchmark: `stats ${name}`,
          figure: 'API median',
          value: round(api),
          unit: 'ms',
          ...(name === 'all years' && { target: '< 250', met: api < 250 }),
        },
        { benchmark: `stats ${name}`, figure: 'raw SQL median', value: round(raw), unit: 'ms' },
        {
          benchmark: `stats ${name}`,
          figure: 'API / raw SQL',
          value: round(api / raw, 2),
          unit: 'ratio',
          target: '< 1.5',
          met: api / raw < 1.5,
        },
      );
    }
  } finally {
    await client.end();
  }
  return rows;
}

export const round = (x: number, digits = 1) => Number(x.toFixed(digits));

if (require.main === module) runAlone(runStats);

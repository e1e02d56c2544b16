/**
 * npm run bench: every benchmark on one 1,000,000-request history, printed as one table and kept as
 * JSON in bench-results/ (one file a run) so that runs can be compared.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type BenchRow, REQUESTS, startBench, stopBench } from './bench-app';
import { runCrossCheck } from './cross-check.bench';
import { ensureWebConsole, runDashboard } from './dashboard.bench';
import { runImport } from './import.bench';
import { runList } from './list.bench';
import { runLoad } from './load.bench';
import { runPublic } from './public.bench';
import { runReports } from './reports.bench';
import { runStats } from './stats.bench';

const MB = 1024 * 1024;

async function main() {
  // Before the app starts: it serves the console only if web/dist is there when it starts.
  ensureWebConsole();
  const ctx = await startBench();
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  const rows: BenchRow[] = [];
  try {
    // The report first after the stats: its peak memory is measured on the process, which the load of the list benchmark inflates
    // (and the dashboard's calls too, answered by this process).
    for (const run of [runStats, runReports, runDashboard, runCrossCheck, runList, runPublic, runImport, runLoad])
      rows.push(...(await run(ctx)));
  } finally {
    clearInterval(sampler);
    await stopBench(ctx);
  }
  rows.push({ benchmark: 'app', figure: 'peak RSS over the whole suite', value: Math.round(peak / MB), unit: 'MB' });
  console.log(`\nBenchmarks at ${REQUESTS.toLocaleString('en')} requests on ${new Date().toISOString()}`);
  console.table(rows.map((r) => ({ ...r, met: r.met === undefined ? '' : r.met ? 'yes' : 'NO' })));
  const dir = resolve(__dirname, '../../bench-results');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, JSON.stringify({ at: new Date().toISOString(), requests: REQUESTS, rows }, null, 2));
  console.log(`Results kept in ${file}`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});

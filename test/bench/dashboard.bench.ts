/**
 * What a user waits for on the dashboard at 1,000,000 requests: the built console in chromium
 * (playwright-core, as the browser tests run it), timed until every chart is drawn, for All time,
 * Last year and a 3-year custom period, each with and without a category filter; then every API call
 * the dashboard makes, on its own.
 *
 * Each timed run starts from a freshly loaded dashboard (no figures cached in the page) showing the
 * scenario's starting filter, drawn and with the database idle; then the last control a user touches
 * is used the way a user does (the period select, the "To" date input, the category select), and the
 * time runs from that click or keystroke until the dashboard is drawn. "Opened" times a new browser
 * context (empty HTTP cache) from navigation start.
 *
 * "Drawn": every API call the page started since the action has been answered (the page's fetches
 * against its Resource Timing entries), the five dashboard endpoints among them; every KPI holds a
 * figure (not "…"); the four charts have their svg with bars or lines; the per-platform table has rows;
 * the overdue list has its count and names; no progress bar or skeleton is left; and the dashboard's DOM
 * has then stayed unchanged for QUIET_MS. The figure is the last change to the dashboard's DOM (or the
 * last answer, if later), from the action.
 *
 * Targets (1,000,000 requests, 2 cores): drawn under 1 s for every period, under 2 s with a category;
 * every dashboard API call under 300 ms.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, newContext } from '../browser/support/browser';
import { type BenchContext, type BenchRow, median, runAlone, WEB_ROOT } from './bench-app';

const RUNS = Number(process.env.BENCH_DASHBOARD_RUNS ?? 3);
/** A slow dashboard is measured, not failed: each run may take this long. */
const TIMEOUT_MS = Number(process.env.BENCH_DASHBOARD_TIMEOUT_MS ?? 120_000);
/** How long the dashboard must stay unchanged, every call answered, to count as drawn. */
const QUIET_MS = 300;
const CATEGORY = 'ncii';
/** Three years inside the benchmark's history (2020–2025, test/bench/generate.ts). */
const CUSTOM = { from: '2022-01-01', to: '2025-01-01' };
/** BENCH_DASHBOARD_SCREENSHOTS=1: each scenario's dashboard as drawn, in test/artifacts/screenshots/bench-dashboard-<n>.png. */
const SCREENSHOTS = process.env.BENCH_DASHBOARD_SCREENSHOTS ? resolve(__dirname, '../artifacts/screenshots') : undefined;
const PERIOD_TARGET_MS = 1000;
const FILTERED_TARGET_MS = 2000;
const API_TARGET_MS = 300;

/** The calls the dashboard makes (Dashboard.tsx); the overdue list only when the type or category changes. */
const STATS_PATHS = ['/stats/responsiveness', '/stats/responsiveness/series', '/stats/content', '/stats/responsiveness/km'];
const OVERDUE_PATH = '/stats/overdue';

/** The dashboard's filter as the console keeps it (react-admin's store, localStorage "RaStore.dashboard.filter"). */
interface Filter {
  preset: 'all' | 'last12m' | 'last_year' | 'custom';
  from?: string;
  to?: string;
  category?: string;
}

interface Scenario {
  name: string;
  /** What the dashboard shows before the timed action (loaded fresh, drawn). */
  start: Filter;
  /** The user's last action: its click or keystroke starts the clock. */
  act: (page: Page) => Promise<void>;
  /** The API paths the action must call (under /api). */
  calls: string[];
  target: number;
}

const choose = (id: string, value: string) => async (page: Page) => {
  await page.locator(`#${id}`).click();
  await page.locator(`[role="listbox"] [role="option"][data-value="${value}"]`).click();
};
const typeDate = (id: string, value: string) => async (page: Page) => {
  await page.locator(`#${id}`).fill(value);
};

const SCENARIOS: Scenario[] = [
  {
    name: 'All time (period chosen)',
    start: { preset: 'last12m' },
    act: choose('dashboard-period', 'all'),
    calls: STATS_PATHS,
    target: PERIOD_TARGET_MS,
  },
  {
    name: 'Last year (period chosen)',
    start: { preset: 'last12m' },
    act: choose('dashboard-period', 'last_year'),
    calls: STATS_PATHS,
    target: PERIOD_TARGET_MS,
  },
  {
    name: `Custom ${CUSTOM.from} to ${CUSTOM.to} ("To" typed)`,
    start: { preset: 'custom', from: CUSTOM.from },
    act: typeDate('dashboard-to', CUSTOM.to),
    calls: STATS_PATHS,
    target: PERIOD_TARGET_MS,
  },
  {
    name: `All time, category ${CATEGORY} (category chosen)`,
    start: { preset: 'all' },
    act: choose('dashboard-category', CATEGORY),
    calls: [...STATS_PATHS, OVERDUE_PATH],
    target: FILTERED_TARGET_MS,
  },
  {
    name: `Last year, category ${CATEGORY} (category chosen)`,
    start: { preset: 'last_year' },
    act: choose('dashboard-category', CATEGORY),
    calls: [...STATS_PATHS, OVERDUE_PATH],
    target: FILTERED_TARGET_MS,
  },
  {
    name: `Custom 3 years, category ${CATEGORY} (category chosen)`,
    start: { preset: 'custom', ...CUSTOM },
    act: choose('dashboard-category', CATEGORY),
    calls: [...STATS_PATHS, OVERDUE_PATH],
    target: FILTERED_TARGET_MS,
  },
];

/** Watches the page from its first script: its fetches, the dashboard's DOM changes, the user's last action. */
function instrument() {
  const state = { fetches: [] as { url: string; at: number }[], lastChange: 0, actionAt: -1, armed: false };
  (window as unknown as { __bench: typeof state }).__bench = state;
  performance.setResourceTimingBufferSize(100_000);
  const fetch = window.fetch;
  window.fetch = function (input: RequestInfo | URL, init?: RequestInit) {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    state.fetches.push({ url: new URL(url, location.href).href, at: performance.now() });
    return fetch.call(this, input, init);
  };
  for (const type of ['click', 'input']) {
    document.addEventListener(
      type,
      (e) => {
        if (state.armed) state.actionAt = e.timeStamp;
      },
      true,
    );
  }
  new MutationObserver((records) => {
    const dashboard = document.querySelector('[data-testid="dashboard"]');
    if (dashboard && records.some((r) => dashboard.contains(r.target))) state.lastChange = performance.now();
  }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
}

interface DrawnCheck {
  /** From when (performance.now()): 0 for a page load, -1 for "the user's last action". */
  since: number;
  calls: string[];
  /** Every chart with bars or lines, the table with rows (the timed figures); else "no data" is drawn too. */
  marks: boolean;
  quiet: number;
}

/** When the dashboard was drawn (ms from the start), when its last call was answered, and its slowest call. */
interface Drawn {
  ms: number;
  answered: number;
  slowest: { path: string; ms: number };
}

/** Polled in the page: when the dashboard was drawn, or false. */
function drawnAt({ since, calls, marks, quiet }: DrawnCheck): Drawn | false {
  const state = (window as unknown as { __bench: { fetches: { url: string; at: number }[]; lastChange: number; actionAt: number } })
    .__bench;
  const t0 = since < 0 ? state.actionAt : since;
  if (t0 < 0) return false;
  const started = state.fetches.filter((f) => f.at >= t0 && new URL(f.url).pathname.startsWith('/api/'));
  const paths = new Set(started.map((f) => new URL(f.url).pathname));
  if (!calls.every((c) => paths.has(`/api${c}`))) return false;
  const entries = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
  let answered = t0;
  let slowest = { path: '', ms: 0 };
  for (const f of started) {
    const entry = entries.find((e) => e.name === f.url && e.startTime >= f.at - 1 && e.responseEnd > 0);
    if (!entry) return false;
    answered = Math.max(answered, entry.responseEnd);
    if (entry.responseEnd - f.at > slowest.ms) slowest = { path: new URL(f.url).pathname, ms: entry.responseEnd - f.at };
  }
  const d = document.querySelector('[data-testid="dashboard"]');
  if (!d || d.querySelector('.MuiLinearProgress-root, .MuiSkeleton-root, [aria-busy="true"]')) return false;
  for (const k of ['sent', 'responded', 'response-rate', 'overdue', 'content']) {
    const text = d.querySelector(`[data-testid="kpi-${k}"]`)?.textContent?.trim();
    if (!text || text === '…') return false;
  }
  for (const id of ['chart-response-rate', 'chart-response-time', 'chart-km-curve', 'chart-trend']) {
    const chart = d.querySelector(`[data-testid="${id}"]`);
    if (!chart) return false;
    const drawn = chart.querySelector('svg.recharts-surface') && chart.querySelector('.recharts-bar-rectangle, .recharts-line-curve');
    if (marks && !drawn) return false;
  }
  if (!d.querySelector('[data-testid="platform-table"]')) return false;
  if (marks && !d.querySelector('[data-testid="platform-table"] tbody tr')) return false;
  if (!d.querySelector('[data-testid="overdue-total"]')) return false;
  // The overdue rows name their platform and agency once those are loaded ("#12" until then).
  for (const td of d.querySelectorAll('[data-testid="overdue-table"] tbody td')) if (/^#\d+$/.test(td.textContent ?? '')) return false;
  const last = Math.max(state.lastChange, answered);
  if (performance.now() - last < quiet) return false;
  return { ms: last - t0, answered: answered - t0, slowest };
}

async function waitDrawn(page: Page, check: Omit<DrawnCheck, 'quiet'>): Promise<Timed> {
  const handle = await page.waitForFunction(drawnAt, { ...check, quiet: QUIET_MS }, { polling: 50, timeout: TIMEOUT_MS });
  const drawn = (await handle.jsonValue()) as Drawn;
  const ms = (x: number) => `${Math.round(x)} ms`;
  return {
    ms: drawn.ms,
    note: `last answer at ${ms(drawn.answered)}, slowest ${drawn.slowest.path} ${ms(drawn.slowest.ms)}`,
  };
}

/** Until no other statement runs on the benchmark database (a timed-out run's calls, say), at most a minute. */
async function databaseIdle(client: Client): Promise<void> {
  const until = Date.now() + 60_000;
  while (Date.now() < until) {
    const { rows } = await client.query(
      `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND state = 'active' AND pid <> pg_backend_pid()`,
    );
    if (rows[0].n === 0) return;
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** A browser context signed in as the admin (the console keeps its tokens in sessionStorage), in English. */
async function signedInContext(browser: Browser, ctx: BenchContext, origin: string): Promise<BrowserContext> {
  const res = await fetch(`${ctx.base}/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(ctx.credentials),
  });
  if (!res.ok) throw new Error(`sign-in: ${res.status} ${await res.text()}`);
  const tokens = (await res.json()) as { accessToken: string; refreshToken?: string };
  const context = await newContext(browser, origin);
  context.setDefaultTimeout(TIMEOUT_MS);
  await context.addInitScript(instrument);
  // Only into a new tab: the console renews its tokens itself and keeps the new ones across reloads.
  await context.addInitScript((t) => {
    if (sessionStorage.getItem('tracker.token')) return;
    sessionStorage.setItem('tracker.token', t.accessToken);
    if (t.refreshToken) sessionStorage.setItem('tracker.refresh', t.refreshToken);
    localStorage.setItem('RaStore.locale', JSON.stringify('en'));
  }, tokens);
  return context;
}

/**
 * Loads the dashboard afresh (nothing cached in the page) with `filter` kept from an earlier visit, from a
 * page of the same origin that runs no console (/api/health), and waits until it is drawn; returns the
 * ms from navigation start.
 */
async function openDashboard(page: Page, origin: string, filter: Filter, marks: boolean): Promise<Timed> {
  await page.goto(`${origin}/api/health`);
  await page.evaluate((f) => localStorage.setItem('RaStore.dashboard.filter', JSON.stringify(f)), filter);
  await page.goto(`${origin}/#/`, { waitUntil: 'commit' });
  return waitDrawn(page, { since: 0, calls: [...STATS_PATHS, OVERDUE_PATH], marks });
}

interface Measured {
  value: number;
  /** What did not happen in time, if the run timed out (the value is then the timeout). */
  timedOut?: string;
}

/** One timed run: its milliseconds, and what to say about it in the log. */
interface Timed {
  ms: number;
  note?: string;
}

/** The median of RUNS timed runs after one warm-up; a run past TIMEOUT_MS ends the measure. */
async function measure(label: string, failure: string, run: () => Promise<Timed>): Promise<Measured> {
  const times: number[] = [];
  for (let i = 0; i <= RUNS; i++) {
    try {
      const { ms, note } = await run();
      if (i > 0) times.push(ms);
      console.log(`  ${label}: ${i === 0 ? 'warm-up' : `run ${i}`} ${Math.round(ms)} ms${note ? ` (${note})` : ''}`);
    } catch (err) {
      if ((err as { name?: string }).name !== 'TimeoutError') throw err;
      console.log(`  ${label}: ${failure} within ${TIMEOUT_MS / 1000} s`);
      return { value: TIMEOUT_MS, timedOut: `${failure} within ${TIMEOUT_MS / 1000} s` };
    }
  }
  return { value: median(times) };
}

const row = (benchmark: string, figure: string, m: Measured, target: number): BenchRow => ({
  benchmark,
  figure: m.timedOut ? `${figure}: ${m.timedOut}` : figure,
  value: Math.round(m.value),
  unit: 'ms',
  target: `< ${target}`,
  met: !m.timedOut && m.value < target,
});

async function drawnRows(ctx: BenchContext, client: Client): Promise<BenchRow[]> {
  const origin = new URL(ctx.base).origin;
  const index = await fetch(`${origin}/`, { headers: { Accept: 'text/html' } });
  if (!index.ok || !(await index.text()).includes('<div id="root"')) {
    throw new Error(
      `The app does not serve the web console at ${origin}/: build it before the app starts (ensureWebConsole, or "cd web && npx vite build")`,
    );
  }
  const rows: BenchRow[] = [];
  if (SCREENSHOTS) mkdirSync(SCREENSHOTS, { recursive: true });
  const browser = await launchBrowser();
  try {
    // Opened: a new context each run (nothing in the HTTP cache), the filter kept from an earlier visit.
    const opened = await measure('opened, All time', 'not drawn', async () => {
      await databaseIdle(client);
      const context = await signedInContext(browser, ctx, origin);
      try {
        return await openDashboard(await context.newPage(), origin, { preset: 'all' }, true);
      } finally {
        await context.close();
      }
    });
    rows.push(row('dashboard drawn', 'opened afresh (empty browser cache), All time, from navigation', opened, PERIOD_TARGET_MS));

    const context = await signedInContext(browser, ctx, origin);
    try {
      const page = await context.newPage();
      for (const s of SCENARIOS) {
        const m = await measure(s.name, 'not drawn', async () => {
          await openDashboard(page, origin, s.start, false);
          await databaseIdle(client);
          await page.evaluate(() => {
            const state = (window as unknown as { __bench: { armed: boolean; actionAt: number } }).__bench;
            state.armed = true;
            state.actionAt = -1;
          });
          await s.act(page);
          await page.evaluate(() => ((window as unknown as { __bench: { armed: boolean } }).__bench.armed = false));
          // Off the charts, so that no tooltip follows the pointer.
          await page.mouse.move(1, 1);
          const drawn = await waitDrawn(page, { since: -1, calls: s.calls, marks: true });
          if (SCREENSHOTS)
            await page.screenshot({ path: join(SCREENSHOTS, `bench-dashboard-${SCENARIOS.indexOf(s) + 1}.png`), fullPage: true });
          return drawn;
        });
        rows.push(row('dashboard drawn', s.name, m, s.target));
      }
    } finally {
      await context.close();
    }
  } finally {
    await browser.close();
  }
  return rows;
}

/** Every call the dashboard makes, as it makes them (dataProvider.ts), for All time and with the category. */
async function apiRows(ctx: BenchContext, client: Client): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const [label, filter] of [
    ['All time', {}],
    [`All time, category ${CATEGORY}`, { category: CATEGORY }],
  ] as const) {
    const qs = new URLSearchParams(filter).toString();
    const calls: [string, string][] = [
      ['/stats/responsiveness', `/stats/responsiveness${qs ? `?${qs}` : ''}`],
      ['/stats/responsiveness/series', `/stats/responsiveness/series?${new URLSearchParams({ ...filter, interval: 'month' })}`],
      ['/stats/content', `/stats/content${qs ? `?${qs}` : ''}`],
      ['/stats/responsiveness/km', `/stats/responsiveness/km${qs ? `?${qs}` : ''}`],
      [
        '/stats/overdue',
        `/stats/overdue?${new URLSearchParams({ sort: '["dueAt","ASC"]', range: '[0,9]', filter: JSON.stringify(filter) })}`,
      ],
    ];
    for (const [name, path] of calls) {
      await databaseIdle(client);
      const m = await measure(`GET ${name} (${label})`, 'not answered', async () => {
        const started = process.hrtime.bigint();
        const res = await fetch(`${ctx.base}${path}`, {
          headers: { Authorization: `Bearer ${ctx.token}` },
          signal: AbortSignal.timeout(TIMEOUT_MS),
        });
        if (!res.ok) throw new Error(`GET ${path}: ${res.status} ${await res.text()}`);
        await res.json();
        return { ms: Number(process.hrtime.bigint() - started) / 1e6 };
      });
      rows.push(row('dashboard API', `GET /api${name} (${label})`, m, API_TARGET_MS));
    }
  }
  return rows;
}

export async function runDashboard(ctx: BenchContext): Promise<BenchRow[]> {
  const client = new Client({ connectionString: ctx.db.url });
  await client.connect();
  try {
    return [...(await drawnRows(ctx, client)), ...(await apiRows(ctx, client))];
  } finally {
    await client.end();
  }
}

const WEB = resolve(__dirname, '../../web');

function newestChange(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newestChange(join(path, name))));
}

/**
 * The console built into web/dist, as the app serves it: built (vite build) when it is missing or older
 * than its sources, before the app starts (the app serves web/dist only if it is there when it starts).
 */
export function ensureWebConsole(): void {
  const index = join(WEB_ROOT, 'index.html');
  const built = existsSync(index) ? statSync(index).mtimeMs : 0;
  const sources = Math.max(
    ...[join(WEB, 'src'), join(WEB, 'index.html'), join(WEB, 'vite.config.ts'), resolve(WEB, '../domain/src')].map(newestChange),
  );
  if (built > sources) return;
  console.log(built ? 'The web console is older than its sources: building it…' : 'No built web console: building it…');
  try {
    execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: WEB, stdio: 'inherit' });
  } catch {
    throw new Error(`The web console could not be built (cd web && npx vite build): the dashboard benchmark needs ${WEB_ROOT}`);
  }
}

if (require.main === module) {
  ensureWebConsole();
  runAlone(runDashboard);
}

/**
 * The dashboard at a national regulator's scale draws well: twelve platforms with long names and
 * monthly counts above 16,000. The y-axes fit their labels (a fixed 48 px axis showed 16,000 as
 * "6,000"), the platform names do not overlap, and the per-platform table sorts by any column, with the
 * mouse and the keyboard. Screenshot: test/artifacts/screenshots/dashboard-scale.png.
 */
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { ADMIN } from '../api/support/test-app';
import { DashboardPage } from './pages/DashboardPage';
import { LoginPage } from './pages/LoginPage';
import { type RunningApp, startApp } from './support/app';
import { launchBrowser, newContext, screenshot, trackPageErrors } from './support/browser';

/** Twelve platforms with the long names real services have (each fits in two lines of 12 px). */
const PLATFORMS = [
  'KakaoTalk Open Chat and Channels',
  'Naver Blog, Café and Knowledge iN',
  'Daum Café Community (Kakao Corp.)',
  'YouTube Shorts and Community Posts',
  'Instagram Reels and Direct Messages',
  'Facebook Groups and Marketplace',
  'Telegram Channels and Public Groups',
  'X (formerly Twitter) Communities',
  'TikTok For You and LIVE Streams',
  'Discord Servers and Direct Messages',
  'Reddit Communities and Chat Rooms',
  'Afreeca SOOP Live Broadcasting',
];

/** Requests in each of the two full months before this one: above 16,000 a month. */
const PER_MONTH = 17_000;

/**
 * Inserted through the test database the way the benchmark generates its history (test/bench/generate.ts):
 * platform k (0..11) gets k + 1 shares of every 78 requests and answers (13 - k) in 13 of them, so that the
 * columns of the table differ from platform to platform.
 */
async function seedScale(app: RunningApp): Promise<void> {
  const db = app.t.db;
  const [agency] = await db.query(`INSERT INTO agencies (name, kind) VALUES ('Scale test commission', 'regulator') RETURNING id`);
  await db.query(`INSERT INTO platforms (name, slug) SELECT name, 'scale-' || k FROM unnest($1::text[]) WITH ORDINALITY AS t(name, k)`, [
    PLATFORMS,
  ]);
  await db.query(
    `CREATE TEMP TABLE scale_gen AS
     SELECT g AS id,
            (SELECT array_agg(id ORDER BY id) FROM platforms WHERE slug LIKE 'scale-%')[1 + k] AS platform_id,
            k,
            date_trunc('month', now()) - (1 + g % 2) * interval '1 month' + ((g / 2) % 25) * interval '1 day' + (g % 24) * interval '1 hour' AS sent_at,
            (g / 78) % 13 >= k AS answered
     FROM generate_series(1, $1::int) g
     CROSS JOIN LATERAL (SELECT floor((sqrt(8 * (g % 78) + 1) - 1) / 2)::int AS k) t`,
    [PER_MONTH * 2],
  );
  await db.query(
    `INSERT INTO requests (platform_id, agency_id, type, category, channel, reference, sent_at, due_at, status, first_response_at)
     SELECT platform_id, $1, (ARRAY['removal', 'investigation', 'preservation'])[1 + id % 3], (ARRAY['ncii', 'deepfake_sexual', 'sextortion'])[1 + id % 3],
            'email', 'SCALE-' || id, sent_at, sent_at + interval '72 hours', CASE WHEN answered THEN 'acknowledged' ELSE 'sent' END,
            CASE WHEN answered THEN sent_at + (1 + (id * 7) % (6 * (k + 1))) * interval '1 hour' END
     FROM scale_gen`,
    [agency.id],
  );
  await db.query(
    `INSERT INTO request_events (request_id, kind, occurred_at)
     SELECT id, 'sent', sent_at FROM requests WHERE reference LIKE 'SCALE-%'
     UNION ALL SELECT id, 'acknowledged', first_response_at FROM requests WHERE reference LIKE 'SCALE-%' AND first_response_at IS NOT NULL`,
  );
  await db.query('DROP TABLE scale_gen');
  await db.query('ANALYZE');
}

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

const boxes = (texts: Locator): Promise<(Box & { text: string })[]> =>
  texts.evaluateAll((elements) =>
    elements.map((e) => {
      const r = e.getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height, text: e.textContent ?? '' };
    }),
  );

/** The chart's own svg (the legend's icons are small svgs of their own). */
const svgBox = async (chart: Locator): Promise<Box> => (await chart.locator('.recharts-wrapper > svg.recharts-surface').boundingBox())!;

const inside = (inner: Box, outer: Box) =>
  inner.x >= outer.x - 0.5 &&
  inner.y >= outer.y - 0.5 &&
  inner.x + inner.width <= outer.x + outer.width + 0.5 &&
  inner.y + inner.height <= outer.y + outer.height + 0.5;

const overlap = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** The dashboard's default period, "Last 12 months", as the console asks for it. */
const lastTwelveMonths = (now = new Date()) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 11, 1)).toISOString();

const squash = (s: string) => s.replace(/\s+/g, '');

describe('dashboard at scale (12 platforms, 17,000 requests a month)', () => {
  let app: RunningApp;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let errors: string[];
  let dashboard: DashboardPage;

  beforeAll(async () => {
    [app, browser] = await Promise.all([startApp(), launchBrowser()]);
    await seedScale(app);
    context = await newContext(browser, app.baseUrl);
    page = await context.newPage();
    errors = trackPageErrors(page);
    dashboard = new DashboardPage(page, app.baseUrl);
    const login = new LoginPage(page, app.baseUrl);
    await login.open();
    await login.signIn(ADMIN.email, ADMIN.password);
    await dashboard.waitForFigures();
  }, 120_000);

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await app?.close();
  });

  it('should size every y-axis to its labels: 20,000 is drawn whole, inside the chart', async () => {
    // The seeded months are in the default period (the last 12 months).
    const series = await app.api.get<{ period: string; sent: number }[]>(
      `/api/stats/responsiveness/series?interval=month&from=${lastTwelveMonths()}`,
    );
    const sentPerMonth = new Map<string, number>();
    for (const row of series) sentPerMonth.set(row.period, (sentPerMonth.get(row.period) ?? 0) + row.sent);
    expect(Math.max(...sentPerMonth.values())).toBe(PER_MONTH);

    const trend = page.getByTestId('chart-trend');
    const labels = await boxes(trend.locator('.recharts-yAxis-tick-labels text'));
    expect(labels.map((l) => l.text)).toEqual(['0', '5,000', '10,000', '15,000', '20,000']);
    const svg = await svgBox(trend);
    for (const label of labels) expect({ label: label.text, inside: inside(label, svg) }).toEqual({ label: label.text, inside: true });

    // Every chart's value-axis labels (the y-axis, or the x-axis under horizontal bars) lie inside its svg.
    for (const id of ['chart-response-rate', 'chart-response-time', 'chart-km-curve']) {
      const chart = page.getByTestId(id);
      const chartSvg = await svgBox(chart);
      const all = await boxes(chart.locator('.recharts-cartesian-axis-tick-labels text'));
      expect(all.length).toBeGreaterThan(0);
      for (const label of all)
        expect({ id, label: label.text, inside: inside(label, chartSvg) }).toEqual({ id, label: label.text, inside: true });
    }
  });

  it('should draw the 12 platform names without overlapping, whole and inside the charts', async () => {
    for (const id of ['chart-response-rate', 'chart-response-time']) {
      const chart = page.getByTestId(id);
      // Twelve long names do not fit under columns: the bars are horizontal, the names one per row.
      await expect(chart.locator('[data-layout]').getAttribute('data-layout')).resolves.toBe('rows');
      const names = await boxes(chart.locator('.recharts-yAxis-tick-labels text'));
      expect(names.map((n) => squash(n.text)).sort()).toEqual(PLATFORMS.map(squash).sort());
      const svg = await svgBox(chart);
      for (const name of names) expect({ id, name: name.text, inside: inside(name, svg) }).toEqual({ id, name: name.text, inside: true });
      for (let i = 0; i < names.length; i += 1) {
        for (let j = i + 1; j < names.length; j += 1) {
          expect({ id, a: names[i].text, b: names[j].text, overlap: overlap(names[i], names[j]) }).toEqual({
            id,
            a: names[i].text,
            b: names[j].text,
            overlap: false,
          });
        }
      }
      // One bar per platform in the response-rate chart (every platform answered something).
      if (id === 'chart-response-rate') await expect(dashboard.bars('chart-response-rate').count()).resolves.toBe(12);
    }
    await screenshot(page, 'dashboard-scale');
  });

  it('should sort the platform table by a column clicked or chosen with the keyboard, and show how', async () => {
    const table = page.getByTestId('platform-table');
    const header = (column: string) => table.locator(`thead th[data-column="${column}"]`);
    const rowNames = () => table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-platform') ?? ''));
    const numbers = (metric: string) =>
      table
        .locator(`tbody td[data-metric="${metric}"]`)
        .evaluateAll((tds) => tds.map((td) => Number((td.textContent ?? '').replace(/[^0-9.]/g, ''))));
    const byName = (a: string, b: string) => a.localeCompare(b, 'en', { sensitivity: 'base', numeric: true });
    // The table lists every platform, the six that were sent nothing too (ties in name order).
    const rows = await app.api.responsiveness(`?from=${lastTwelveMonths()}`);
    const bySent = [...rows].sort((a, b) => b.sent - a.sent || byName(a.platform, b.platform)).map((r) => r.platform);
    const bySentAscending = [...rows].sort((a, b) => a.sent - b.sent || byName(a.platform, b.platform)).map((r) => r.platform);

    await expect(header('sent').getAttribute('aria-sort')).resolves.toBeNull();
    await header('sent').getByRole('button').click();
    await expect(header('sent').getAttribute('aria-sort')).resolves.toBe('descending');
    expect(await rowNames()).toEqual(bySent);
    const sent = await numbers('sent');
    expect(sent).toEqual([...sent].sort((a, b) => b - a));
    await expect(header('sent').getByRole('button').textContent()).resolves.toContain('sorted descending');

    await header('sent').getByRole('button').click();
    await expect(header('sent').getAttribute('aria-sort')).resolves.toBe('ascending');
    expect(await rowNames()).toEqual(bySentAscending);

    // With the keyboard: Tab to the header and press Enter; the other column loses its sort mark.
    await header('platform').getByRole('button').focus();
    await page.keyboard.press('Enter');
    await expect(header('platform').getAttribute('aria-sort')).resolves.toBe('ascending');
    await expect(header('sent').getAttribute('aria-sort')).resolves.toBeNull();
    expect(await rowNames()).toEqual(rows.map((r) => r.platform).sort(byName));
    await page.keyboard.press('Space');
    await expect(header('platform').getAttribute('aria-sort')).resolves.toBe('descending');

    await header('responseRate').getByRole('button').click();
    const rates = await numbers('responseRate');
    expect(rates).toEqual([...rates].sort((a, b) => b - a));
    expect(rates[0]).toBeGreaterThan(rates[rates.length - 1]);
    await table.scrollIntoViewIfNeeded();
    await screenshot(page, 'dashboard-scale-sorted');
    expect(errors).toEqual([]);
  });
});

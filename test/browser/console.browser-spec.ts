/**
 * The web console end to end, as an administrator: sign in, read the dashboard, create a request with
 * two content items, record the platform's acknowledgement and outcome, and see the dashboard follow.
 * The figures on screen are compared with the API's own. Screenshots go to test/artifacts/screenshots.
 */
import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ADMIN } from '../api/support/test-app';
import { AppShell } from './pages/AppShell';
import { DashboardPage } from './pages/DashboardPage';
import { LoginPage } from './pages/LoginPage';
import { RequestCreatePage, RequestListPage, RequestShowPage } from './pages/RequestPages';
import { type RunningApp, type ResponsivenessRow, seedHistory, startApp } from './support/app';
import { launchBrowser, localInputValue, newContext, screenshot, trackPageErrors } from './support/browser';

const percent = (v: number | null) =>
  v === null ? '—' : new Intl.NumberFormat('en', { style: 'percent', maximumFractionDigits: 1 }).format(v);
const hours = (v: number | null) =>
  v === null ? '—' : new Intl.NumberFormat('en', { style: 'unit', unit: 'hour', unitDisplay: 'long', maximumFractionDigits: 1 }).format(v);
const count = (v: number) => new Intl.NumberFormat('en').format(v);

/** How the dashboard must show a platform's row of GET /api/stats/responsiveness. */
const expectedCells = (row: ResponsivenessRow) => ({
  sent: count(row.sent),
  responded: count(row.responded),
  unanswered: count(row.unanswered),
  responseRate: percent(row.responseRate),
  medianResponseHours: hours(row.medianResponseHours),
  p90ResponseHours: hours(row.p90ResponseHours),
  kmMedianResponseHours: hours(row.kmMedianResponseHours),
  overdue: count(row.overdue),
  onTimeRate: percent(row.onTimeRate),
});

describe('web console (administrator)', () => {
  let app: RunningApp;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let errors: string[];
  let seed: Awaited<ReturnType<typeof seedHistory>>;
  let shell: AppShell;
  let dashboard: DashboardPage;
  let before: ResponsivenessRow;
  let requestId: number;

  const reference = 'KNPA-2026-0042';
  const items = [
    { url: 'https://t.me/example_channel/1201', contentHash: 'a3f1c9d2e4b5a6978877665544332211aabbccddeeff00112233445566778899' },
    { url: 'https://t.me/example_channel/1202' },
  ];

  beforeAll(async () => {
    [app, browser] = await Promise.all([startApp(), launchBrowser()]);
    seed = await seedHistory(app.api);
    context = await newContext(browser, app.baseUrl);
    page = await context.newPage();
    errors = trackPageErrors(page);
    shell = new AppShell(page, app.baseUrl);
    dashboard = new DashboardPage(page, app.baseUrl);
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await app?.close();
  });

  it('should sign in and show the API figures on the dashboard', async () => {
    const login = new LoginPage(page, app.baseUrl);
    await login.open();
    await screenshot(page, '01-login');
    await login.signIn(ADMIN.email, ADMIN.password);
    await dashboard.waitForFigures();
    // All time, so that the figures are those of the API without a period.
    await dashboard.filter('dashboard-period', 'All time');

    const rows = await app.api.responsiveness();
    for (const row of rows) {
      expect({ platform: row.platform, ...(await dashboard.metrics(row.platform)) }).toEqual({
        platform: row.platform,
        ...expectedCells(row),
      });
    }
    const sent = rows.reduce((n, r) => n + r.sent, 0);
    const responded = rows.reduce((n, r) => n + r.responded, 0);
    expect(await dashboard.kpi('sent').textContent()).toBe(count(sent));
    expect(await dashboard.kpi('responded').textContent()).toBe(count(responded));
    expect(await dashboard.kpi('response-rate').textContent()).toBe(percent(responded / sent));
    // Telegram answered nothing: 0 % and no median at all, not a flattering one.
    expect(await dashboard.metric('Telegram', 'responseRate').textContent()).toBe('0%');
    expect(await dashboard.metric('Telegram', 'kmMedianResponseHours').textContent()).toBe('—');
    // Charts are drawn (one bar per platform with a non-zero rate, and the monthly trend).
    expect(await dashboard.bars('chart-response-rate').count()).toBe(rows.filter((r) => (r.responseRate ?? 0) > 0).length);
    expect(await dashboard.bars('chart-trend').count()).toBeGreaterThan(0);
    // One Kaplan-Meier line per platform the API gives a curve for.
    const curves = await app.api.get<unknown[]>('/api/stats/responsiveness/km');
    expect(curves.length).toBeGreaterThan(0);
    expect(await dashboard.kmLines().count()).toBe(curves.length);
    // The unanswered CSAM request is past its 24-hour deadline.
    await expect(dashboard.overdueRow(seed.overdueReference).count()).resolves.toBe(1);

    before = rows.find((r) => r.platform === 'TikTok')!;
    await screenshot(page, '02-dashboard');
  });

  it('should narrow every figure with the type filter', async () => {
    await dashboard.filter('dashboard-type', 'Investigative assistance');
    const rows = await app.api.responsiveness('?type=investigation');
    expect(await dashboard.kpi('sent').textContent()).toBe(count(rows.reduce((n, r) => n + r.sent, 0)));
    expect(await dashboard.metrics('Telegram')).toEqual(expectedCells(rows.find((r) => r.platform === 'Telegram')!));
    await dashboard.filter('dashboard-type', 'Any');
  });

  it('should create a request with two content items', async () => {
    const list = new RequestListPage(page, app.baseUrl);
    await list.open();
    await screenshot(page, '03-requests-list');
    await list.createButton().click();
    const form = new RequestCreatePage(page);
    await form.fill({
      platform: 'TikTok',
      agency: seed.agencyName,
      reference,
      type: 'Removal',
      category: 'Sexual deepfake',
      sentAt: localInputValue(3),
      notes: 'Deepfake video of a minor celebrity, reported through the 24-hour hotline.',
      items,
    });
    await screenshot(page, '04-request-create');
    await form.save();

    const show = new RequestShowPage(page);
    requestId = show.id();
    await expect(show.heading().textContent()).resolves.toBe(reference);
    await expect(show.status().getAttribute('data-value')).resolves.toBe('sent');
    await expect(show.itemRows().count()).resolves.toBe(2);
    expect(await show.itemRows().allInnerTexts()).toEqual([expect.stringContaining(items[0].url), expect.stringContaining(items[1].url)]);
    expect(await show.timelineKinds()).toEqual(['sent']);

    const stored = await app.api.get(`/api/requests/${requestId}`);
    expect(stored).toMatchObject({
      reference,
      status: 'sent',
      type: 'removal',
      category: 'deepfake_sexual',
      items: [
        { url: items[0].url, contentHash: items[0].contentHash, state: 'pending' },
        { url: items[1].url, contentHash: null, state: 'pending' },
      ],
    });
    // Sent three hours ago (to the minute, in UTC as the browser runs here) with a 72-hour deadline.
    expect(new Date(stored.dueAt).getTime() - new Date(stored.sentAt).getTime()).toBe(72 * 3_600_000);
  });

  it('should edit the request and save the whole record back', async () => {
    const show = new RequestShowPage(page);
    await show.editButton().click();
    await page.locator('input[name="platformRef"]').fill('TT-88812');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.waitForURL(/#\/requests\/\d+\/show/);
    await page.getByText('TT-88812').first().waitFor();
    expect(await app.api.get(`/api/requests/${requestId}`)).toMatchObject({
      platformRef: 'TT-88812',
      version: 2,
      items: [{ url: items[0].url }, { url: items[1].url }],
    });
  });

  it('should record the platform acknowledgement and its outcome on the timeline', async () => {
    const show = new RequestShowPage(page);
    await show.recordPlatformResponse({ kind: 'Acknowledged', occurredAt: localInputValue(2), note: 'Ticket TT-88812 opened.' });
    await show.waitForStatus('acknowledged');

    await show.recordPlatformResponse({
      kind: 'Outcome',
      occurredAt: localInputValue(1),
      outcome: 'Partially removed',
      itemStates: { [items[0].url]: 'Removed', [items[1].url]: 'Still online' },
    });
    await show.waitForStatus('resolved');
    expect(await show.timelineKinds()).toEqual(['sent', 'acknowledged', 'outcome']);
    expect(await show.itemRows().allInnerTexts()).toEqual([expect.stringContaining('Removed'), expect.stringContaining('Still online')]);
    // Resolved: only notes can be added now, so the response button is gone.
    await expect(show.recordResponseButton().count()).resolves.toBe(0);
    await screenshot(page, '05-request-show');

    const stored = await app.api.get(`/api/requests/${requestId}`);
    expect(stored).toMatchObject({
      status: 'resolved',
      outcome: 'partially_removed',
      items: [{ state: 'removed' }, { state: 'still_online' }],
    });
    const events = await app.api.get<{ kind: string; note: string | null }[]>(`/api/requests/${requestId}/events`);
    expect(events.map((e) => e.kind)).toEqual(['sent', 'acknowledged', 'outcome']);
    expect(events[1].note).toBe('Ticket TT-88812 opened.');
  });

  it("should show the dashboard's numbers change", async () => {
    await dashboard.open();
    const after = (await app.api.responsiveness()).find((r) => r.platform === 'TikTok')!;
    expect(after.sent).toBe(before.sent + 1);
    expect(after.responded).toBe(before.responded + 1);
    expect(await dashboard.metrics('TikTok')).toEqual(expectedCells(after));
    expect(await dashboard.metric('TikTok', 'sent').textContent()).not.toBe(count(before.sent));
  });

  it('should highlight overdue requests in the list and export the list as CSV', async () => {
    const list = new RequestListPage(page, app.baseUrl);
    await list.open();
    const overdue = list.row(seed.overdueReference);
    await expect(overdue.getByTestId('overdue-chip').count()).resolves.toBe(1);
    await expect(list.row(reference).getByTestId('overdue-chip').count()).resolves.toBe(0);
    expect(await overdue.evaluate((tr) => getComputedStyle(tr).boxShadow)).toContain('inset');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-button').click()]);
    const csv = readFileSync((await download.path())!, 'utf8').split('\r\n');
    expect(csv[0]).toBe(
      'agency,reference,platform,type,category,channel,sentAt,status,outcome,firstResponseAt,resolvedAt,itemUrl,itemContentHash,itemState',
    );
    expect(csv.filter((line) => line.includes(`,${reference},tiktok,`))).toEqual([
      expect.stringContaining(`,${items[0].url},${items[0].contentHash},removed`),
      expect.stringContaining(`,${items[1].url},,still_online`),
    ]);
  });

  it('should open every main screen', async () => {
    const screens: [route: string, name: string, title: RegExp][] = [
      ['/platforms', '06-platforms', /^Platforms$/],
      [`/platforms/${await app.api.platformId('telegram')}`, '07-platform-edit', /^Platform Telegram$/],
      ['/agencies', '08-agencies', /^Agencies$/],
      ['/consultations/create', '09-consultation-create', /^Create Consultation$/],
      ['/users', '10-users', /^Users$/],
      ['/audit', '11-audit-log', /^Audit log$/],
      ['/reports/create', '12-report-create', /^Generate report$/],
    ];
    for (const [route, name, title] of screens) {
      await shell.goto(route);
      await expect(shell.title().innerText()).resolves.toMatch(title);
      await page.locator('.RaDatagrid-tbody tr, form').first().waitFor();
      await screenshot(page, name);
    }
    // Platform deadlines are edited as numbers and saved whole.
    await shell.goto(`/platforms/${await app.api.platformId('telegram')}`);
    await page.locator('input[name="slaHours.removal"]').fill('48');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.waitForURL(/#\/platforms\/\d+\/show/);
    expect((await app.api.get(`/api/platforms/${await app.api.platformId('telegram')}`)).slaHours).toEqual({
      removal: 48,
      blocking: 72,
      investigation: 72,
      preservation: 72,
    });
    // The admin's menu has every resource, users and the audit log included, and the import screen after Requests.
    expect(await shell.menuLabels()).toEqual([
      'Dashboard',
      'Requests',
      'Import requests',
      'E-mails',
      'To sort',
      'Consultations',
      'Platforms',
      'Agencies',
      'Reports',
      'Public snapshots',
      'Cross-check',
      'Published figures',
      'Import published figures',
      'Users',
      'Audit log',
    ]);
    // The audit log recorded the request and its events, by this user.
    await shell.goto('/audit');
    await expect(page.locator('.RaDatagrid-tbody tr').filter({ hasText: 'event:outcome' }).count()).resolves.toBeGreaterThan(0);
  });

  it('should fit a tablet screen', async () => {
    await page.setViewportSize({ width: 820, height: 1180 });
    await shell.goto(`/requests/${requestId}/show`);
    await new RequestShowPage(page).timelineEntries().first().waitFor();
    // Nothing wider than the screen: no horizontal scrolling of the page.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(820);
    await screenshot(page, '13-request-show-tablet');
    await page.setViewportSize({ width: 1366, height: 900 });
  });

  it('should have run without uncaught errors in the page', () => {
    expect(errors).toEqual([]);
  });
});

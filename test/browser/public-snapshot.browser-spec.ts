/**
 * Public snapshots: an admin previews and publishes the figures of a half-year from the console, then
 * anyone reads the published Korean page on a phone with JavaScript turned off (the page has none).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ADMIN } from '../api/support/test-app';
import { AppShell } from './pages/AppShell';
import { LoginPage } from './pages/LoginPage';
import { PublicSnapshotPage, PublicSnapshotsScreen } from './pages/PublicSnapshotPages';
import { type RunningApp, startApp } from './support/app';
import { launchBrowser, newContext, screenshot, trackPageErrors } from './support/browser';

const HEADER =
  'agency,reference,platform,type,category,channel,sentAt,status,outcome,firstResponseAt,resolvedAt,itemUrl,itemContentHash,itemState';
const AGENCY = 'Korea Communications Standards Commission';

/** 2024-H1: YouTube 40 removal requests (30 answered, 20 items removed), X 25 (20 answered), Telegram 3 (none). */
function history(): string {
  const rows = [HEADER];
  const at = (iso: string, h: number) => new Date(new Date(iso).getTime() + h * 3_600_000).toISOString();
  for (let i = 0; i < 40; i++) {
    const sent = `2024-02-${String((i % 28) + 1).padStart(2, '0')}T03:00:00Z`;
    const url = `https://www.youtube.example/watch?v=p${i}`;
    rows.push(
      i < 30
        ? `${AGENCY},YT-${i},youtube,removal,ncii,portal,${sent},resolved,${i < 20 ? 'removed' : 'refused'},${at(sent, i + 1)},${at(sent, i + 1)},${url},,${i < 20 ? 'removed' : 'still_online'}`
        : `${AGENCY},YT-${i},youtube,removal,ncii,portal,${sent},sent,,,,${url},,`,
    );
  }
  for (let i = 0; i < 25; i++) {
    const sent = `2024-03-${String(i + 1).padStart(2, '0')}T09:00:00Z`;
    rows.push(`${AGENCY},X-${i},x,investigation,sextortion,email,${sent},${i < 20 ? `acknowledged,,${at(sent, 10)},` : 'sent,,,'},,,`);
  }
  for (let i = 0; i < 3; i++) rows.push(`${AGENCY},TG-${i},telegram,investigation,sextortion,email,2024-04-0${i + 1}T09:00:00Z,sent,,,,,,`);
  return rows.join('\n');
}

describe('public snapshots', () => {
  let app: RunningApp;
  let browser: Browser;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'tracker-public-browser-'));
    [app, browser] = await Promise.all([startApp({ DATA_DIR: dataDir }), launchBrowser()]);
    await app.api.post('/api/agencies', { name: AGENCY, kind: 'regulator', country: 'KR' });
    const imported = await app.t.http
      .post('/api/imports/requests')
      .set('Authorization', `Bearer ${await app.t.token('admin')}`)
      .set('Content-Type', 'text/csv')
      .send(history());
    expect(imported.body).toMatchObject({ created: 68, errors: [] });
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  describe('in the console', () => {
    let context: BrowserContext;
    let page: Page;

    beforeAll(async () => {
      context = await newContext(browser, app.baseUrl);
      page = await context.newPage();
    });
    afterAll(() => context?.close());

    it('should let an admin preview a half-year, see the small cells suppressed, and publish it', async () => {
      const errors = trackPageErrors(page);
      const login = new LoginPage(page, app.baseUrl);
      await login.open();
      await login.signIn(ADMIN.email, ADMIN.password);
      const shell = new AppShell(page, app.baseUrl);
      await shell.menuLink('/public-snapshots').click();
      await page.waitForFunction(() => document.querySelector('#react-admin-title')?.textContent === 'Public snapshots');

      const screen = new PublicSnapshotsScreen(page);
      await expect(screen.publishButton().isDisabled()).resolves.toBe(true); // nothing previewed yet
      await screen.setPeriod('2024-01-01', '2024-06-30');
      await screen.preview();
      await expect(screen.cell('youtube', 'responseRate').innerText()).resolves.toBe('75%');
      await expect(screen.cell('telegram', 'sent').innerText()).resolves.toBe('fewer than 10');
      await expect(screen.cell('telegram', 'responseRate').innerText()).resolves.toBe('withheld');
      await expect(screen.cell('x', 'responded').getAttribute('data-status')).resolves.toBe('withheld');
      await expect(screen.cell('*', 'sent').innerText()).resolves.toBe('withheld');
      await expect(page.getByTestId('snapshot-suppressed').innerText()).resolves.toMatch(
        /^Counts of fewer than 10 requests not shown: 1\. Figures withheld because they would reveal one: 9\./,
      );
      await screenshot(page, '60-public-snapshot-preview');

      // Changing the form makes the preview stale: it must be made again before publishing.
      await page.getByLabel('Name the agencies whose requests are counted').check();
      await expect(screen.publishButton().isDisabled()).resolves.toBe(true);
      await page.getByLabel('Name the agencies whose requests are counted').uncheck();
      await screen.preview();
      await screen.publish();

      const row = screen.listRow(1);
      await expect(row.innerText()).resolves.toMatch(/2024-H1/);
      await expect(row.locator('a[data-link="ko"]').getAttribute('href')).resolves.toBe('/public/2024-H1-1/index.ko.html');
      const published = await app.api.get('/api/public/snapshots/1');
      expect(published).toMatchObject({ status: 'published', label: '2024-H1', showAgencies: false });
      await screenshot(page, '61-public-snapshot-published');
      expect(errors).toEqual([]);
    });
  });

  describe('on the public site', () => {
    it('should read the Korean page on a phone with JavaScript turned off', async () => {
      // A reader's browser: no script, a phone's screen, Korean.
      const context = await browser.newContext({
        javaScriptEnabled: false,
        viewport: { width: 390, height: 844 },
        locale: 'ko-KR',
        timezoneId: 'Asia/Seoul',
      });
      try {
        const page = await context.newPage();
        const reader = new PublicSnapshotPage(page);
        await reader.open(`${app.baseUrl}/public/latest/index.ko.html`);
        await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe('ko');
        await expect(page.locator('script').count()).resolves.toBe(0);
        await expect(reader.heading().innerText()).resolves.toBe('플랫폼은 우리의 요청에 어떻게 응답했나');
        await expect(page.locator('#figures caption').innerText()).resolves.toMatch(/^2024-H1 각 플랫폼에 발송한 요청/);
        expect(await reader.columnHeaders()).toEqual([
          '플랫폼',
          '발송 요청',
          '응답',
          '응답률',
          '첫 응답까지 걸린 시간(중앙값)',
          '첫 응답까지 걸린 시간(Kaplan-Meier 중앙값)',
          '기한 내 응답',
          '콘텐츠 삭제율',
        ]);
        await expect(reader.row('YouTube').locator('td').allInnerTexts()).resolves.toEqual([
          '40',
          '30',
          '75.0%',
          '15.5시간',
          '20.0시간',
          '75.0%',
          '50.0%',
        ]);
        await expect(reader.row('Telegram').locator('td').first().innerText()).resolves.toBe('10건 미만');
        await expect(reader.row('Telegram').locator('td').nth(2).innerText()).resolves.toBe('비공개');
        await expect(reader.totals().locator('td').first().innerText()).resolves.toBe('비공개');
        // The charts are drawn without script, and say what they show.
        await expect(page.locator('svg#chart-rate title').textContent()).resolves.toBe('플랫폼별 응답률');
        await expect(page.locator('svg#chart-rate rect.bar').count()).resolves.toBe(1); // YouTube only: the others are withheld
        // Fits the phone: the wide table scrolls in its own box, the page does not.
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
        await expect(page.locator('.scroll[role="region"][tabindex="0"]').first().isVisible()).resolves.toBe(true);
        await screenshot(page, '62-public-snapshot-ko-phone');

        // The other languages are plain links: English, without script either.
        await reader.languageLink('English').click();
        await page.waitForURL(/\/public\/latest\/index\.html$/);
        await expect(reader.heading().innerText()).resolves.toBe('How platforms answered our requests');
        await expect(reader.row('Telegram').locator('td').first().innerText()).resolves.toBe('fewer than 10');
      } finally {
        await context.close();
      }
    });
  });
});

/**
 * Importing requests from a CSV file in the console, as an administrator: the screen is reached from
 * the menu and the requests list, a file goes up with its progress shown, the counts come back, the
 * same file a second time creates nothing (skipped), and a file with bad rows lists each error with
 * its line and column and imports nothing. An analyst sees no way in.
 */
import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, CDPSession, Page } from 'playwright-core';
import { ADMIN, PASSWORD } from '../api/support/test-app';
import { AppShell } from './pages/AppShell';
import { ImportPage } from './pages/ImportPage';
import { LoginPage } from './pages/LoginPage';
import { RequestListPage } from './pages/RequestPages';
import { hoursAgo, type RunningApp, startApp } from './support/app';
import { launchBrowser, newContext, screenshot, trackPageErrors } from './support/browser';

const HEADER =
  'agency,reference,platform,type,category,channel,sentAt,status,outcome,firstResponseAt,resolvedAt,itemUrl,itemContentHash,itemState';
// A Korean agency name: the file is UTF-8 (with a BOM, as Excel writes it).
const AGENCY = '방송통신심의위원회';
const HASH = 'b5d4045c3f466fa91fe2cc6abe79232a1a57cdf104f7a26e716e0a1e2789df78';

/** Three requests on four lines: one with two items, one resolved with its item removed, one without items. */
// One clock reading per file: the two rows of KCSC-IMP-001 must agree to the millisecond.
const validCsv = (now = Date.now()) =>
  '\uFEFF' +
  [
    HEADER,
    `${AGENCY},KCSC-IMP-001,telegram,removal,deepfake_sexual,email,${hoursAgo(72, now)},,,,,https://t.me/imported_channel/11,${HASH},`,
    `${AGENCY},KCSC-IMP-001,telegram,removal,deepfake_sexual,email,${hoursAgo(72, now)},,,,,https://t.me/imported_channel/12,,`,
    `${AGENCY},KCSC-IMP-002,x,removal,ncii,web_form,${hoursAgo(120, now)},resolved,removed,${hoursAgo(100, now)},${hoursAgo(90, now)},https://x.com/someone/status/1,,removed`,
    `${AGENCY},KCSC-IMP-003,youtube,preservation,sextortion,portal,${hoursAgo(48, now)},,,,,,,`,
  ].join('\r\n') +
  '\r\n';

/** Semicolons this time; line 2 is fine, line 3 has an unknown type, line 4 an unknown platform. */
const badCsv = () =>
  [
    HEADER.replace(/,/g, ';'),
    `${AGENCY};KCSC-IMP-010;telegram;removal;ncii;email;${hoursAgo(30)};;;;;https://t.me/other/1;;`,
    `${AGENCY};KCSC-IMP-011;telegram;takedown;ncii;email;${hoursAgo(30)};;;;;https://t.me/other/2;;`,
    `${AGENCY};KCSC-IMP-012;myspace;removal;ncii;email;${hoursAgo(30)};;;;;https://myspace.com/x;;`,
  ].join('\n') + '\n';

/** Many valid rows (about 350 kB for 1,500), to watch the progress bar of a slow upload. */
const largeCsv = (rows: number, prefix = 'KCSC-BULK') =>
  [
    HEADER,
    ...Array.from(
      { length: rows },
      (_, i) =>
        `${AGENCY},${prefix}-${String(i).padStart(5, '0')},tiktok,removal,deepfake_sexual,email,${hoursAgo(200)},,,,,https://www.tiktok.com/@bulk_account/video/${7_300_000_000 + i},${HASH},`,
    ),
  ].join('\n') + '\n';

describe('web console: importing requests from CSV', () => {
  let app: RunningApp;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let errors: string[];
  let shell: AppShell;
  let importPage: ImportPage;
  let agencyId: number;

  const importedReferences = async (): Promise<string[]> => {
    const rows = await app.api.get<{ reference: string }[]>(
      `/api/requests?range=[0,999]&sort=${encodeURIComponent('["reference","ASC"]')}&filter=${encodeURIComponent(JSON.stringify({ agencyId }))}`,
    );
    return rows.map((r) => r.reference).filter((r) => r.startsWith('KCSC-IMP-'));
  };

  beforeAll(async () => {
    [app, browser] = await Promise.all([startApp(), launchBrowser()]);
    agencyId = (await app.api.post<{ id: number }>('/api/agencies', { name: AGENCY, kind: 'regulator', country: 'KR' })).id;
    await app.api.ensureUser('analyst');
    context = await newContext(browser, app.baseUrl);
    page = await context.newPage();
    errors = trackPageErrors(page);
    shell = new AppShell(page, app.baseUrl);
    importPage = new ImportPage(page, app.baseUrl);
    const login = new LoginPage(page, app.baseUrl);
    await login.open();
    await login.signIn(ADMIN.email, ADMIN.password);
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await app?.close();
  });

  it('should lead from the menu and from the requests list to the import screen', async () => {
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
    // No requests yet: the empty list offers the import next to "Create".
    await shell.goto('/requests');
    await page.locator('.RaList-main').waitFor();
    await page.getByTestId('import-button').click();
    await page.waitForURL(/#\/import$/);
    await importPage.startButton().waitFor();
    await page.waitForFunction(() => document.querySelector('#react-admin-title')?.textContent === 'Import requests');
    await expect(shell.menuLink('/import').getAttribute('class')).resolves.toContain('RaMenuItemLink-active');
    // The explanation of the format, and the template to start from (downloaded with the token).
    await expect(page.getByTestId('import-format').innerText()).resolves.toContain(HEADER);
    const [template] = await Promise.all([page.waitForEvent('download'), importPage.templateButton().click()]);
    expect(readFileSync((await template.path())!, 'utf8').split(/\r?\n/)[0]).toBe(HEADER);
    // The file input is named by its label (for screen readers and getByLabel alike).
    await expect(page.getByLabel('Choose a CSV file').getAttribute('type')).resolves.toBe('file');
    // ... and reachable with the keyboard, though visually hidden behind its drop zone.
    expect(await importPage.fileInput().evaluate((input: HTMLElement) => (input.focus(), document.activeElement === input))).toBe(true);
    // Nothing to start before a file is chosen.
    await expect(importPage.startButton().isDisabled()).resolves.toBe(true);
    await screenshot(page, '30-import-page');
  });

  it('should import a valid file and say how many requests were created', async () => {
    await importPage.choose('kcsc-requests.csv', validCsv());
    await expect(importPage.startButton().isEnabled()).resolves.toBe(true);
    await importPage.start();
    expect(await importPage.counts()).toEqual({ created: 3, skipped: 0 });
    await expect(importPage.summary().innerText()).resolves.toBe('3 requests created, 0 already there (skipped)');
    await screenshot(page, '31-import-created');

    expect(await importedReferences()).toEqual(['KCSC-IMP-001', 'KCSC-IMP-002', 'KCSC-IMP-003']);
    const [withItems] = await app.api.get<{ id: number; items: { url: string; contentHash: string | null; state: string }[] }[]>(
      `/api/requests?filter=${encodeURIComponent(JSON.stringify({ agencyId, q: 'KCSC-IMP-001' }))}`,
    );
    expect(withItems.items).toEqual([
      expect.objectContaining({ url: 'https://t.me/imported_channel/11', contentHash: HASH, state: 'pending' }),
      expect.objectContaining({ url: 'https://t.me/imported_channel/12', contentHash: null, state: 'pending' }),
    ]);

    // Then on to the list, where the new requests are.
    await page.getByTestId('import-view-requests').click();
    await page.waitForURL(/#\/requests/);
    const list = new RequestListPage(page, app.baseUrl);
    await list.row('KCSC-IMP-003').waitFor();
    await expect(list.row('KCSC-IMP-002').innerText()).resolves.toMatch(/Resolved/);
    // With requests in it, the list has the import button in its toolbar.
    await page.getByTestId('import-button').waitFor();
    await expect(page.locator('.RaList-actions [data-testid="import-button"]').count()).resolves.toBe(1);
  });

  it('should create nothing when the same file is imported again', async () => {
    await shell.menuLink('/import').click();
    await importPage.startButton().waitFor();
    await importPage.choose('kcsc-requests.csv', validCsv());
    await importPage.start();
    expect(await importPage.counts()).toEqual({ created: 0, skipped: 3 });
    await expect(importPage.summary().innerText()).resolves.toBe('0 requests created, 3 already there (skipped)');
    await screenshot(page, '32-import-skipped');
    expect(await importedReferences()).toEqual(['KCSC-IMP-001', 'KCSC-IMP-002', 'KCSC-IMP-003']);
  });

  it('should list the errors of a bad file by line and column and import nothing', async () => {
    await importPage.choose('kcsc-bad.csv', badCsv());
    await importPage.start();
    await expect(importPage.rejection().innerText()).resolves.toBe(
      '2 lines of the file have errors, so nothing was imported. Correct them and start again.',
    );
    expect(await importPage.errors()).toEqual([
      { line: '3', column: 'type', message: expect.stringMatching(/^type must be one of removal, blocking, investigation, preservation/) },
      { line: '4', column: 'platform', message: expect.stringContaining("'myspace'") },
    ]);
    await screenshot(page, '33-import-errors');
    // The page fits the window: no horizontal scrolling, even with the error table.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1366);
    // All or nothing: the good line 2 was not imported either.
    expect(await importedReferences()).toEqual(['KCSC-IMP-001', 'KCSC-IMP-002', 'KCSC-IMP-003']);
  });

  it('should show the progress of a slow upload', async () => {
    const csv = largeCsv(1500);
    await importPage.choose('kcsc-bulk.csv', csv);
    // Record every value the progress bar takes, and send at about 200 kB/s so that it has a few.
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { progressSeen: string[] }).progressSeen = seen;
      new MutationObserver(() => {
        const bar = document.querySelector('[data-testid="import-progress"] [role="progressbar"]');
        const value = bar?.getAttribute('aria-valuenow') ?? (bar ? 'indeterminate' : null);
        if (value !== null && seen[seen.length - 1] !== value) seen.push(value);
      }).observe(document.body, { subtree: true, childList: true, attributes: true });
    });
    const cdp: CDPSession = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: 200 * 1024,
    });
    const attempt = await importPage.clickStart();
    await importPage.progress().waitFor();
    await screenshot(page, '34-import-progress');
    await importPage.waitForResult(attempt, 30_000);

    expect(await importPage.counts()).toEqual({ created: 1500, skipped: 0 });
    const seen = await page.evaluate(() => (window as unknown as { progressSeen: string[] }).progressSeen);
    const percents = seen.filter((v) => v !== 'indeterminate').map(Number);
    // Percentages that only go up, some strictly between 0 and 100, then "checking and importing".
    expect(percents).toEqual([...percents].sort((a, b) => a - b));
    expect(percents.some((p) => p > 0 && p < 100)).toBe(true);
    expect(seen[seen.length - 1]).toBe('indeterminate');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
    await cdp.detach();
  });

  // Cancelling cuts the upload off half-way: the API rolls back and goes on serving.
  it('should cancel an upload halfway and import nothing of it', async () => {
    const cdp: CDPSession = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: 200 * 1024,
    });
    await importPage.choose('kcsc-cancelled.csv', largeCsv(1500, 'KCSC-CANCEL'));
    await importPage.clickStart();
    await page.locator('[data-testid="import-progress"][data-step="uploading"] [role="progressbar"]:not([aria-valuenow="0"])').waitFor();
    await page.getByTestId('import-cancel').click();
    await page.getByText('The upload was cancelled.').waitFor();
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
    await cdp.detach();
    // The server is still there, and has none of the file.
    await expect(app.api.get('/api/health')).resolves.toBeDefined();
    const cancelled = await app.api.get<unknown[]>(
      `/api/requests?filter=${encodeURIComponent(JSON.stringify({ agencyId, q: 'KCSC-CANCEL-00000' }))}`,
    );
    expect(cancelled).toEqual([]);
  });

  it('should speak Korean too', async () => {
    await shell.chooseLanguage('ko');
    // The screen is drawn again in Korean before a file is chosen on it.
    await importPage.startButton().filter({ hasText: '가져오기 시작' }).waitFor();
    await page.waitForFunction(() => document.querySelector('#react-admin-title')?.textContent === '요청 가져오기');
    await importPage.choose('kcsc-requests.csv', validCsv());
    await importPage.start();
    await expect(importPage.summary().innerText()).resolves.toBe('요청 0건 생성, 3건은 이미 있음(건너뜀)');
    await screenshot(page, '35-import-ko');
    await shell.chooseLanguage('en');
  });

  it('should have run without uncaught errors in the page', () => {
    expect(errors).toEqual([]);
  });

  it('should give an analyst no way to import', async () => {
    const analyst = await newContext(browser, app.baseUrl);
    const analystPage = await analyst.newPage();
    const analystErrors = trackPageErrors(analystPage);
    const login = new LoginPage(analystPage, app.baseUrl);
    await login.open();
    await login.signIn('analyst@test.local', PASSWORD);
    const analystShell = new AppShell(analystPage, app.baseUrl);
    expect(await analystShell.menuLabels()).toEqual([
      'Dashboard',
      'Requests',
      'E-mails',
      'Consultations',
      'Platforms',
      'Agencies',
      'Reports',
      'Cross-check',
      'Published figures',
      'Import published figures',
    ]);

    const list = new RequestListPage(analystPage, app.baseUrl);
    await list.open();
    await expect(analystPage.getByTestId('export-button').count()).resolves.toBe(1);
    await expect(analystPage.getByTestId('import-button').count()).resolves.toBe(0);
    await screenshot(analystPage, '36-import-analyst-list');

    // The address itself leads nowhere (and the API would refuse anyway: 403).
    await analystShell.goto('/import');
    await analystPage
      .getByText(/not found/i)
      .first()
      .waitFor();
    await expect(analystPage.getByTestId('import-start').count()).resolves.toBe(0);
    const res = await app.t.http
      .post('/api/imports/requests')
      .set('Authorization', `Bearer ${await app.t.token('analyst')}`)
      .set('Content-Type', 'text/csv')
      .send(validCsv());
    expect(res.status).toBe(403);
    expect(analystErrors).toEqual([]);
    await analyst.close();
  });
});

/**
 * The cross-check in the console, as a regulator: a half-year of Google's government removal requests
 * CSV goes in through the import screen, and the cross-check screen puts it beside our ledger (five
 * requests sent to YouTube by a Korean information and communications authority, none removed yet):
 * Google reports three, so the screen says it may be under-reporting, with the removal rate as a
 * range, the explanations under the findings, and the same findings in Korean. A liaison officer may
 * read the cross-check but sees no way to import.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { PASSWORD } from '../api/support/test-app';
import { AppShell } from './pages/AppShell';
import { CrossCheckPage, FigureForm, FigureImportPage, type TypedFigure } from './pages/CrossCheckPages';
import { LoginPage } from './pages/LoginPage';
import { type RunningApp, startApp } from './support/app';
import { launchBrowser, newContext, screenshot, trackPageErrors } from './support/browser';

const SOURCE_URL = 'https://transparencyreport.google.com/government-removals/overview';

/** Google's current file, header as Google writes it (the space before a comma included): one half-year, one requester. */
const GOOGLE_CSV =
  [
    'Period Ending,Country/Region,CLDR Territory Code,Requester,Number of Requests,Items Requested To Be Removed,% Removed-Legal,% Removed-Policy,% Content Not Found,% Not Enough Information ,% No Action Taken,% Content Already Removed',
    '2019-06-30,South Korea,KR,Information and Communications Authority,3,10,20,50,10,10,10,',
  ].join('\n') + '\n';

describe('web console: the cross-check of published figures with our ledger', () => {
  let app: RunningApp;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let errors: string[];
  let shell: AppShell;

  beforeAll(async () => {
    [app, browser] = await Promise.all([startApp(), launchBrowser()]);
    const agency = await app.api.post<{ id: number }>('/api/agencies', {
      name: 'Korea Communications Standards Commission',
      kind: 'regulator',
      jurisdiction: 'KR',
      requesterType: 'information_communications_authority',
    });
    const youtube = await app.api.platformId('youtube');
    for (let i = 1; i <= 5; i += 1) {
      await app.api.post('/api/requests', {
        platformId: youtube,
        agencyId: agency.id,
        type: 'removal',
        category: 'ncii',
        channel: 'email',
        reference: `KCSC-2019-${i}`,
        sentAt: `2019-03-0${i}T09:00:00Z`,
        items: [{ url: `https://www.youtube.com/watch?v=cc${i}a` }, { url: `https://www.youtube.com/watch?v=cc${i}b` }],
      });
    }
    await Promise.all([app.api.ensureUser('regulator'), app.api.ensureUser('liaison')]);
    context = await newContext(browser, app.baseUrl);
    page = await context.newPage();
    errors = trackPageErrors(page);
    shell = new AppShell(page, app.baseUrl);
    const login = new LoginPage(page, app.baseUrl);
    await login.open();
    await login.signIn('regulator@test.local', PASSWORD);
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await app?.close();
  });

  it("should import Google's CSV through the import screen", async () => {
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
      'Cross-check',
      'Published figures',
      'Import published figures',
    ]);
    await shell.menuLink('/import-figures').click();
    const importPage = new FigureImportPage(page);
    await importPage.fillSource(SOURCE_URL);

    // A file of no known shape: nothing stored, and the header line each format needs.
    await importPage.choose('figures.csv', 'country,requests\nKR,3\n');
    await importPage.start();
    await expect(importPage.result().getAttribute('data-kind')).resolves.toBe('unknown_format');
    await expect(importPage.expectedHeaders('google_current')).resolves.toContain('Period Ending,Country/Region,CLDR Territory Code');
    // A row with a country code that is none: its line and column, in a table.
    await importPage.choose('google-bad.csv', GOOGLE_CSV.replace(',KR,', ',XK1,'));
    await importPage.start();
    await expect(importPage.result().getAttribute('data-kind')).resolves.toBe('rejected');
    await expect(page.getByTestId('import-errors').locator('tbody tr').first().innerText()).resolves.toMatch(/^2\s+CLDR Territory Code\s+/);
    await screenshot(page, '62-figure-import-errors');

    await importPage.choose('google-government-removal-requests.csv', GOOGLE_CSV);
    await importPage.start();
    // One row, eight figures (the empty last cell is a zero in this file).
    await expect(importPage.counts()).resolves.toEqual({ read: 1, added: 8, revised: 0, unchanged: 0 });
    await expect(importPage.result().innerText()).resolves.toContain("Google's government removal requests (current file)");

    // The list shows them, the show view names the source.
    await shell.menuLink('/published-figures').click();
    const requests = page.locator('.RaDatagrid-tbody tr').filter({ hasText: 'Requests (orders to act)' });
    await requests.waitFor();
    await expect(requests.innerText()).resolves.toMatch(/2019-H1[\s\S]*Google[\s\S]*KR[\s\S]*Information and communications authority/);
    await requests.click();
    await page.getByText(SOURCE_URL).waitFor();
    await page.getByTestId('figure-history-empty').waitFor();
    await screenshot(page, '63-published-figure');
  });

  it('should say that Google reports fewer requests than we sent, with what could explain it', async () => {
    await shell.menuLink('/cross-check').click();
    const crossCheck = new CrossCheckPage(page);
    const row = crossCheck.row('Google', '2019-H1');
    await row.waitFor();
    await expect(crossCheck.cell(row, 'published-requests').innerText()).resolves.toBe('3');
    await expect(crossCheck.cell(row, 'our-requests').innerText()).resolves.toBe('5');
    await expect(crossCheck.cell(row, 'difference-requests').innerText()).resolves.toBe('-2');
    // 20 % + 50 % of the items, each rounded: 69 to 71 %; we saw none removed.
    await expect(crossCheck.cell(row, 'published-removed').innerText()).resolves.toMatch(/^69–71%/);
    await expect(crossCheck.cell(row, 'our-removed').innerText()).resolves.toMatch(/^0%/);

    const underReporting = crossCheck.finding('Google', 'under_reporting');
    await expect(underReporting.innerText()).resolves.toBe(
      'The platform reports 3 requests; we recorded 5 sent in this scope. It may be under-reporting.',
    );
    await crossCheck.finding('Google', 'removal_rate_above_ours').waitFor();
    await expect(crossCheck.explanations('Google').allInnerTexts()).resolves.toContain(
      'Platforms count requests by the date they received them; we count by the date we sent them.',
    );
    await crossCheck.chart('Google', 'requests').locator('.recharts-bar-rectangle').first().waitFor();
    await screenshot(page, '60-cross-check');
    expect(errors).toEqual([]);
  });

  it('should record a figure typed in from a PDF, and keep its earlier value when it is typed again', async () => {
    const form = new FigureForm(page, app.baseUrl);
    const figure: TypedFigure = {
      publisher: 'Meta',
      subject: 'Facebook',
      subjectKind: 'Service',
      period: '2019-H1',
      jurisdiction: 'kr',
      requesterType: 'Information and communications authority',
      metric: 'Requests (orders to act)',
      value: '4',
      sourceUrl: 'Meta transparency report 2019-H1, PDF page 12',
    };
    await form.open();
    await form.save(figure);
    await page.getByTestId('figure-history-empty').waitFor();
    await form.open();
    await form.save({ ...figure, value: '6' });
    await expect(page.locator('.RaSimpleShowLayout-stack').innerText()).resolves.toMatch(/Value as published\s+6[\s\S]*Revision\s+2/);
    await expect(form.history()).resolves.toEqual([['1', '4']]);

    // We sent Facebook nothing in that scope: the platform reports more than we sent.
    await shell.menuLink('/cross-check').click();
    await new CrossCheckPage(page).finding('Facebook', 'more_than_we_sent').waitFor();
  });

  it('should write the findings in Korean when the console is in Korean', async () => {
    await shell.chooseLanguage('ko');
    const crossCheck = new CrossCheckPage(page);
    await crossCheck
      .finding('Google', 'under_reporting')
      .filter({
        hasText: '플랫폼은 요청 3건을 받았다고 공개했지만, 같은 범위에서 우리가 발송한 요청은 5건입니다. 과소 보고일 수 있습니다.',
      })
      .waitFor();
    await expect(crossCheck.row('Google', '2019-H1').innerText()).resolves.toContain('정보통신 당국');
    await expect(shell.menuLink('/cross-check').innerText()).resolves.toBe('교차 확인');
    await screenshot(page, '61-cross-check-ko');
    await shell.chooseLanguage('en');
  });

  it('should let a liaison officer read the cross-check, with no way to import or type in a figure', async () => {
    const liaisonContext = await newContext(browser, app.baseUrl);
    try {
      const liaisonPage = await liaisonContext.newPage();
      const login = new LoginPage(liaisonPage, app.baseUrl);
      await login.open();
      await login.signIn('liaison@test.local', PASSWORD);
      const liaisonShell = new AppShell(liaisonPage, app.baseUrl);
      expect(await liaisonShell.menuLabels()).toEqual([
        'Dashboard',
        'Requests',
        'E-mails',
        'To sort',
        'Consultations',
        'Platforms',
        'Agencies',
        'Reports',
        'Cross-check',
        'Published figures',
      ]);
      await liaisonShell.goto('/published-figures');
      await liaisonPage.locator('.RaDatagrid-tbody tr').first().waitFor();
      await expect(liaisonPage.getByTestId('figures-import-button').count()).resolves.toBe(0);
      await expect(liaisonPage.locator('a[href="#/published-figures/create"]').count()).resolves.toBe(0);
      await liaisonShell.goto('/cross-check');
      await new CrossCheckPage(liaisonPage).finding('Google', 'under_reporting').waitFor();
    } finally {
      await liaisonContext.close();
    }
  });
});

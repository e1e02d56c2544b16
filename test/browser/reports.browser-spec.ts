/**
 * Compliance reports from the console: an analyst generates one for a period, waits for it to be
 * ready (the list and the page poll while it is queued or running) and downloads the PDF.
 * Kept apart from the other flows: it is the only one that needs the report queue.
 */
import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { PASSWORD } from '../api/support/test-app';
import { AppShell } from './pages/AppShell';
import { LoginPage } from './pages/LoginPage';
import { type RunningApp, seedHistory, startApp } from './support/app';
import { launchBrowser, newContext, screenshot, trackPageErrors } from './support/browser';

describe('web console: reports', () => {
  let app: RunningApp;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    [app, browser] = await Promise.all([startApp(), launchBrowser()]);
    await seedHistory(app.api);
    await app.api.ensureUser('analyst');
    context = await newContext(browser, app.baseUrl);
    page = await context.newPage();
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await app?.close();
  });

  it('should let an analyst generate a compliance report and download its PDF', async () => {
    const errors = trackPageErrors(page);
    const login = new LoginPage(page, app.baseUrl);
    await login.open();
    await login.signIn('analyst@test.local', PASSWORD);
    const shell = new AppShell(page, app.baseUrl);
    await shell.goto('/reports');
    await page.locator('a[href="#/reports/create"]').click();

    const year = new Date().getUTCFullYear();
    await page.locator('input[name="from"]').fill(`${year - 1}-01-01`);
    await page.locator('input[name="to"]').fill(`${year + 1}-01-01`);
    await page.locator('input[name="title"]').fill('Responsiveness review');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.waitForURL(/#\/reports\/\d+\/show/);
    const id = Number(/reports\/(\d+)\/show/.exec(page.url())![1]);

    const stored = await app.api.get(`/api/reports/${id}`, 'analyst');
    expect(stored).toMatchObject({
      kind: 'compliance',
      title: 'Responsiveness review',
      from: `${year - 1}-01-01T00:00:00.000Z`,
      to: `${year + 1}-01-01T00:00:00.000Z`,
      platformIds: [],
    });

    // The page polls until the report is ready; then the PDF downloads with the bearer token.
    const download = page.getByRole('button', { name: 'Download PDF' });
    await page.getByTestId('report-status').and(page.locator('[data-value="done"]')).waitFor({ timeout: 30_000 });
    await screenshot(page, '14-report-show');
    const [file] = await Promise.all([page.waitForEvent('download'), download.click()]);
    expect(file.suggestedFilename()).toBe(`report-${id}.pdf`);
    expect(
      readFileSync((await file.path())!)
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    expect(errors).toEqual([]);
  });
});

/**
 * Errors speak the reader's language: the API answers with a stable code, and the console shows that
 * code's text in the chosen language.
 */
import type { Browser } from 'playwright-core';
import { DOMAIN_MESSAGES } from '../../domain/src';
import { ADMIN } from '../api/support/test-app';
import { AppShell } from './pages/AppShell';
import { LoginPage } from './pages/LoginPage';
import { type RunningApp, startApp } from './support/app';
import { launchBrowser, newContext, screenshot } from './support/browser';

describe('web console: errors in the reader language', () => {
  let app: RunningApp;
  let browser: Browser;

  beforeAll(async () => {
    [app, browser] = await Promise.all([startApp(), launchBrowser()]);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('should tell a Korean reader in Korean that someone else changed the record being edited', async () => {
    const agency = await app.api.post<{ id: number; version: number }>('/api/agencies', { name: 'Stale edit agency', kind: 'regulator' });
    const context = await newContext(browser, app.baseUrl);
    const page = await context.newPage();
    const login = new LoginPage(page, app.baseUrl);
    await login.open();
    await login.signIn(ADMIN.email, ADMIN.password);
    const shell = new AppShell(page, app.baseUrl);
    await shell.chooseLanguage('ko');

    await shell.goto(`/agencies/${agency.id}`);
    const name = page.locator('input[name="name"]');
    await name.waitFor();
    // Someone else saves the same agency while the form is open.
    const current = await app.api.get<Record<string, unknown>>(`/api/agencies/${agency.id}`);
    const admin = `Bearer ${await app.t.token('admin')}`;
    await app.t.http
      .put(`/api/agencies/${agency.id}`)
      .set('Authorization', admin)
      .send({ ...current, country: 'KR' })
      .expect(200);

    await name.fill('Stale edit agency (renamed)');
    await page.getByRole('button', { name: '저장' }).click();
    const message = DOMAIN_MESSAGES.ko.errors['record.stale_version'];
    await page.getByText(message).waitFor();
    await screenshot(page, '40-korean-stale-edit');
    const stored = await app.api.get<{ name: string; country: string }>(`/api/agencies/${agency.id}`);
    expect([stored.name, stored.country]).toEqual(['Stale edit agency', 'KR']);
    await context.close();
  });
});

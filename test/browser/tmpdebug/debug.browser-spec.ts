import { ADMIN } from '../../api/support/test-app';
import { LoginPage } from '../pages/LoginPage';
import { startApp } from '../support/app';
import { launchBrowser, newContext, screenshot } from '../support/browser';

it('debug', async () => {
  const [app, browser] = await Promise.all([startApp(), launchBrowser()]);
  const context = await newContext(browser, app.baseUrl);
  const page = await context.newPage();
  page.on('console', (m) => console.log('console', m.type(), m.text()));
  const login = new LoginPage(page, app.baseUrl);
  await login.open();
  await login.signIn(ADMIN.email, ADMIN.password);
  await page.goto(`${app.baseUrl}/#/requests`);
  await page.waitForTimeout(2000);
  await screenshot(page, 'debug-requests');
  console.log(await page.locator('.RaTopToolbar-root, [class*=TopToolbar]').first().innerHTML());
  await page.goto(`${app.baseUrl}/#/import`);
  await page.waitForTimeout(2000);
  await screenshot(page, 'debug-import');
  console.log((await page.locator('main').innerHTML()).slice(0, 3000));
  await browser.close();
  await app.close();
});

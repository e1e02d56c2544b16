/**
 * Correspondence in the console, against a real SMTP server and a real Dovecot: a liaison officer
 * e-mails a draft to the platform, the platform's reply arrives in the mailbox and is filed on the
 * request by the poller, and the outcome is recorded from that reply, linked to it.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { InboundPoller } from '../../api/src/correspondence/inbound-poller';
import { PASSWORD } from '../api/support/test-app';
import { type Dovecot, type SmtpSink, startDovecot, startSmtp } from '../api/support/mail-servers';
import { LoginPage } from './pages/LoginPage';
import { choose, RequestShowPage } from './pages/RequestPages';
import { type RunningApp, startApp } from './support/app';
import { launchBrowser, newContext, screenshot, trackPageErrors } from './support/browser';

describe('e-mail from dispatch to the outcome of the reply (liaison officer)', () => {
  let dovecot: Dovecot;
  let smtp: SmtpSink;
  let app: RunningApp;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let errors: string[];
  let requestId: number;

  beforeAll(async () => {
    [dovecot, smtp, browser] = await Promise.all([startDovecot(), startSmtp(), launchBrowser()]);
    app = await startApp({ SMTP_URL: smtp.url, IMAP_URL: dovecot.url, MAIL_FROM: 'KCSC <requests@kcsc.test>' });
    const x = await app.api.platformId('x');
    await app.t.db.query(`UPDATE platforms SET mail_to = '{"removal": "legal@x.test"}' WHERE id = $1`, [x]);
    const agency = await app.api.post('/api/agencies', {
      name: 'Korea Communications Standards Commission',
      kind: 'regulator',
      country: 'KR',
    });
    const request = await app.api.post('/api/requests', {
      platformId: x,
      agencyId: agency.id,
      type: 'removal',
      category: 'deepfake_sexual',
      channel: 'email',
      reference: 'KCSC-2026-00013',
      items: [{ url: 'https://x.test/status/13' }],
    });
    requestId = request.id;
    await app.api.ensureUser('liaison');
    context = await newContext(browser, app.baseUrl);
    page = await context.newPage();
    errors = trackPageErrors(page);
  }, 60_000);

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await app?.close();
    dovecot?.stop();
    await smtp?.stop();
  });

  it('should send, file the reply, show it as text, and record the outcome from it', async () => {
    const login = new LoginPage(page, app.baseUrl);
    await login.open();
    await login.signIn('liaison@test.local', PASSWORD);
    await page.goto(`${app.baseUrl}/#/requests/${requestId}/show`);
    const show = new RequestShowPage(page);
    await show.waitForStatus('draft');

    await page.getByTestId('dispatch').click();
    await page.getByRole('dialog').getByTestId('dispatch-send').click();
    await show.waitForStatus('sent');
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0].to).toEqual(['legal@x.test']);
    await page.locator('[data-testid="mail-thread"] li[data-direction="out"]').waitFor();

    const [sent] = await app.api.get(`/api/messages?filter=${encodeURIComponent(JSON.stringify({ requestId, direction: 'out' }))}`);
    const reply = [
      'From: X Legal <legal@x.test>',
      'To: requests@kcsc.test',
      'Subject: Re: [KCSC-2026-00013] Removal',
      'Message-ID: <reply-13@x.test>',
      `In-Reply-To: ${sent.messageId}`,
      'Date: Mon, 01 Jan 2024 00:00:00 +0000',
      'MIME-Version: 1.0',
      'Content-Type: text/html; charset=utf-8',
      '',
      '<p>We have <b>removed</b> the content.</p><img src="https://tracker.x.test/pixel.gif"><script>alert(1)</script>',
      '',
    ].join('\r\n');
    await dovecot.append(reply);
    expect(await app.t.app.get(InboundPoller).poll()).toMatchObject({ stored: 1 });

    await page.reload();
    await show.waitForStatus('acknowledged');
    const received = page.locator('[data-testid="mail-thread"] li[data-direction="in"]');
    await received.waitFor();
    // The HTML came in as text: no element of the stranger's markup exists on the page, nothing was fetched.
    await expect(received.getByTestId('message-text').innerText()).resolves.toContain('We have removed the content.');
    expect(await received.locator('b, img, script').count()).toBe(0);
    await screenshot(page, 'mail-01-reply-filed');

    const [inbound] = await app.api.get(`/api/messages?filter=${encodeURIComponent(JSON.stringify({ requestId, direction: 'in' }))}`);
    await page.getByTestId(`record-from-${inbound.id}`).click();
    const dialog = page.getByRole('dialog');
    await choose(dialog, page, /^Event/, 'Outcome');
    await choose(dialog, page, /^Outcome/, 'Removed');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'detached' });
    await show.waitForStatus('resolved');
    // The timeline says which events came from an e-mail: the sending, the reply, the outcome read in it
    // (the timeline refetches after the status: wait for its third entry rather than count at once).
    await page.getByTestId('event-message').nth(2).waitFor();
    await expect(page.getByTestId('event-message').count()).resolves.toBe(3);
    await screenshot(page, 'mail-02-outcome-recorded');

    const events = await app.api.get(`/api/requests/${requestId}/events`);
    expect(events.map((e: { kind: string; messageId: number | null }) => [e.kind, e.messageId])).toEqual([
      ['sent', sent.id],
      ['message_received', inbound.id],
      ['outcome', inbound.id],
    ]);
    expect(errors).toEqual([]);
  });

  it('should list what matched nothing under To sort, and dismiss it from there', async () => {
    await dovecot.append(
      [
        'From: Someone <someone@elsewhere.test>',
        'To: requests@kcsc.test',
        'Subject: Which notice?',
        'Message-ID: <lost@elsewhere.test>',
        '',
        'Hello?',
        '',
      ].join('\r\n'),
    );
    expect(await app.t.app.get(InboundPoller).poll()).toMatchObject({ stored: 1 });
    await page.getByTestId('menu-triage').click();
    const row = page.locator('[data-testid="message-list"] tbody tr').filter({ hasText: 'Which notice?' });
    await row.waitFor();
    await screenshot(page, 'mail-03-to-sort');
    await row.click();
    await page.getByTestId('message-dismiss').click();
    await page.getByTestId('message-dismiss').waitFor({ state: 'detached' });
    const [lost] = await app.api.get(`/api/messages?filter=${encodeURIComponent(JSON.stringify({ status: 'dismissed' }))}`);
    expect(lost).toMatchObject({ messageId: '<lost@elsewhere.test>', status: 'dismissed' });
    expect(errors).toEqual([]);
  });
});

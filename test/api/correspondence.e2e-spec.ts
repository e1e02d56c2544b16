import { createHash, generateKeyPairSync } from 'node:crypto';
import JSZip from 'jszip';
import { dkimSign } from 'mailauth/lib/dkim/sign';
import { DkimVerifier } from '../../api/src/correspondence/dkim';
import { InboundPoller, type PollCounts } from '../../api/src/correspondence/inbound-poller';
import { Renotice } from '../../api/src/correspondence/renotice';
import { createAgency, platformId } from './support/fixtures';
import { type Dovecot, type SmtpSink, startDovecot, startSmtp } from './support/mail-servers';
import { createTestApp, type TestApp } from './support/test-app';

/** Mail against real servers: Dovecot (IMAP) for what platforms answer, smtp-server for what we send. */
describe('correspondence', () => {
  let dovecot: Dovecot;
  let smtp: SmtpSink;
  let t: TestApp;
  let auth: string;
  let agencyId: number;
  let x: number;
  let tiktok: number;
  const MAX = 64 * 1024;

  const settings = () => ({
    SMTP_URL: smtp.url,
    IMAP_URL: dovecot.url,
    MAIL_FROM: 'KCSC Requests <requests@kcsc.test>',
    MAIL_MAX_BYTES: String(MAX),
  });

  beforeAll(async () => {
    [dovecot, smtp] = await Promise.all([startDovecot(), startSmtp()]);
    t = await createTestApp(settings());
    auth = `Bearer ${await t.token('regulator')}`;
    agencyId = await createAgency(t, 'Korea Communications Standards Commission');
    await t.db.query(`UPDATE agencies SET legal_basis = 'Article 44-7 of the Network Act' WHERE id = $1`, [agencyId]);
    x = await platformId(t, 'x');
    tiktok = await platformId(t, 'tiktok');
    await t.db.query(`UPDATE platforms SET mail_to = '{"removal": "legal@x.test", "investigation": "lers@x.test"}' WHERE id = $1`, [x]);
    await t.db.query(`UPDATE platforms SET mail_to = '{"removal": "safety@tiktok.test"}' WHERE id = $1`, [tiktok]);
  }, 60_000);
  afterAll(async () => {
    await t?.close();
    dovecot?.stop();
    await smtp?.stop();
  });

  let references = 0;
  const draft = async (platform = x, type = 'removal') => {
    const reference = `KCSC-2026-${String(++references).padStart(5, '0')}`;
    const res = await t.http
      .post('/api/requests')
      .set('Authorization', auth)
      .send({
        platformId: platform,
        agencyId,
        type,
        category: 'deepfake_sexual',
        channel: 'email',
        reference,
        items: [{ url: `https://x.test/post/${references}` }],
      })
      .expect(201);
    return { id: res.body.id as number, reference };
  };
  const dispatch = async (id: number, token = auth) =>
    (await t.http.post(`/api/requests/${id}/dispatch`).set('Authorization', token).send({}).expect(200)).body;
  const poll = (app: TestApp = t): Promise<PollCounts> => app.app.get(InboundPoller).poll();
  const request = async (id: number) => (await t.http.get(`/api/requests/${id}`).set('Authorization', auth).expect(200)).body;
  const events = async (id: number) => (await t.http.get(`/api/requests/${id}/events`).set('Authorization', auth).expect(200)).body;
  const messages = async (filter: object) =>
    (
      await t.http
        .get('/api/messages')
        .query({ filter: JSON.stringify(filter) })
        .set('Authorization', auth)
        .expect(200)
    ).body;
  const reply = (headers: Record<string, string>, body = 'We have reviewed the content and removed it.') =>
    [
      `From: X Legal <legal@x.test>`,
      `To: requests@kcsc.test`,
      `Date: Mon, 01 Jan 2024 00:00:00 +0000`,
      ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`),
      'Content-Type: text/plain; charset=utf-8',
      '',
      body,
      '',
    ].join('\r\n');
  // Dovecot keeps whole seconds: the next whole second but one, surely after the dispatch.
  const receipt = () => new Date(Math.ceil(Date.now() / 1000) * 1000 + 1000);

  it('should e-mail a draft through the SMTP server, store the exact bytes sent and record sent at acceptance', async () => {
    const { id, reference } = await draft();
    const before = Date.now();
    const { message, event } = await dispatch(id);
    expect(smtp.received).toHaveLength(1);
    const sent = smtp.received[0];
    expect(sent.to).toEqual(['legal@x.test']);
    expect(sent.from).toBe('requests@kcsc.test');
    expect(message).toMatchObject({ direction: 'out', requestId: id, status: 'filed', to: 'legal@x.test' });
    expect(message.subject).toContain(`[${reference}]`);
    expect(message.messageId).toMatch(/^<[0-9a-f-]+@kcsc\.test>$/);
    expect(event).toMatchObject({ kind: 'sent', messageId: message.id });
    expect(new Date(event.occurredAt).getTime()).toBeGreaterThanOrEqual(before);
    expect(new Date(event.occurredAt).getTime()).toBeGreaterThanOrEqual(sent.acceptedAt.getTime() - 1000);
    const raw = await t.http
      .get(`/api/messages/${message.id}/raw`)
      .set('Authorization', auth)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(raw.headers['content-type']).toMatch(/^message\/rfc822/);
    expect(raw.headers['x-content-type-options']).toBe('nosniff');
    expect(raw.headers['content-disposition']).toMatch(/^attachment; filename="message-\d+-[A-Za-z0-9._-]+\.eml"$/);
    // What the server accepted is byte for byte what we keep (SMTP adds nothing; dot-stuffing is undone by the server).
    expect((raw.body as Buffer).equals(sent.raw)).toBe(true);
    expect(createHash('sha256').update(sent.raw).digest('hex')).toBe(message.sha256);
    const text = sent.raw.toString('utf8');
    expect(text).toContain('Article 44-7 of the Network Act');
    expect(text).toContain(`https://x.test/post/${references}`);
    expect(await request(id)).toMatchObject({ status: 'sent', sentAt: event.occurredAt });
  });

  it('should file a reply by In-Reply-To, dated by the mailbox receipt, the Date header kept as claimed, and mark it seen', async () => {
    const { id } = await draft();
    const { message } = await dispatch(id);
    const at = receipt();
    await dovecot.append(reply({ Subject: 'Re: your request', 'Message-ID': '<r1@x.test>', 'In-Reply-To': message.messageId }), at);
    expect(await poll()).toMatchObject({ polled: true, stored: 1 });
    const [filed] = await messages({ requestId: id, direction: 'in' });
    expect(filed).toMatchObject({
      classification: 'human',
      status: 'filed',
      receivedAt: at.toISOString(),
      claimedDate: '2024-01-01T00:00:00.000Z',
      dkim: 'none',
    });
    expect((await events(id)).map((e: { kind: string }) => e.kind)).toEqual(['sent', 'message_received']);
    expect(await request(id)).toMatchObject({ status: 'acknowledged', firstResponseAt: at.toISOString() });
    expect((await dovecot.flags()).every((m) => m.seen)).toBe(true);
  });

  it('should file a reply by References, and one that lost the thread by the reference in its subject', async () => {
    const a = await draft();
    const { message } = await dispatch(a.id);
    const b = await draft();
    await dispatch(b.id);
    await dovecot.append(
      reply({ Subject: 'Ticket update', 'Message-ID': '<r2@x.test>', References: `<unknown@elsewhere> ${message.messageId}` }),
    );
    await dovecot.append(reply({ Subject: `Re: [${b.reference}] Removal`, 'Message-ID': '<r3@x.test>' }));
    expect(await poll()).toMatchObject({ stored: 2 });
    expect((await messages({ requestId: a.id, direction: 'in' }))[0].messageId).toBe('<r2@x.test>');
    expect((await messages({ requestId: b.id, direction: 'in' }))[0].messageId).toBe('<r3@x.test>');
  });

  it('should put what matches nothing in triage, where a liaison officer files or dismisses it (an analyst may not)', async () => {
    const { id } = await draft();
    await dispatch(id);
    await dovecot.append(reply({ Subject: 'Question about your letter', 'Message-ID': '<t1@x.test>' }));
    await dovecot.append(reply({ Subject: 'Newsletter', 'Message-ID': '<t2@x.test>' }));
    await poll();
    const triage = await messages({ status: 'triage' });
    const [one, two] = ['<t1@x.test>', '<t2@x.test>'].map((mid) => triage.find((m: { messageId: string }) => m.messageId === mid));
    expect(one.requestId).toBeNull();
    const analyst = `Bearer ${await t.token('analyst')}`;
    const liaison = `Bearer ${await t.token('liaison')}`;
    await t.http.post(`/api/messages/${one.id}/file`).set('Authorization', analyst).send({ requestId: id }).expect(403);
    const filed = await t.http.post(`/api/messages/${one.id}/file`).set('Authorization', liaison).send({ requestId: id }).expect(200);
    expect(filed.body).toMatchObject({ status: 'filed', requestId: id });
    expect((await events(id)).map((e: { kind: string }) => e.kind)).toEqual(['sent', 'message_received']);
    const again = await t.http.post(`/api/messages/${one.id}/file`).set('Authorization', liaison).send({ requestId: id }).expect(409);
    expect(again.body.code).toBe('message.not_in_triage');
    await t.http.post(`/api/messages/${two.id}/file`).set('Authorization', liaison).send({ requestId: 999999 }).expect(400);
    expect((await t.http.post(`/api/messages/${two.id}/dismiss`).set('Authorization', liaison).expect(200)).body.status).toBe('dismissed');
  });

  it('should count a human reply as a response and an automatic reply only as a receipt', async () => {
    const stats = async () =>
      (
        await t.http
          .get('/api/stats/responsiveness')
          .query({ from: '2020-01-01T00:00:00Z', to: '2100-01-01T00:00:00Z', platformId: tiktok })
          .set('Authorization', auth)
          .expect(200)
      ).body.find((row: { platformId: number }) => row.platformId === tiktok);
    const { id } = await draft(tiktok);
    const { message } = await dispatch(id);
    await dovecot.append(
      reply(
        {
          Subject: 'Automatic reply: your report',
          'Message-ID': '<auto1@tiktok.test>',
          'In-Reply-To': message.messageId,
          'Auto-Submitted': 'auto-replied',
        },
        'Thanks, we got it.',
      ),
    );
    await dovecot.append(
      reply(
        { Subject: `[Request received] ${'x'}`, 'Message-ID': '<auto2@tiktok.test>', 'In-Reply-To': message.messageId },
        'Ticket 123 created',
      ),
    );
    await poll();
    expect((await messages({ requestId: id, direction: 'in' })).map((m: { classification: string }) => m.classification)).toEqual([
      'auto_reply',
      'auto_reply',
    ]);
    expect((await events(id)).map((e: { kind: string }) => e.kind)).toEqual(['sent', 'receipt_confirmed', 'receipt_confirmed']);
    expect(await request(id)).toMatchObject({ status: 'sent', firstResponseAt: null });
    expect(await stats()).toMatchObject({ sent: 1, responded: 0, responseRate: 0 });
    await dovecot.append(reply({ Subject: 'Re: your report', 'Message-ID': '<human1@tiktok.test>', 'In-Reply-To': message.messageId }));
    await poll();
    expect(await stats()).toMatchObject({ sent: 1, responded: 1, responseRate: 1 });
  });

  it('should mark a bounced request not delivered with the reason, and clear it when a new dispatch is accepted', async () => {
    const { id } = await draft();
    const { message } = await dispatch(id);
    const dsn = [
      'From: Mail Delivery System <MAILER-DAEMON@mx.x.test>',
      'To: requests@kcsc.test',
      'Subject: Undelivered Mail Returned to Sender',
      'Message-ID: <bounce1@mx.x.test>',
      'MIME-Version: 1.0',
      'Content-Type: multipart/report; report-type=delivery-status; boundary="B"',
      '',
      '--B',
      'Content-Type: text/plain',
      '',
      'Your message could not be delivered.',
      '--B',
      'Content-Type: message/delivery-status',
      '',
      'Reporting-MTA: dns; mx.x.test',
      '',
      'Final-Recipient: rfc822; legal@x.test',
      'Action: failed',
      'Status: 5.1.1',
      'Diagnostic-Code: smtp; 550 5.1.1 <legal@x.test>: Recipient address rejected',
      '--B',
      'Content-Type: text/rfc822-headers',
      '',
      `Message-ID: ${message.messageId}`,
      'Subject: whatever',
      '--B--',
      '',
    ].join('\r\n');
    await dovecot.append(dsn);
    await poll();
    const [bounce] = await messages({ requestId: id, classification: 'bounce' });
    expect(bounce.bounceReason).toBe('550 5.1.1 <legal@x.test>: Recipient address rejected');
    expect(await request(id)).toMatchObject({ status: 'sent', deliveryFailure: '550 5.1.1 <legal@x.test>: Recipient address rejected' });
    const list = await t.http
      .get('/api/requests')
      .query({ filter: JSON.stringify({ id }) })
      .set('Authorization', auth)
      .expect(200);
    expect(list.body[0].deliveryFailedAt).not.toBeNull();
    const undelivered = await t.http
      .get('/api/requests')
      .query({ filter: JSON.stringify({ undelivered: true }) })
      .set('Authorization', auth)
      .expect(200);
    expect(undelivered.body.map((r: { id: number }) => r.id)).toEqual([id]);

    // Past its deadline, a request the platform never got is not held against it: not overdue, on either path.
    // (The bounce is dated by the mailbox, which the test's clock may not have reached yet.)
    const failedAt = Date.parse(list.body[0].deliveryFailedAt);
    await new Promise((done) => setTimeout(done, Math.max(0, failedAt - Date.now() + 50)));
    await t.db.query(`UPDATE requests SET sent_at = now() - interval '10 days', due_at = now() - interval '7 days' WHERE id = $1`, [id]);
    const overdueIds = async () =>
      (await t.http.get('/api/stats/overdue').set('Authorization', auth).expect(200)).body.map((r: { id: number }) => r.id);
    const overdueCount = async (query: object) =>
      (await t.http.get('/api/stats/responsiveness').query(query).set('Authorization', auth).expect(200)).body.find(
        (p: { platformId: number }) => p.platformId === x,
      )?.overdue;
    expect(await overdueIds()).not.toContain(id);
    // The rollups answer without a channel filter, the exact query with one; they agree.
    const before = await overdueCount({});
    expect(await overdueCount({ channel: 'email' })).toBe(before);
    const again = await dispatch(id);
    expect(again.event.kind).toBe('reminder_sent');
    expect(again.message.inReplyTo).toBe(message.messageId);
    expect(await request(id)).toMatchObject({ deliveryFailedAt: null, deliveryFailure: null });
    // Delivered again, and still unanswered past its deadline: overdue once more.
    expect(await overdueIds()).toContain(id);
    expect(await overdueCount({})).toBe(before + 1);
    expect(await overdueCount({ channel: 'email' })).toBe(before + 1);
    // Nothing to send again once delivered.
    expect((await t.http.post(`/api/requests/${id}/dispatch`).set('Authorization', auth).send({}).expect(409)).body.code).toBe(
      'mail.not_dispatchable',
    );
  });

  it('should keep a message delivered twice once, and go on past a malformed and an oversized one', async () => {
    const { id } = await draft();
    const { message } = await dispatch(id);
    const twice = reply({ Subject: 'Re: twice', 'Message-ID': '<twice@x.test>', 'In-Reply-To': message.messageId });
    await dovecot.append(twice);
    await dovecot.append(twice);
    await dovecot.append(Buffer.from('\u0000\u0001garbage without any header\r\n\r\n\u0000', 'latin1'));
    const big = reply({ Subject: 'Re: big', 'Message-ID': '<big@x.test>', 'In-Reply-To': message.messageId }, 'A'.repeat(MAX + 10));
    await dovecot.append(big);
    const counts = await poll();
    expect(counts).toMatchObject({ stored: 3, duplicates: 1 });
    expect(
      (await messages({ requestId: id, direction: 'in' })).filter((m: { messageId: string }) => m.messageId === '<twice@x.test>'),
    ).toHaveLength(1);
    const [unreadable] = await messages({ classification: 'unreadable' });
    expect(unreadable).toMatchObject({ status: 'triage', requestId: null });
    const [large] = (await messages({ requestId: id })).filter((m: { messageId: string }) => m.messageId === '<big@x.test>');
    expect(large.truncated).toBe(true);
    expect(large.size).toBeLessThan(2000);
    expect(large.note).toMatch(/larger than the limit: \d+ bytes/);
  });

  it('should refuse to record the message-only kinds by hand', async () => {
    const { id } = await draft();
    await dispatch(id);
    const res = await t.http
      .post(`/api/requests/${id}/events`)
      .set('Authorization', auth)
      .send({ kind: 'message_received', occurredAt: new Date().toISOString() })
      .expect(400);
    expect(res.body).toMatchObject({ code: 'request.message_event_manual', field: 'kind' });
  });

  it('should take an uploaded .eml on a request, once, and hide item addresses from analysts', async () => {
    const { id } = await draft();
    await dispatch(id);
    const eml = reply({ Subject: 'Forwarded answer', 'Message-ID': '<upload1@x.test>' }, 'See https://x.test/post/123 — removed.');
    const up = await t.http
      .post('/api/messages')
      .query({ requestId: id })
      .set('Authorization', auth)
      .set('Content-Type', 'message/rfc822')
      .send(eml)
      .expect(201);
    expect(up.body).toMatchObject({ requestId: id, status: 'filed', classification: 'human' });
    const dup = await t.http.post('/api/messages').set('Authorization', auth).attach('file', Buffer.from(eml), 'answer.eml').expect(409);
    expect(dup.body.code).toBe('message.duplicate');
    const analyst = `Bearer ${await t.token('analyst')}`;
    const seen = await t.http.get(`/api/messages/${up.body.id}`).set('Authorization', analyst).expect(200);
    expect(seen.body.text).not.toContain('https://');
    expect((await t.http.get(`/api/messages/${up.body.id}/raw`).set('Authorization', analyst).expect(403)).body.code).toBe(
      'auth.forbidden',
    );
    await t.http.post('/api/messages').set('Authorization', auth).set('Content-Type', 'application/json').send({}).expect(415);
  });

  it('should record the DKIM result with a test key: pass, and fail once the body is changed', async () => {
    const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const record = `v=DKIM1; k=rsa; p=${publicKey.export({ type: 'spki', format: 'der' }).toString('base64')}`;
    t.app.get(DkimVerifier).resolver = async (name: string, type: string) => {
      if (type === 'TXT' && name === 'test._domainkey.x.test') return [[record]];
      throw Object.assign(new Error('not found'), { code: 'ENOTFOUND' });
    };
    const { id } = await draft();
    const { message } = await dispatch(id);
    const mail = reply({ Subject: 'Signed answer', 'Message-ID': '<signed@x.test>', 'In-Reply-To': message.messageId });
    // One signature in mailauth's signatureData form (its typings want the older top-level fields).
    const { signatures } = await dkimSign(mail, {
      signatureData: [{ signingDomain: 'x.test', selector: 'test', privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }) }],
    } as never);
    await dovecot.append(signatures + mail);
    await dovecot.append(
      (signatures + mail).replace('Message-ID: <signed@x.test>', 'Message-ID: <forged@x.test>').replace('removed it', 'kept it'),
    );
    await poll();
    const got = await messages({ requestId: id, direction: 'in' });
    expect(got.find((m: { messageId: string }) => m.messageId === '<signed@x.test>')).toMatchObject({ dkim: 'pass', dkimDomain: 'x.test' });
    expect(got.find((m: { messageId: string }) => m.messageId === '<forged@x.test>')).toMatchObject({ dkim: 'fail', dkimDomain: 'x.test' });
  });

  it('should import nothing twice across a restart, nor with two instances polling one mailbox', async () => {
    const { id } = await draft();
    const { message } = await dispatch(id);
    await dovecot.append(reply({ Subject: 'Re: one', 'Message-ID': '<restart1@x.test>', 'In-Reply-To': message.messageId }));
    await poll();
    const stored = async () => Number((await t.db.query('SELECT count(*) AS n FROM messages WHERE direction = $1', ['in']))[0].n);
    const before = await stored();
    // A restart: a new instance on the same database and mailbox finds the cursor where the last one left it.
    const restarted = await createTestApp(settings(), { shareDatabase: t.database });
    const second = await createTestApp({ ...settings(), SMTP_URL: '' }, { shareDatabase: t.database });
    try {
      expect(await poll(restarted)).toMatchObject({ stored: 0 });
      for (let i = 0; i < 5; i++)
        await dovecot.append(reply({ Subject: `Re: batch ${i}`, 'Message-ID': `<batch${i}@x.test>`, 'In-Reply-To': message.messageId }));
      // Even with the cursor lost, the Message-IDs keep every message once.
      await t.db.query('DELETE FROM mailbox_cursors');
      const runs = await Promise.all([poll(restarted), poll(second), poll(restarted), poll(second)]);
      expect(runs.reduce((n, r) => n + r.stored, 0)).toBe(5);
      expect(await stored()).toBe(before + 5);
      expect(Number((await t.db.query('SELECT count(DISTINCT dedupe_key) AS n FROM messages WHERE direction = $1', ['in']))[0].n)).toBe(
        before + 5,
      );
      // Without SMTP_URL a dispatch only prepares the message, to download and send by hand.
      const other = await draft();
      const token = `Bearer ${await second.token('regulator')}`;
      const prepared = (
        await second.http.post(`/api/requests/${other.id}/dispatch`).set('Authorization', token).send({ language: 'ko' }).expect(200)
      ).body;
      expect(prepared).toMatchObject({ event: null, message: { receivedAt: null, direction: 'out' } });
      expect(prepared.message.text).toContain('삭제를 요청합니다');
      expect(await request(other.id)).toMatchObject({ status: 'draft' });
    } finally {
      await restarted.close();
      await second.close();
    }
  }, 60_000);

  it("should export a request's evidence as a zip: every e-mail byte for byte, the timeline, and their SHA-256", async () => {
    const { id } = await draft();
    const { message } = await dispatch(id);
    await dovecot.append(reply({ Subject: 'Re: evidence', 'Message-ID': '<evidence@x.test>', 'In-Reply-To': message.messageId }));
    await poll();
    const res = await t.http
      .get(`/api/requests/${id}/evidence.zip`)
      .set('Authorization', auth)
      .buffer(true)
      .parse((r, done) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(res.headers['content-type']).toBe('application/zip');
    const zip = await JSZip.loadAsync(res.body as Buffer);
    const names = Object.keys(zip.files).filter((name) => !zip.files[name].dir);
    expect(names.filter((name) => !name.startsWith('messages/')).sort()).toEqual([
      'SHA256SUMS',
      'messages.json',
      'request.json',
      'timeline.json',
    ]);
    expect(names.filter((name) => name.startsWith('messages/')).map((name) => name.replace(/^messages\/\d+-/, ''))).toEqual([
      'out.eml',
      'in.eml',
    ]);
    const sums = (await zip.file('SHA256SUMS')!.async('string')).trim().split('\n');
    for (const line of sums) {
      const [hash, name] = line.split(/\s+/);
      expect(
        createHash('sha256')
          .update(await zip.file(name)!.async('nodebuffer'))
          .digest('hex'),
      ).toBe(hash);
    }
    const stored = await messages({ requestId: id });
    for (const m of stored) expect(sums.some((line: string) => line.startsWith(m.sha256))).toBe(true);
    const timeline = JSON.parse(await zip.file('timeline.json')!.async('string'));
    expect(timeline.map((e: { kind: string }) => e.kind)).toEqual(['sent', 'message_received']);
    await t.http
      .get(`/api/requests/${id}/evidence.zip`)
      .set('Authorization', `Bearer ${await t.token('analyst')}`)
      .expect(403);
  });

  it('should send exactly the reminders due, in the thread, up to the maximum, and none for answered or other platforms', async () => {
    const youtube = await platformId(t, 'youtube');
    await t.db.query(
      `UPDATE platforms SET mail_to = '{"removal": "legal@youtube.test"}', renotice_hours = 24, renotice_max = 2 WHERE id = $1`,
      [youtube],
    );
    const silent = await draft(youtube);
    const first = (await t.http.post(`/api/requests/${silent.id}/dispatch`).set('Authorization', auth).send({ language: 'ko' }).expect(200))
      .body;
    const answered = await draft(youtube);
    const answeredMail = await dispatch(answered.id);
    await dovecot.append(
      reply({ Subject: 'Re: done', 'Message-ID': '<yt-answer@youtube.test>', 'In-Reply-To': answeredMail.message.messageId }),
    );
    await poll();
    const fresh = await draft(youtube);
    const renotice = t.app.get(Renotice);
    const hours = (n: number) => new Date(Date.now() + n * 3600_000);
    const sentBefore = smtp.received.length;

    // 23 hours on: nothing is due yet.
    expect(await renotice.run(hours(23))).toEqual({ due: 0, sent: 0, failed: 0 });
    // 25 hours on: the unanswered request, and only it (the fresh one was never mailed).
    expect(await renotice.run(hours(25))).toEqual({ due: 1, sent: 1, failed: 0 });
    // The interval counts from the last mail, the reminder just sent.
    expect(await renotice.run(hours(23))).toEqual({ due: 0, sent: 0, failed: 0 });
    expect(await renotice.run(hours(49))).toEqual({ due: 1, sent: 1, failed: 0 });
    // The maximum is two.
    expect(await renotice.run(hours(100))).toEqual({ due: 0, sent: 0, failed: 0 });

    const reminders = smtp.received.slice(sentBefore);
    expect(reminders).toHaveLength(2);
    expect(reminders.every((m) => m.to[0] === 'legal@youtube.test')).toBe(true);
    const out = await messages({ requestId: silent.id, direction: 'out' });
    expect(out).toHaveLength(3);
    const [second, third] = out.sort((a: { id: number }, b: { id: number }) => a.id - b.id).slice(1);
    expect(second.inReplyTo).toBe(first.message.messageId);
    // In the language of the first e-mail.
    expect(second.subject).toMatch(/^Re: 독촉 1회: \[/);
    expect(second.text).toContain('회신을 받지 못했습니다');
    expect(third.references).toEqual([first.message.messageId, second.messageId]);
    const kinds = (await events(silent.id)).map((e: { kind: string; messageId: number | null }) => [e.kind, e.messageId !== null]);
    expect(kinds).toEqual([
      ['sent', true],
      ['reminder_sent', true],
      ['reminder_sent', true],
    ]);
    // Metrics still count from the first dispatch.
    expect((await request(silent.id)).sentAt).toBe(first.event.occurredAt);
    expect(await messages({ requestId: answered.id, direction: 'out' })).toHaveLength(1);
    expect(await messages({ requestId: fresh.id })).toHaveLength(0);
  });

  it('should list attachments with safe names and serve each only as a download of its exact bytes', async () => {
    const { id } = await draft();
    const { message } = await dispatch(id);
    const html = '<html><body><script>alert(1)</script></body></html>';
    await dovecot.append(
      [
        'From: X Legal <legal@x.test>',
        'To: requests@kcsc.test',
        'Subject: Re: with attachment',
        'Message-ID: <attached@x.test>',
        `In-Reply-To: ${message.messageId}`,
        'MIME-Version: 1.0',
        'Content-Type: multipart/mixed; boundary="A"',
        '',
        '--A',
        'Content-Type: text/plain',
        '',
        'See the attached notice.',
        '--A',
        'Content-Type: text/html; name="../../notice.html"',
        'Content-Disposition: attachment; filename="../../notice.html"',
        '',
        html,
        '--A--',
        '',
      ].join('\r\n'),
    );
    await poll();
    const [stored] = (await messages({ requestId: id, direction: 'in' })).filter(
      (m: { messageId: string }) => m.messageId === '<attached@x.test>',
    );
    expect(stored.attachments).toEqual([
      {
        index: 0,
        fileName: 'notice.html',
        contentType: 'text/html',
        size: expect.any(Number),
        sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      },
    ]);
    const res = await t.http
      .get(`/api/messages/${stored.id}/attachments/0`)
      .set('Authorization', auth)
      .buffer(true)
      .parse((r, done) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(res.headers['content-type']).toBe('application/octet-stream');
    expect(res.headers['content-disposition']).toBe('attachment; filename="notice.html"');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(
      createHash('sha256')
        .update(res.body as Buffer)
        .digest('hex'),
    ).toBe(stored.attachments[0].sha256);
    expect((res.body as Buffer).toString()).toContain('<script>');
    await t.http.get(`/api/messages/${stored.id}/attachments/1`).set('Authorization', auth).expect(404);
    await t.http
      .get(`/api/messages/${stored.id}/attachments/0`)
      .set('Authorization', `Bearer ${await t.token('analyst')}`)
      .expect(403);
  });
});

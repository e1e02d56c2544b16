import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { countRows, platformId } from './support/fixtures';
import { createTestApp, type TestApp } from './support/test-app';

const HEADER =
  'agency,reference,platform,type,category,channel,sentAt,status,outcome,firstResponseAt,resolvedAt,itemUrl,itemContentHash,itemState';

const GOOD = [
  HEADER,
  // A removal request with two items, resolved partially: item states ride on the outcome.
  'Image Removal Support Network,IRSN-1,x,removal,ncii,web_form,2024-01-05T10:00:00Z,resolved,partially_removed,2024-01-06T10:00:00Z,2024-01-08T10:00:00Z,https://x.com/a/1,h1,removed',
  'Image Removal Support Network,IRSN-1,x,removal,ncii,web_form,2024-01-05T10:00:00Z,resolved,partially_removed,2024-01-06T10:00:00Z,2024-01-08T10:00:00Z,https://x.com/a/2,h2,still_online',
  // Acknowledged, one item checked at import time; status left for the times to decide.
  'Image Removal Support Network,IRSN-2,telegram,removal,deepfake_sexual,email,2024-02-01T00:00:00Z,,,2024-02-03T00:00:00Z,,"https://t.me/c/9?x=1,2",,still_online',
  // Never answered, no items; a quoted cell with a comma and a quote in the reference.
  'Image Removal Support Network,"IRSN-3, ""batch""",youtube,investigation,sextortion,letter,2024-03-01T00:00:00+09:00,,,,,,,',
].join('\n');

describe('CSV import', () => {
  let t: TestApp;
  let auth: string;
  const snapshot = async () => ({
    requests: await countRows(t, 'requests'),
    items: await countRows(t, 'request_items'),
    events: await countRows(t, 'request_events'),
  });
  const importCsv = (body: string, type = 'text/csv') =>
    t.http.post('/api/imports/requests').set('Authorization', auth).set('Content-Type', type).send(body);

  beforeAll(async () => {
    t = await createTestApp();
    auth = `Bearer ${await t.token('regulator')}`;
    await t.http
      .post('/api/agencies')
      .set('Authorization', auth)
      .send({ name: 'Image Removal Support Network', kind: 'ngo', country: 'JP' })
      .expect(201);
  });
  afterAll(() => t.close());

  /** The app's HTTP server, listening on a loopback port (for requests that need a real socket). */
  async function listening() {
    const server = t.app.getHttpServer();
    if (!server.listening) await t.app.listen(0, '127.0.0.1');
    return server;
  }

  it('should import requests with their items and timeline, and do nothing the second time', async () => {
    const res = await importCsv(GOOD).expect(200);
    expect(res.body).toEqual({ created: 3, skipped: 0, errors: [] });

    const list = (await t.http.get('/api/requests').query({ sort: '["reference","ASC"]' }).set('Authorization', auth).expect(200)).body;
    const [one, two, three] = list;
    expect(one).toMatchObject({
      reference: 'IRSN-1',
      status: 'resolved',
      outcome: 'partially_removed',
      firstResponseAt: '2024-01-06T10:00:00.000Z',
      dueAt: '2024-01-08T10:00:00.000Z',
    });
    expect(one.items.map((i: { url: string; state: string; contentHash: string }) => [i.url, i.contentHash, i.state])).toEqual([
      ['https://x.com/a/1', 'h1', 'removed'],
      ['https://x.com/a/2', 'h2', 'still_online'],
    ]);
    expect(two).toMatchObject({
      reference: 'IRSN-2',
      status: 'acknowledged',
      items: [expect.objectContaining({ url: 'https://t.me/c/9?x=1,2', state: 'still_online' })],
    });
    expect(three).toMatchObject({ reference: 'IRSN-3, "batch"', status: 'sent', sentAt: '2024-02-29T15:00:00.000Z', items: [] });
    const events = (await t.http.get(`/api/requests/${one.id}/events`).set('Authorization', auth).expect(200)).body;
    expect(events.map((e: { kind: string; items: unknown[] }) => [e.kind, e.items.length])).toEqual([
      ['sent', 0],
      ['acknowledged', 0],
      ['outcome', 2],
    ]);

    const before = await snapshot();
    expect((await importCsv(GOOD).expect(200)).body).toEqual({ created: 0, skipped: 3, errors: [] });
    expect(await snapshot()).toEqual(before);
  });

  it('should count the imported requests in the statistics', async () => {
    const x = await platformId(t, 'x');
    const [row] = (await t.http.get('/api/stats/responsiveness').query({ platformId: x }).set('Authorization', auth).expect(200)).body;
    expect(row).toMatchObject({ sent: 1, responded: 1, itemsRequested: 2, itemsRemoved: 1, removedPartially: 1, medianResponseHours: 24 });
  });

  it('should read a semicolon-separated file with a byte order mark, sent as a multipart upload', async () => {
    const csv = `\uFEFF${[HEADER, 'Image Removal Support Network,IRSN-4,tiktok,blocking,grooming,portal,2024-04-01T00:00:00Z,,,,,,,'].join('\n').replace(/,/g, ';')}`;
    const res = await t.http
      .post('/api/imports/requests')
      .set('Authorization', auth)
      .attach('file', Buffer.from(csv, 'utf8'), 'requests.csv')
      .expect(200);
    expect(res.body).toEqual({ created: 1, skipped: 0, errors: [] });
  });

  it('should report every bad row precisely and import nothing', async () => {
    const before = await snapshot();
    const bad = [
      HEADER,
      'Image Removal Support Network,OK-1,x,removal,ncii,web_form,2024-05-01T00:00:00Z,,,,,,,',
      ',MISSING-AGENCY,x,removal,ncii,web_form,2024-05-01T00:00:00Z,,,,,,,',
      'Image Removal Support Network,BAD-DATE,x,removal,ncii,web_form,01/05/2024,,,,,,,',
      'Image Removal Support Network,UNKNOWN-PLATFORM,myspace,removal,ncii,web_form,2024-05-01T00:00:00Z,,,,,,,',
      'Image Removal Support Network,OK-1,youtube,removal,ncii,web_form,2024-05-01T00:00:00Z,,,,,,,',
      'Image Removal Support Network,"BROKEN,x,removal,ncii,web_form,2024-05-01T00:00:00Z,,,,,,,',
    ].join('\n');
    const res = await importCsv(bad).expect(400);
    expect(res.body).toMatchObject({
      statusCode: 400,
      error: 'Bad Request',
      code: 'import.rows_invalid',
      created: 0,
      skipped: 0,
      message: expect.stringMatching(/rows have errors; nothing was imported$/),
    });
    expect(res.body.errors).toEqual([
      { line: 3, field: 'agency', message: 'agency is required' },
      { line: 4, field: 'sentAt', message: 'sentAt must be an ISO-8601 date and time, e.g. 2024-03-01T09:30:00Z' },
      { line: 5, field: 'platform', message: "platform 'myspace' is not a known platform slug" },
      { line: 7, message: expect.stringMatching(/^the row cannot be read as CSV: /) },
    ]);
    expect(await snapshot()).toEqual(before);

    const clash = [
      HEADER,
      'Image Removal Support Network,CLASH,x,removal,ncii,web_form,2024-05-01T00:00:00Z,,,,,,,',
      'Image Removal Support Network,CLASH,youtube,removal,ncii,web_form,2024-05-01T00:00:00Z,,,,,,,',
    ].join('\n');
    expect((await importCsv(clash).expect(400)).body.errors).toEqual([
      {
        line: 3,
        field: 'reference',
        message: "reference 'CLASH' is already used on line 2 for a request with other details (one reference names one request)",
      },
    ]);
    const wrongHeader = (await importCsv('agency,reference\nA,B').expect(400)).body;
    expect(wrongHeader.errors[0]).toEqual({ line: 1, field: 'header', message: `the header must be exactly: ${HEADER}` });
    expect(wrongHeader.code).toBe('import.unknown_column');
    await importCsv('{}', 'application/json').expect(415);
    await t.http
      .post('/api/imports/requests')
      .set('Authorization', `Bearer ${await t.token('analyst')}`)
      .set('Content-Type', 'text/csv')
      .send(GOOD)
      .expect(403);
    expect(await snapshot()).toEqual(before);
  });

  it('should serve a template that imports as it is', async () => {
    const template = await t.http.get('/api/imports/requests/template.csv').set('Authorization', auth).expect(200);
    expect(template.headers['content-type']).toMatch(/^text\/csv/);
    await t.http
      .post('/api/agencies')
      .set('Authorization', auth)
      .send({ name: 'Korean National Police Agency', kind: 'police' })
      .expect(201);
    expect((await importCsv(template.text).expect(200)).body).toEqual({ created: 1, skipped: 0, errors: [] });
  });

  it('should survive an upload cut off half-way, and import nothing of it', async () => {
    const { port } = (await listening()).address() as AddressInfo;
    await new Promise<void>((ok) => {
      const req = httpRequest({
        host: '127.0.0.1',
        port,
        path: '/api/imports/requests',
        method: 'POST',
        headers: { 'Content-Type': 'text/csv', Authorization: auth },
      });
      req.on('error', () => ok());
      req.write(`${HEADER}\n`);
      for (let i = 0; i < 2000; i++) req.write(`Image Removal Support Network,ABORT-${i},x,removal,ncii,api,2024-06-01T00:00:00Z,,,,,,,\n`);
      setTimeout(() => {
        req.destroy();
        ok();
      }, 300);
    });
    await new Promise((r) => setTimeout(r, 500));
    await t.http.get('/api/health').expect(200);
    expect(await countRows(t, `requests WHERE reference LIKE 'ABORT-%'`)).toBe(0);
    // The connection went back to the pool in a usable state.
    expect((await importCsv(GOOD).expect(200)).body.skipped).toBe(3);
  });

  it('should stream a 100,000-row file with memory staying flat', async () => {
    const { port } = (await listening()).address() as AddressInfo;
    const rows = 100_000;
    const body = Readable.from(
      (function* () {
        yield `${HEADER}\n`;
        for (let i = 0; i < rows; i += 1000) {
          let chunk = '';
          for (let k = i; k < i + 1000; k++)
            chunk += `Image Removal Support Network,BULK-${k},x,removal,ncii,api,2024-06-01T00:00:00Z,,,,,https://x.com/bulk/${k},,\n`;
          yield chunk;
        }
      })(),
    );
    global.gc?.();
    const baseline = process.memoryUsage().rss;
    let peak = baseline;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 25);
    const result = await new Promise<{ status: number; body: string }>((ok, fail) => {
      const req = httpRequest(
        {
          host: '127.0.0.1',
          port,
          path: '/api/imports/requests',
          method: 'POST',
          headers: { 'Content-Type': 'text/csv', Authorization: auth },
        },
        (res) => {
          let text = '';
          res.on('data', (c) => (text += c));
          res.on('end', () => ok({ status: res.statusCode!, body: text }));
        },
      );
      req.on('error', fail);
      body.pipe(req);
    });
    clearInterval(sampler);
    expect(result.status).toBe(200);
    expect(JSON.parse(result.body)).toEqual({ created: rows, skipped: 0, errors: [] });
    // The file is about 9 MB; the import must not hold it, nor its rows, in memory.
    expect((peak - baseline) / 1024 / 1024).toBeLessThan(150);
    expect(await countRows(t, `requests WHERE reference LIKE 'BULK-%'`)).toBe(rows);
  });
});

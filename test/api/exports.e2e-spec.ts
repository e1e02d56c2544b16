import ExcelJS from 'exceljs';
import { createTestApp, type TestApp } from './support/test-app';

const HEADER =
  'agency,reference,platform,type,category,channel,sentAt,status,outcome,firstResponseAt,resolvedAt,itemUrl,itemContentHash,itemState';

/** Export to CSV, import the file into another database, and get the same requests. */
describe('CSV export', () => {
  let source: TestApp;
  let target: TestApp;
  const csv = [
    HEADER,
    'Victim Support NGO,V-1,x,removal,ncii,web_form,2024-01-05T10:00:00Z,resolved,partially_removed,2024-01-06T10:00:00Z,2024-01-08T10:00:00Z,https://x.com/a/1,h1,removed',
    'Victim Support NGO,V-1,x,removal,ncii,web_form,2024-01-05T10:00:00Z,resolved,partially_removed,2024-01-06T10:00:00Z,2024-01-08T10:00:00Z,"https://x.com/a/2,b",h2,still_online',
    'Victim Support NGO,V-2,telegram,removal,deepfake_sexual,email,2024-02-01T00:00:00Z,acknowledged,,2024-02-03T00:00:00Z,,https://t.me/c/9,,still_online',
    'Victim Support NGO,V-3,youtube,investigation,sextortion,letter,2024-03-01T00:00:00Z,sent,,,,,,',
    'Victim Support NGO,V-4,youtube,removal,other,portal,,draft,,,,https://youtube.com/watch?v=1,,',
  ].join('\n');
  const read = async (t: TestApp) =>
    (
      await t.http
        .get('/api/requests')
        .query({ sort: '["reference","ASC"]' })
        .set('Authorization', `Bearer ${await t.token('analyst')}`)
        .expect(200)
    ).body.map((r: Record<string, unknown> & { items: Record<string, unknown>[] }) => ({
      reference: r.reference,
      type: r.type,
      category: r.category,
      channel: r.channel,
      status: r.status,
      outcome: r.outcome,
      sentAt: r.sentAt,
      dueAt: r.dueAt,
      firstResponseAt: r.firstResponseAt,
      resolvedAt: r.resolvedAt,
      items: r.items.map((i) => [i.url, i.contentHash, i.state]),
    }));

  beforeAll(async () => {
    [source, target] = [await createTestApp(), await createTestApp()];
    for (const t of [source, target]) {
      await t.http
        .post('/api/agencies')
        .set('Authorization', `Bearer ${await t.token('admin')}`)
        .send({ name: 'Victim Support NGO', kind: 'ngo' })
        .expect(201);
    }
    await source.http
      .post('/api/imports/requests')
      .set('Authorization', `Bearer ${await source.token('admin')}`)
      .set('Content-Type', 'text/csv')
      .send(csv)
      .expect(200);
  });
  afterAll(async () => {
    await source.close();
    await target.close();
  });

  it('should round-trip through the import', async () => {
    // A regulator's export: an analyst's has no content URLs (see content-urls.e2e-spec.ts).
    const exported = await source.http
      .get('/api/exports/requests.csv')
      .set('Authorization', `Bearer ${await source.token('regulator')}`)
      .expect(200);
    expect(exported.headers['content-type']).toMatch(/^text\/csv/);
    const lines = exported.text.trim().split('\n');
    expect(lines[0]).toBe(HEADER);
    expect(lines).toHaveLength(6); // five item rows and one request without items
    const res = await target.http
      .post('/api/imports/requests')
      .set('Authorization', `Bearer ${await target.token('admin')}`)
      .set('Content-Type', 'text/csv')
      .send(exported.text)
      .expect(200);
    expect(res.body).toEqual({ created: 4, skipped: 0, errors: [] });
    expect(await read(target)).toEqual(await read(source));
  });

  it('should take the list filters', async () => {
    const res = await source.http
      .get('/api/exports/requests.csv')
      .query({ filter: JSON.stringify({ status: 'resolved' }) })
      .set('Authorization', `Bearer ${await source.token('analyst')}`)
      .expect(200);
    expect(
      res.text
        .trim()
        .split('\n')
        .slice(1)
        .map((l) => l.split(',')[1]),
    ).toEqual(['V-1', 'V-1']);
    await source.http
      .get('/api/exports/requests.csv')
      .query({ filter: '{"status":"lost"}' })
      .set('Authorization', `Bearer ${await source.token('analyst')}`)
      .expect(400);
  });
});

describe('Excel and open-data exports', () => {
  let t: TestApp;
  let auth: string;
  beforeAll(async () => {
    t = await createTestApp();
    auth = `Bearer ${await t.token('analyst')}`;
    await t.http
      .post('/api/agencies')
      .set('Authorization', `Bearer ${await t.token('admin')}`)
      .send({ name: 'Victim Support NGO', kind: 'ngo' })
      .expect(201);
    await t.http
      .post('/api/imports/requests')
      .set('Authorization', `Bearer ${await t.token('admin')}`)
      .set('Content-Type', 'text/csv')
      .send(
        [
          HEADER,
          'Victim Support NGO,V-1,x,removal,ncii,web_form,2024-01-05T10:00:00Z,resolved,removed,,2024-01-06T10:00:00Z,https://x.com/a/1,h1,removed',
          'Victim Support NGO,V-2,x,removal,ncii,web_form,2024-01-20T10:00:00Z,sent,,,,https://x.com/a/2,,',
          'Victim Support NGO,V-3,telegram,investigation,sextortion,email,2024-02-01T00:00:00Z,sent,,,,,,',
        ].join('\n'),
      )
      .expect(200);
  });
  afterAll(() => t.close());

  it('should write the requests as an Excel workbook', async () => {
    const res = await t.http
      .get('/api/exports/requests.xlsx')
      .set('Authorization', auth)
      .buffer(true)
      .parse((r, done) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.body);
    const rows = workbook
      .getWorksheet('requests')!
      .getSheetValues()
      .filter(Boolean)
      .map((r) => (r as unknown[]).slice(1));
    expect(rows[0]).toEqual(HEADER.split(','));
    expect(rows.slice(1).map((r) => r[1])).toEqual(['V-1', 'V-2', 'V-3']);
  });

  it('should publish per platform and month the metrics, with no URL or personal data', async () => {
    const json = (
      await t.http
        .get('/api/exports/open-data')
        .query({ format: 'json', asOf: '2024-03-01T00:00:00Z' })
        .set('Authorization', auth)
        .expect(200)
    ).body;
    expect(json).toEqual([
      expect.objectContaining({ platform: 'Telegram', month: '2024-02', sent: 1, responded: 0, responseRate: 0, overdue: 1 }),
      expect.objectContaining({
        platform: 'X',
        month: '2024-01',
        sent: 2,
        responded: 1,
        responseRate: 0.5,
        itemsRemoved: 1,
        medianRemovalHours: 24,
      }),
    ]);
    const csv = await t.http.get('/api/exports/open-data').query({ asOf: '2024-03-01T00:00:00Z' }).set('Authorization', auth).expect(200);
    expect(csv.text.split('\n')[0]).toBe(
      'platform,month,sent,responded,unanswered,responseRate,medianResponseHours,p90ResponseHours,kmMedianResponseHours,overdue,onTimeRate,itemsRequested,itemsRemoved,itemsStillOnline,removedCompletely,removedPartially,notRemoved,medianRemovalHours',
    );
    expect(csv.text).not.toMatch(/https?:|V-1|Victim/);
    await t.http.get('/api/exports/open-data').query({ format: 'xml' }).set('Authorization', auth).expect(400);
  });
});

import { createAgency, platformId } from './support/fixtures';
import { createTestApp, type TestApp } from './support/test-app';

// Item URLs point at abuse material; the README's permission table gives content:urls to the roles that act on them.
describe('content URLs by role', () => {
  let t: TestApp;
  let id: number;
  const URL_1 = 'https://x.com/someone/status/1001';

  beforeAll(async () => {
    t = await createTestApp();
    const created = await t.http
      .post('/api/requests')
      .set('Authorization', `Bearer ${await t.token('regulator')}`)
      .send({
        platformId: await platformId(t, 'x'),
        agencyId: await createAgency(t),
        reference: 'URL-1',
        type: 'removal',
        category: 'ncii',
        channel: 'email',
        sentAt: '2026-01-05T10:00:00Z',
        items: [{ url: URL_1, contentHash: 'abc123' }],
      })
      .expect(201);
    id = created.body.id;
  });
  afterAll(() => t.close());

  const as = async (role: 'admin' | 'regulator' | 'analyst' | 'liaison', path: string) =>
    t.http
      .get(path)
      .set('Authorization', `Bearer ${await t.token(role)}`)
      .expect(200);

  it.each(['admin', 'regulator', 'liaison'] as const)('should show the URLs to the %s role', async (role) => {
    expect((await as(role, `/api/requests/${id}`)).body.items[0].url).toBe(URL_1);
    expect((await as(role, '/api/requests')).body[0].items[0].url).toBe(URL_1);
    expect((await as(role, '/api/exports/requests.csv')).text).toContain(URL_1);
  });

  it('should hide them from analysts in the record, the list and the exports, keeping everything else', async () => {
    const one = (await as('analyst', `/api/requests/${id}`)).body;
    expect(one.items).toEqual([expect.objectContaining({ url: null, contentHash: 'abc123', state: 'pending' })]);
    expect((await as('analyst', '/api/requests')).body[0].items[0].url).toBeNull();
    const csv = (await as('analyst', '/api/exports/requests.csv')).text;
    expect(csv).toContain('URL-1');
    expect(csv).not.toContain('x.com/someone');
    const xlsx = await t.http
      .get('/api/exports/requests.xlsx')
      .set('Authorization', `Bearer ${await t.token('analyst')}`)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    const ExcelJS = (await import('exceljs')).default;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.body);
    const values = JSON.stringify(workbook.worksheets[0].getSheetValues());
    expect(values).toContain('URL-1');
    expect(values).not.toContain('x.com/someone');
  });
});

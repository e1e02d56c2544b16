import { PDFParse } from 'pdf-parse';
import type { Response } from 'superagent';
import { ReportsService } from '../../api/src/reports/reports.service';
import { createAgency, platformId } from './support/fixtures';
import { createTestApp, type TestApp } from './support/test-app';

async function pdfText(pdf: Buffer): Promise<string> {
  const parser = new PDFParse({ data: new Uint8Array(pdf) });
  const { text } = await parser.getText();
  await parser.destroy();
  return text;
}

/** supertest parser that keeps a binary body (a PDF) as a Buffer. */
const binary = (res: Response, done: (e: Error | null, body: Buffer) => void) => {
  const stream = res as unknown as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  stream.on('end', () => done(null, Buffer.concat(chunks)));
};

describe('compliance reports', () => {
  let t: TestApp;
  let auth: string;
  let reports: ReportsService;
  const period = { from: '2020-02-01T00:00:00Z', to: '2020-09-01T00:00:00Z', asOf: '2020-09-01T00:00:00Z' };

  beforeAll(async () => {
    t = await createTestApp();
    auth = `Bearer ${await t.token('analyst')}`;
    reports = t.app.get(ReportsService);
    const regulator = `Bearer ${await t.token('regulator')}`;
    const agencyId = await createAgency(t, 'Korean National Police Agency');
    const telegram = await platformId(t, 'telegram');
    for (const [i, day] of ['02-11', '03-04', '03-26', '04-20', '05-14', '06-22', '08-05'].entries()) {
      await t.http.post('/api/requests').set('Authorization', regulator)
        .send({ platformId: telegram, agencyId, type: 'investigation', category: 'sextortion', channel: 'email', reference: `KNPA-2020-TG-0${i + 1}`, sentAt: `2020-${day}T01:30:00Z` })
        .expect(201);
    }
    const youtube = await platformId(t, 'youtube');
    const answered = await t.http.post('/api/requests').set('Authorization', regulator)
      .send({ platformId: youtube, agencyId, type: 'removal', category: 'ncii', channel: 'portal', reference: '=HYPERLINK("x")', sentAt: '2020-03-01T00:00:00Z' })
      .expect(201);
    await t.http.post(`/api/requests/${answered.body.id}/events`).set('Authorization', regulator).send({ kind: 'acknowledged', occurredAt: '2020-03-01T12:00:00Z' }).expect(201);
  });
  afterAll(() => t.close());

  const queue = async (body: object = period) => (await t.http.post('/api/reports').set('Authorization', auth).send(body).expect(201)).body;
  const fetchReport = async (id: number) => (await t.http.get(`/api/reports/${id}`).set('Authorization', auth).expect(200)).body;

  it('should queue a report, build it, and serve the 2020 Telegram figures in its PDF and CSV', async () => {
    const queued = await queue();
    expect(queued).toMatchObject({ status: 'queued', from: period.from.replace('Z', '.000Z'), platformIds: [] });
    await t.http.get(`/api/reports/${queued.id}/pdf`).set('Authorization', auth).expect((res) => expect([409, 200]).toContain(res.status));
    await reports.drain();
    const done = await fetchReport(queued.id);
    expect(done).toMatchObject({ status: 'done', attempts: 1, error: null, dataSha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(done.pageCount).toBeGreaterThanOrEqual(3);

    const pdf = await t.http.get(`/api/reports/${queued.id}/pdf`).set('Authorization', auth).buffer(true).parse(binary).expect(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = await pdfText(pdf.body);
    expect(text).toContain('Telegram: 7 sent, 0 answered (0.0 %), 7 overdue. It answered none of them.');
    expect(text).toContain('YouTube: 1 sent, 1 answered (100.0 %), 0 overdue.');
    expect(text).toContain('Unanswered requests (7)');
    for (let i = 1; i <= 7; i++) expect(text).toContain(`KNPA-2020-TG-0${i}`);

    const csv = await t.http.get(`/api/reports/${queued.id}/csv`).set('Authorization', auth).expect(200);
    const lines = csv.text.trim().split('\n');
    expect(lines[0]).toBe('agency,reference,platform,type,category,channel,sentAt,dueAt,firstResponseAt,answered,overdue');
    expect(lines).toHaveLength(9);
    expect(lines.filter((l) => l.includes(',telegram,') && l.endsWith(',false,true'))).toHaveLength(7);
    expect(lines).toContain('Korean National Police Agency,KNPA-2020-TG-01,telegram,investigation,sextortion,email,2020-02-11 01:30:00+00,2020-02-14 01:30:00+00,,false,true');
    // A cell a spreadsheet would run as a formula is neutralised, and quoted as CSV requires.
    expect(lines.some((l) => l.includes(`"'=HYPERLINK(""x"")"`))).toBe(true);
  });

  it('should give the same fingerprint for the same parameters and asOf, and another one for another asOf', async () => {
    const [a, b, c] = [await queue(), await queue(), await queue({ ...period, asOf: '2020-03-01T06:00:00Z' })];
    await reports.drain();
    const [ra, rb, rc] = [await fetchReport(a.id), await fetchReport(b.id), await fetchReport(c.id)];
    expect(ra.dataSha256).toBe(rb.dataSha256);
    expect(rc.dataSha256).not.toBe(ra.dataSha256);
  });

  it('should retry a build that throws, and mark it failed with the error after the last attempt', async () => {
    const build = jest.spyOn(reports, 'build').mockRejectedValueOnce(new Error('disk full'));
    const retried = await queue();
    await reports.drain();
    expect(await fetchReport(retried.id)).toMatchObject({ status: 'done', attempts: 2 });

    build.mockRejectedValue(new Error('disk full'));
    const failing = await queue();
    await reports.drain();
    expect(await fetchReport(failing.id)).toMatchObject({ status: 'failed', attempts: 3, error: 'disk full' });
    const [{ pdf }] = await t.db.query('SELECT pdf FROM reports WHERE id = $1', [failing.id]);
    expect(pdf).toBeNull();
    await t.http.get(`/api/reports/${failing.id}/pdf`).set('Authorization', auth).expect(409);
    build.mockRestore();
  });

  it('should build a consultation brief for one platform', async () => {
    const telegram = await platformId(t, 'telegram');
    const brief = (await t.http.post('/api/reports/briefs').set('Authorization', `Bearer ${await t.token('liaison')}`).send({ platformId: telegram, asOf: period.asOf }).expect(201)).body;
    await reports.drain();
    expect(await fetchReport(brief.id)).toMatchObject({ status: 'done', kind: 'consultation_brief' });
    const pdf = await t.http.get(`/api/reports/${brief.id}/pdf`).set('Authorization', auth).buffer(true).parse(binary).expect(200);
    const text = await pdfText(pdf.body);
    expect(text).toContain('Consultation brief: Telegram');
    expect(text).toContain('Open requests (7)');
  });

  it('should refuse bad parameters naming the field', async () => {
    const cases: [object, RegExp][] = [
      [{ ...period, to: '2020-01-01T00:00:00Z' }, /^to must be after from/],
      [{ ...period, from: 'February' }, /^from must be a valid ISO 8601/],
      [{ ...period, platformIds: [999] }, /^platformIds names a platform that does not exist/],
      [{ ...period, colour: 'red' }, /property colour should not exist/],
    ];
    for (const [body, message] of cases) {
      const res = await t.http.post('/api/reports').set('Authorization', auth).send(body).expect(400);
      expect(res.body.message).toMatch(message);
    }
  });
});

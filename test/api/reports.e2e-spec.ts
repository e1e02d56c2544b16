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
      await t.http
        .post('/api/requests')
        .set('Authorization', regulator)
        .send({
          platformId: telegram,
          agencyId,
          type: 'investigation',
          category: 'sextortion',
          channel: 'email',
          reference: `KNPA-2020-TG-0${i + 1}`,
          sentAt: `2020-${day}T01:30:00Z`,
        })
        .expect(201);
    }
    const youtube = await platformId(t, 'youtube');
    const answered = await t.http
      .post('/api/requests')
      .set('Authorization', regulator)
      .send({
        platformId: youtube,
        agencyId,
        type: 'removal',
        category: 'ncii',
        channel: 'portal',
        reference: '=HYPERLINK("x")',
        sentAt: '2020-03-01T00:00:00Z',
      })
      .expect(201);
    await t.http
      .post(`/api/requests/${answered.body.id}/events`)
      .set('Authorization', regulator)
      .send({ kind: 'acknowledged', occurredAt: '2020-03-01T12:00:00Z' })
      .expect(201);
  });
  afterAll(() => t.close());

  const queue = async (body: object = period) => (await t.http.post('/api/reports').set('Authorization', auth).send(body).expect(201)).body;
  const fetchReport = async (id: number) => (await t.http.get(`/api/reports/${id}`).set('Authorization', auth).expect(200)).body;

  it('should queue a report, build it, and serve the 2020 Telegram figures in its PDF and CSV', async () => {
    const queued = await queue();
    expect(queued).toMatchObject({ status: 'queued', from: period.from.replace('Z', '.000Z'), platformIds: [] });
    await t.http
      .get(`/api/reports/${queued.id}/pdf`)
      .set('Authorization', auth)
      .expect((res) => expect([409, 200]).toContain(res.status));
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
    expect(lines).toContain(
      'Korean National Police Agency,KNPA-2020-TG-01,telegram,investigation,sextortion,email,2020-02-11 01:30:00+00,2020-02-14 01:30:00+00,,false,true',
    );
    // A cell a spreadsheet would run as a formula is neutralised, and quoted as CSV requires.
    expect(lines.some((l) => l.includes(`"'=HYPERLINK(""x"")"`))).toBe(true);
  });

  it('should not call a request whose mail bounced overdue in its CSV (the domain rule, as on the dashboard)', async () => {
    const regulator = `Bearer ${await t.token('regulator')}`;
    const agencyId = (await t.db.query(`SELECT id FROM agencies ORDER BY id LIMIT 1`))[0].id;
    const bounced = await t.http
      .post('/api/requests')
      .set('Authorization', regulator)
      .send({
        platformId: await platformId(t, 'x'),
        agencyId,
        type: 'removal',
        category: 'ncii',
        channel: 'email',
        reference: 'BOUNCED-2021',
        sentAt: '2021-05-01T00:00:00Z',
      })
      .expect(201);
    // A bounce as the mail poller records it, past the deadline.
    await t.db.query(`UPDATE requests SET delivery_failed_at = '2021-05-01T00:05:00Z' WHERE id = $1`, [bounced.body.id]);
    const queued = await queue({ from: '2021-01-01T00:00:00Z', to: '2022-01-01T00:00:00Z' });
    await reports.drain();
    expect((await fetchReport(queued.id)).status).toBe('done');
    const csv = await t.http.get(`/api/reports/${queued.id}/csv`).set('Authorization', auth).expect(200);
    const line = csv.text.split('\n').find((l) => l.includes('BOUNCED-2021'));
    expect(line).toMatch(/,false,false$/);
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
    const brief = (
      await t.http
        .post('/api/reports/briefs')
        .set('Authorization', `Bearer ${await t.token('liaison')}`)
        .send({ platformId: telegram, asOf: period.asOf })
        .expect(201)
    ).body;
    await reports.drain();
    expect(await fetchReport(brief.id)).toMatchObject({ status: 'done', kind: 'consultation_brief' });
    const pdf = await t.http.get(`/api/reports/${brief.id}/pdf`).set('Authorization', auth).buffer(true).parse(binary).expect(200);
    const text = await pdfText(pdf.body);
    expect(text).toContain('Consultation brief: Telegram');
    expect(text).toContain('Open requests (7)');
  });

  it("should write a report in the language asked for, else in the Accept-Language header's, and store it", async () => {
    const post = (body: object, acceptLanguage?: string) => {
      const req = t.http.post('/api/reports').set('Authorization', auth);
      return (acceptLanguage ? req.set('Accept-Language', acceptLanguage) : req)
        .send(body)
        .expect(201)
        .then((res) => res.body);
    };
    const korean = await post({ ...period, language: 'ko' });
    const fromHeader = await post(period, 'ko-KR,ko;q=0.9,en;q=0.8');
    const indonesian = await post({ ...period, language: 'id' }, 'ko-KR');
    const unsupported = await post(period, 'fr-FR,fr;q=0.9');
    const english = await queue();
    expect([korean, fromHeader, indonesian, unsupported, english].map((r) => r.language)).toEqual(['ko', 'ko', 'id', 'en', 'en']);
    expect(korean.title).toBe('협조 이행 보고서 (2020. 2.~2020. 8.)');
    expect(english.title).toBe('Compliance report 2020-02 to 2020-08');
    const stored = await t.db.query('SELECT language FROM reports WHERE id = ANY($1) ORDER BY id', [
      [korean.id, fromHeader.id, indonesian.id],
    ]);
    expect(stored.map((r: { language: string }) => r.language)).toEqual(['ko', 'ko', 'id']);
    await expect(t.db.query(`UPDATE reports SET language = 'fr' WHERE id = $1`, [korean.id])).rejects.toThrow(/ck_reports_language/);

    await reports.drain();
    const done = await Promise.all([korean, fromHeader, indonesian, english].map((r) => fetchReport(r.id)));
    expect(done.map((r) => [r.status, r.language])).toEqual([
      ['done', 'ko'],
      ['done', 'ko'],
      ['done', 'id'],
      ['done', 'en'],
    ]);
    // The fingerprint is the data's: the same in every language.
    expect(new Set(done.map((r) => r.dataSha256)).size).toBe(1);
    const text = async (id: number) =>
      (
        await pdfText((await t.http.get(`/api/reports/${id}/pdf`).set('Authorization', auth).buffer(true).parse(binary).expect(200)).body)
      ).replace(/\s+/g, ' ');
    for (const report of [korean, fromHeader]) {
      const ko = await text(report.id);
      for (const heading of ['요약', '플랫폼별 응답 현황', '미답변 요청 (7건)', '기간 중 열린 협의', '산정 방법'])
        expect(ko).toContain(heading);
      expect(ko).toContain('Telegram: 발송 7건, 응답 0건(0.0%), 기한 초과 7건. 한 건도 응답하지 않았습니다.');
      expect(ko).toContain('YouTube: 발송 1건, 응답 1건(100.0%), 기한 초과 0건.');
      expect(ko).toMatch(/KNPA-2020-TG-01 Telegram 수사 협조 이메일 2020\. 2\. 11\. 0 202/);
      expect(ko).not.toContain('Summary');
    }
    const id = await text(indonesian.id);
    expect(id).toContain('Ringkasan');
    expect(id).toContain('Telegram: 7 dikirim, 0 dijawab (0,0%), 7 lewat tenggat. Tidak satu pun dijawab.');
  });

  it("should write a consultation brief in the reader's language", async () => {
    const telegram = await platformId(t, 'telegram');
    const brief = (
      await t.http
        .post('/api/reports/briefs')
        .set('Authorization', auth)
        .set('Accept-Language', 'id-ID,id;q=0.9')
        .send({ platformId: telegram, asOf: period.asOf })
        .expect(201)
    ).body;
    expect(brief).toMatchObject({ language: 'id', title: 'Bahan konsultasi: Telegram' });
    await reports.drain();
    const pdf = await t.http.get(`/api/reports/${brief.id}/pdf`).set('Authorization', auth).buffer(true).parse(binary).expect(200);
    const text = (await pdfText(pdf.body)).replace(/\s+/g, ' ');
    expect(text).toContain('Bahan konsultasi: Telegram');
    expect(text).toContain('Permintaan terbuka (7)');
    expect(text).toMatch(/KNPA-2020-TG-01 Telegram Bantuan penyidikan Surel 11 Feb 2020 0 202/);
  });

  it('should refuse a language it does not write, naming the field', async () => {
    const telegram = await platformId(t, 'telegram');
    const [{ n: before }] = await t.db.query('SELECT count(*)::int AS n FROM reports');
    for (const [path, body] of [
      ['/api/reports', { ...period, language: 'fr' }],
      ['/api/reports/briefs', { platformId: telegram, language: 'fr' }],
    ] as const) {
      const res = await t.http.post(path).set('Authorization', auth).send(body).expect(400);
      expect(res.body).toMatchObject({ code: 'input.invalid', field: 'language' });
    }
    const [{ n: after }] = await t.db.query('SELECT count(*)::int AS n FROM reports');
    expect(after).toBe(before);
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

import { PDFParse } from 'pdf-parse';
import type { Response } from 'superagent';
import { ReportsService } from '../../api/src/reports/reports.service';
import { platformId } from './support/fixtures';
import { createTestApp, type TestApp } from './support/test-app';

const HEADER =
  'Period Ending,Country/Region,CLDR Territory Code,Requester,Number of Requests,Items Requested To Be Removed,% Removed-Legal,% Removed-Policy,% Content Not Found,% Not Enough Information ,% No Action Taken,% Content Already Removed';
/** Google's file: Korea's police in the first half of 2020, Japan's in the same half-year, Korea's in the next one. */
const google = (koreanRequests: number) =>
  [
    HEADER,
    `2020-06-30,South Korea,KR,Police,${koreanRequests},1373,65,0,10,5,20,0`,
    '2020-06-30,Japan,JP,Police,9,30,50,10,0,0,40,0',
    '2020-12-31,South Korea,KR,Police,8,100,50,10,0,0,40,0',
  ].join('\n');

const binary = (res: Response, done: (e: Error | null, body: Buffer) => void) => {
  const stream = res as unknown as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  stream.on('end', () => done(null, Buffer.concat(chunks)));
};

/**
 * The compliance report's "What the platforms say and what we recorded": Google's CSV imported
 * through the API, the Korean police's requests to YouTube recorded through the API, and the numbers
 * of the section worked out by hand and found in the PDF's text.
 */
describe('compliance report: what the platforms say and what we recorded', () => {
  let t: TestApp;
  let admin: string;
  let reports: ReportsService;
  let police: number;
  let youtube: number;
  const firstHalf = { from: '2020-01-01T00:00:00Z', to: '2020-07-01T00:00:00Z', asOf: '2020-07-01T00:00:00Z' };

  const upload = (csv: string) =>
    t.http.post('/api/published-figures/import').set('Authorization', admin).set('Content-Type', 'text/csv').send(csv).expect(200);

  beforeAll(async () => {
    t = await createTestApp();
    admin = `Bearer ${await t.token('admin')}`;
    reports = t.app.get(ReportsService);
    youtube = await platformId(t, 'youtube');
    police = (
      await t.http
        .post('/api/agencies')
        .set('Authorization', admin)
        .send({ name: 'Korean National Police Agency', jurisdiction: 'KR', requesterType: 'police' })
        .expect(201)
    ).body.id;
    const hoursAfter = (iso: string, h: number) => new Date(Date.parse(iso) + h * 3_600_000).toISOString();
    const request = async (reference: string, sentAt: string) =>
      (
        await t.http
          .post('/api/requests')
          .set('Authorization', admin)
          .send({
            platformId: youtube,
            agencyId: police,
            type: 'removal',
            category: 'ncii',
            channel: 'email',
            reference,
            sentAt,
            items: [{ url: `https://youtube.com/watch?v=${reference}` }],
          })
          .expect(201)
      ).body;
    const answer = async (reference: string, sentAt: string, acknowledgedAfter: number, removedAfter: number) => {
      const r = await request(reference, sentAt);
      const event = (body: object) => t.http.post(`/api/requests/${r.id}/events`).set('Authorization', admin).send(body).expect(201);
      await event({ kind: 'acknowledged', occurredAt: hoursAfter(sentAt, acknowledgedAfter) });
      await event({
        kind: 'outcome',
        outcome: 'removed',
        occurredAt: hoursAfter(sentAt, removedAfter),
        items: r.items.map((i: { id: number }) => ({ id: i.id, state: 'removed' })),
      });
    };
    // Four orders to act, one item each: two answered and removed, two never answered.
    await answer('KNPA-YT-1', '2020-02-01T00:00:00Z', 10, 50);
    await answer('KNPA-YT-2', '2020-03-01T00:00:00Z', 5, 20);
    await request('KNPA-YT-3', '2020-04-01T00:00:00Z');
    await request('KNPA-YT-4', '2020-05-01T00:00:00Z');
    await upload(google(2));
  });
  afterAll(() => t.close());

  const build = async (body: object) => {
    const queued = (await t.http.post('/api/reports').set('Authorization', admin).send(body).expect(201)).body;
    await reports.drain();
    const done = (await t.http.get(`/api/reports/${queued.id}`).set('Authorization', admin).expect(200)).body;
    expect(done.status).toBe('done');
    const pdf = await t.http.get(`/api/reports/${queued.id}/pdf`).set('Authorization', admin).buffer(true).parse(binary).expect(200);
    const parser = new PDFParse({ data: new Uint8Array(pdf.body) });
    const { text } = await parser.getText();
    await parser.destroy();
    return { text: text.replace(/\s+/g, ' '), sha: done.dataSha256 as string };
  };
  const police2020 = () => ({ ...firstHalf, agencyId: police, platformIds: [youtube] });

  it("should set Google's Korean police figures beside ours, with the range rounding allows and the findings", async () => {
    const { text } = await build(police2020());
    expect(text).toContain('What the platforms say and what we recorded');
    expect(text).toContain('Google · Google · 2020-H1 · KR · Police');
    // 65 % of 1,373 items is 886 to 899, and Google's 0 % policy removals up to 0.5 %, 6 more: 886 to 905 items,
    // 64.5 to 66.0 %. Google publishes no DSA medians.
    expect(text).toMatch(/Published 2 1,373 886–905 64\.5–66\.0 % – –/);
    // Ours: 4 orders, 4 items, 2 removed. Receipt confirmed after 10 h and 5 h: median 7.5 h; with two still
    // waiting, 3/4 remain after 5 h and 1/2 after 10 h (Kaplan-Meier 10 h). Given effect after 50 h and 20 h.
    expect(text).toMatch(/Recorded by us 4 4 2 50\.0 % 7\.5 h KM 10\.0 h 35\.0 h KM 50\.0 h/);
    expect(text).toContain('• The platform reports 2 requests; we recorded 4 sent in this scope. It may be under-reporting.');
    expect(text).toContain('• The platform reports 65.3% of items removed; we observed 50%.');
    expect(text).toContain('Platforms count requests by the date they received them; we count by the date we sent them.');
    // Japan's police are not this agency's jurisdiction; the second half-year is not in the report's period.
    expect(text).not.toContain('· JP ·');
    expect(text).not.toContain('2020-H2');
    expect(text).toContain('65 % of 1,373 items is 886 to 899 items');
  });

  it("should write the section in the report's language", async () => {
    const { text } = await build({ ...police2020(), language: 'ko' });
    expect(text).toContain('플랫폼이 밝힌 수치와 우리가 기록한 수치');
    expect(text).toContain('Google · Google · 2020년 상반기 · KR · 경찰');
    expect(text).toMatch(/플랫폼 공개 2 1,373 886–905 64\.5–66\.0% – –/);
    expect(text).toMatch(/우리 기록 4 4 2 50\.0% 7\.5시간 KM 10\.0시간 35\.0시간 KM 50\.0시간/);
    expect(text).toContain('플랫폼은 요청 2건을 받았다고 공개했지만');
  });

  it('should show every jurisdiction for a report of all agencies, and say so when nothing is published for the period', async () => {
    const all = await build(firstHalf);
    expect(all.text).toContain('Google · Google · 2020-H1 · KR · Police');
    expect(all.text).toContain('Google · Google · 2020-H1 · JP · Police');
    const later = await build({ from: '2021-01-01T00:00:00Z', to: '2021-07-01T00:00:00Z', asOf: '2021-07-01T00:00:00Z' });
    expect(later.text).toContain("No figures published by the platforms are recorded for this report's period and platforms.");
  });

  it('should fingerprint the published figures: the same in every language, another when Google revises them', async () => {
    const [en, ko] = [await build(police2020()), await build({ ...police2020(), language: 'ko' })];
    expect(ko.sha).toBe(en.sha);
    await upload(google(3));
    const revised = await build(police2020());
    expect(revised.text).toMatch(/Published 3 1,373 886–905/);
    expect(revised.sha).not.toBe(en.sha);
  });

  it("should show a company's period once in a report of several of its platforms", async () => {
    const blogger = (
      await t.http
        .post('/api/platforms')
        .set('Authorization', admin)
        .send({ name: 'Blogger', slug: 'blogger', parentCompany: 'Google' })
        .expect(201)
    ).body.id;
    const { text } = await build({ ...police2020(), platformIds: [youtube, blogger] });
    expect(text.split('Google · Google · 2020-H1 · KR · Police')).toHaveLength(2);
    // Google's figures now stand for two of our platforms, and the report says what that can explain.
    expect(text).toContain("A company's figures cover all its services; one request can name items on several of them.");
  });
});

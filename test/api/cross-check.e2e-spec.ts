import { seedDemo } from '../../api/src/demo/demo-seeder';
import { platformId } from './support/fixtures';
import { createTestApp, type TestApp } from './support/test-app';

const GOOGLE = [
  'Period Ending,Country/Region,CLDR Territory Code,Requester,Number of Requests,Items Requested To Be Removed,% Removed-Legal,% Removed-Policy,% Content Not Found,% Not Enough Information ,% No Action Taken,% Content Already Removed',
  // The police told Google about fewer requests than we sent, and more removed than we saw.
  '2019-06-30,South Korea,KR,Police,2,4,0,75,0,0,25,0',
].join('\n');

const DSA = [
  'Applicability,Service,Reporting period,Category of illegal content,"Description of the sub-category ""Other""",Scope,Number of orders to act against illegal content received,Number of specific items of information included in the total number of orders to act against illegal content,Median time to inform the authority of the receipt of the order to act against illegal content,Median time to give effect to the order to act against illegal content,Number of orders to provide information,Median time to inform the authority of the receipt of the order to provide information,Median time to give effect to the order to provide information',
  // More orders than ours from Korea: other Korean authorities send YouTube orders too.
  'Applicable,YouTube,2019-01-01/2019-06-30,Non-consensual behaviour,,KR,5,,2,48,,,',
  // A category we do not record.
  'Applicable,YouTube,2019-01-01/2019-06-30,Animal welfare,,KR,9,,,,,,',
].join('\n');

/**
 * The cross-check on a ledger small enough to work out by hand: Korean police and the Korean
 * standards commission send YouTube (Google) requests in 2019; what Google and YouTube published is
 * lined up with it.
 */
describe('cross-check', () => {
  let t: TestApp;
  let admin: string;
  let youtube: number;
  beforeAll(async () => {
    t = await createTestApp();
    admin = `Bearer ${await t.token('admin')}`;
    youtube = await platformId(t, 'youtube');
    const agency = async (body: object) => (await t.http.post('/api/agencies').set('Authorization', admin).send(body).expect(201)).body.id;
    const police = await agency({ name: 'KNPA', jurisdiction: 'KR', requesterType: 'police' });
    const kcsc = await agency({ name: 'KCSC', jurisdiction: 'KR', requesterType: 'information_communications_authority' });
    const request = async (agencyId: number, reference: string, sentAt: string, items: number, type = 'removal') =>
      (
        await t.http
          .post('/api/requests')
          .set('Authorization', admin)
          .send({
            platformId: youtube,
            agencyId,
            type,
            category: 'ncii',
            channel: 'email',
            reference,
            sentAt,
            items: Array.from({ length: items }, (_, i) => ({ url: `https://youtube.com/watch?v=${reference}-${i}` })),
          })
          .expect(201)
      ).body;
    const event = (id: number, body: object) =>
      t.http.post(`/api/requests/${id}/events`).set('Authorization', admin).send(body).expect(201);
    const hoursAfter = (iso: string, h: number) => new Date(Date.parse(iso) + h * 3_600_000).toISOString();

    // R1: acknowledged after 10 h, both items removed after 50 h.
    const r1 = await request(police, 'P-1', '2019-02-01T00:00:00Z', 2);
    await event(r1.id, { kind: 'acknowledged', occurredAt: hoursAfter('2019-02-01T00:00:00Z', 10) });
    await event(r1.id, {
      kind: 'outcome',
      outcome: 'removed',
      occurredAt: hoursAfter('2019-02-01T00:00:00Z', 50),
      items: r1.items.map((i: { id: number }) => ({ id: i.id, state: 'removed' })),
    });
    // R2: only a robot's receipt after 1 h. R3: nothing at all.
    const r2 = await request(police, 'P-2', '2019-03-01T00:00:00Z', 1);
    await event(r2.id, { kind: 'receipt_confirmed', occurredAt: hoursAfter('2019-03-01T00:00:00Z', 1) });
    await request(police, 'P-3', '2019-04-01T00:00:00Z', 1);
    // An order to provide information, the commission's request, and one of the next half-year.
    await request(police, 'P-4', '2019-05-01T00:00:00Z', 0, 'investigation');
    await request(kcsc, 'K-1', '2019-02-15T00:00:00Z', 1);
    await request(police, 'P-5', '2019-08-01T00:00:00Z', 1);

    const upload = (csv: string) =>
      t.http.post('/api/published-figures/import').set('Authorization', admin).set('Content-Type', 'text/csv').send(csv).expect(200);
    await upload(GOOGLE);
    await upload(DSA);
  });
  afterAll(() => t.close());

  const crossCheck = async (query: Record<string, string | number> = {}, language = 'en') =>
    (await t.http.get('/api/cross-check').query(query).set('Authorization', admin).set('Accept-Language', language).expect(200)).body;

  it("should line Google's police figures up with our police requests to YouTube, measured Google's way", async () => {
    const [row] = await crossCheck({ publisher: 'Google' });
    expect(row).toMatchObject({
      publisher: 'Google',
      subject: 'Google',
      subjectKind: 'company',
      periodStart: '2019-01-01',
      periodEnd: '2019-06-30',
      jurisdiction: 'KR',
      requesterType: 'police',
      requester: 'Police',
      category: null,
    });
    expect(row.published.requests).toMatchObject({ value: 2, low: 2, high: 2 });
    expect(row.published.items_removed_policy_pct).toMatchObject({ text: '75', low: 74.5, high: 75.5 });
    // 0 % of 4 items is 0; 75 % of 4 is 2.98 to 3.02 items, so 3.
    expect(row.derived).toEqual({ itemsRemoved: { low: 3, high: 3 }, itemsRemovedPct: { low: 74.5, high: 76 } });
    expect(row.ours).toEqual({
      // P-1, P-2, P-3: orders to act; P-4 asks for information; K-1 is the commission's; P-5 is in the next half-year.
      requests: 3,
      infoOrders: 1,
      items: 4,
      itemsRemoved: 2,
      itemsRemovedLegal: 0,
      itemsRemovedPolicy: 2,
      itemsRemovedPct: 50,
      // Receipt confirmed after 10 h (P-1, a response) and 1 h (P-2, a robot): median 5.5. Kaplan-Meier with P-3
      // still waiting: 2/3 left after 1 h, 1/3 after 10 h, so 10 h.
      medianHoursToConfirmReceipt: 5.5,
      kmMedianHoursToConfirmReceipt: 10,
      // Only P-1 was given effect (50 h); with two of three still waiting the curve never reaches one half.
      medianHoursToGiveEffect: 50,
      kmMedianHoursToGiveEffect: null,
      platforms: [{ id: youtube, name: 'YouTube' }],
    });
    expect(row.difference).toEqual({ requests: { low: -1, high: -1 }, infoOrders: null, itemsRemovedPctPoints: { low: 24.5, high: 26 } });
    expect(row.findings).toEqual([
      {
        code: 'under_reporting',
        params: { published: '2', ours: 3 },
        message: 'The platform reports 2 requests; we recorded 3 sent in this scope. It may be under-reporting.',
      },
      {
        code: 'removal_rate_above_ours',
        params: { published: 75.3, ours: 50 },
        message: 'The platform reports 75.3% of items removed; we observed 50%.',
      },
    ]);
    expect(row.explanations.map((e: { code: string }) => e.code)).toEqual(['date_received', 'rounding']);
  });

  it("should line YouTube's DSA figures up with every Korean authority's orders in the category, and say what explains more", async () => {
    const rows = await crossCheck({ subject: 'YouTube' });
    expect(rows.map((r: { category: string }) => r.category)).toEqual(['Animal welfare', 'Non-consensual behaviour']);
    const [animals, ncii] = rows;
    expect(animals.findings.map((f: { code: string }) => f.code)).toEqual(['category_not_tracked']);
    // P-1, P-2, P-3 and the commission's K-1.
    expect(ncii.ours).toMatchObject({ requests: 4, items: 5, medianHoursToConfirmReceipt: 5.5, medianHoursToGiveEffect: 50 });
    expect(ncii.findings.map((f: { code: string }) => f.code)).toEqual(['more_than_we_sent']);
    expect(ncii.explanations.map((e: { code: string }) => e.code)).toEqual(['other_agencies', 'date_received']);
  });

  it("should write the findings in the reader's language", async () => {
    const [row] = await crossCheck({ publisher: 'Google' }, 'ko-KR,ko;q=0.9');
    expect(row.findings[0].message).toBe(
      '플랫폼은 요청 2건을 받았다고 공개했지만, 같은 범위에서 우리가 발송한 요청은 3건입니다. 과소 보고일 수 있습니다.',
    );
    const [id] = await crossCheck({ publisher: 'Google', language: 'id' }, 'ko');
    expect(id.findings[0].message).toMatch(/^Platform melaporkan 2 permintaan/);
  });

  it('should filter by platform, jurisdiction, requester type and period', async () => {
    expect(await crossCheck({ platformId: await platformId(t, 'facebook') })).toEqual([]);
    expect(await crossCheck({ platformId: youtube })).toHaveLength(3);
    expect(await crossCheck({ jurisdiction: 'JP' })).toEqual([]);
    expect(await crossCheck({ requesterType: 'police' })).toHaveLength(1);
    expect(await crossCheck({ from: '2019-07-01' })).toEqual([]);
    expect(await crossCheck({ from: '2019-01-01', to: '2020-01-01' })).toHaveLength(3);
  });

  it('should refuse bad filters naming them', async () => {
    for (const [query, field] of [
      [{ jurisdiction: 'korea' }, 'jurisdiction'],
      [{ requesterType: 'army' }, 'requesterType'],
      [{ from: '2019' }, 'from'],
      [{ platformId: 'x' }, 'platformId'],
    ] as const) {
      const res = await t.http.get('/api/cross-check').query(query).set('Authorization', admin).expect(400);
      expect(res.body.field).toBe(field);
    }
  });

  it('should export our orders in the shape of DSA table 3, which the DSA importer reads back', async () => {
    const res = await t.http.get('/api/cross-check/dsa-table3.csv').query({ platformId: youtube }).set('Authorization', admin).expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    const lines = res.text.trim().split('\n');
    expect(lines[0]).toMatch(/^Applicability,Service,Reporting period,Category of illegal content,/);
    expect(lines.slice(1)).toEqual([
      'Applicable,YouTube,2019-01-01/2019-06-30,Non-consensual behaviour,,TOTAL,4,5,5.5,50,1,,',
      'Applicable,YouTube,2019-01-01/2019-06-30,Non-consensual behaviour,,KR,4,5,5.5,50,1,,',
      'Applicable,YouTube,2019-07-01/2019-12-31,Non-consensual behaviour,,TOTAL,1,1,,,0,,',
      'Applicable,YouTube,2019-07-01/2019-12-31,Non-consensual behaviour,,KR,1,1,,,0,,',
    ]);
    const back = await t.http
      .post('/api/published-figures/import')
      .query({ publisher: 'Our ledger' })
      .set('Authorization', admin)
      .set('Content-Type', 'text/csv')
      .send(res.text)
      .expect(200);
    expect(back.body).toMatchObject({ format: 'dsa_table3', read: 4 });
  });
});

/** The demo data comes with published figures, so a new user sees the cross-check at once. */
describe('cross-check on the demo data', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await seedDemo(t.db);
  });
  afterAll(() => t.close());

  it('should say that Telegram published no Korean police orders for 2020, when the police sent it seven', async () => {
    const res = await t.http
      .get('/api/cross-check')
      .query({ subject: 'Telegram' })
      .set('Authorization', `Bearer ${await t.token('analyst')}`)
      .expect(200);
    expect(res.body).toHaveLength(1);
    // The police asked Telegram for information: orders to provide information, on both sides.
    expect(res.body[0].ours).toMatchObject({ infoOrders: 7, platforms: [{ name: 'Telegram' }] });
    expect(res.body[0].findings.map((f: { message: string }) => f.message)).toEqual([
      'The platform reports 0 requests; we recorded 7 sent in this scope. It may be under-reporting.',
    ]);
  });

  it('should show Google reporting fewer Korean requests than the demo ledger holds', async () => {
    const rows = (
      await t.http
        .get('/api/cross-check')
        .query({ subject: 'Google' })
        .set('Authorization', `Bearer ${await t.token('analyst')}`)
        .expect(200)
    ).body as { findings: { code: string }[]; ours: { requests: number } }[];
    expect(rows.length).toBeGreaterThan(2);
    expect(rows.filter((r) => r.ours.requests >= 4).every((r) => r.findings.some((f) => f.code === 'under_reporting'))).toBe(true);
  });
});

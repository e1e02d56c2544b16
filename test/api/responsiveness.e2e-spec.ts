import { createAgency, platformId } from './support/fixtures';
import { createTestApp, type TestApp } from './support/test-app';

/**
 * Small fixtures whose metrics are worked out by hand in the comments. Period: January 2024;
 * asOf: 2024-03-01 unless a test says otherwise. Every SLA is 72 h.
 */
describe('responsiveness statistics', () => {
  let t: TestApp;
  let auth: string;
  let ids: Record<string, number>;
  const JAN = { from: '2024-01-01T00:00:00Z', to: '2024-02-01T00:00:00Z', asOf: '2024-03-01T00:00:00Z' };
  const H = 3600_000;
  const at = (iso: string, hours = 0) => new Date(new Date(iso).getTime() + hours * H).toISOString();

  async function request(
    reference: string,
    platform: number,
    sentAt: string | null,
    opts: { type?: string; items?: { url: string; contentHash?: string }[] } = {},
  ): Promise<{ id: number; items: number[] }> {
    const res = await t.http
      .post('/api/requests')
      .set('Authorization', auth)
      .send({
        platformId: platform,
        agencyId: ids.agency,
        type: opts.type ?? 'removal',
        category: 'deepfake_sexual',
        channel: 'portal',
        reference,
        ...(sentAt && { sentAt }),
        items: opts.items ?? [],
      })
      .expect(201);
    return { id: res.body.id, items: res.body.items.map((i: { id: number }) => i.id) };
  }
  const event = (id: number, body: object) => t.http.post(`/api/requests/${id}/events`).set('Authorization', auth).send(body).expect(201);
  const stats = async (query: object, path = 'responsiveness') =>
    (await t.http.get(`/api/stats/${path}`).query(query).set('Authorization', auth).expect(200)).body;

  beforeAll(async () => {
    t = await createTestApp();
    auth = `Bearer ${await t.token('regulator')}`;
    ids = {
      agency: await createAgency(t),
      x: await platformId(t, 'x'),
      youtube: await platformId(t, 'youtube'),
      telegram: await platformId(t, 'telegram'),
      tiktok: await platformId(t, 'tiktok'),
    };
    const x = ids.x;
    const item = (n: string, contentHash?: string) => ({ url: `https://x.com/i/${n}`, ...(contentHash && { contentHash }) });

    // X1: acknowledged after 10 h, resolved removed after 50 h, both items removed.
    const x1 = await request('X1', x, '2024-01-01T00:00:00Z', { items: [item('a', 'H1'), item('b', 'H2')] });
    await event(x1.id, { kind: 'acknowledged', occurredAt: at('2024-01-01T00:00:00Z', 10) });
    await event(x1.id, {
      kind: 'outcome',
      outcome: 'removed',
      occurredAt: at('2024-01-01T00:00:00Z', 50),
      items: [
        { id: x1.items[0], state: 'removed' },
        { id: x1.items[1], state: 'removed' },
      ],
    });
    // X2: acknowledged after 20 h; one item removed, one still online.
    const x2 = await request('X2', x, '2024-01-02T00:00:00Z', { items: [item('c', 'H1'), item('d', 'H2')] });
    await event(x2.id, { kind: 'acknowledged', occurredAt: at('2024-01-02T00:00:00Z', 20) });
    await event(x2.id, {
      kind: 'item_checked',
      occurredAt: '2024-01-20T00:00:00Z',
      items: [
        { id: x2.items[0], state: 'removed' },
        { id: x2.items[1], state: 'still_online' },
      ],
    });
    // X3: acknowledged after 20 h (a tie with X2); its item still online.
    const x3 = await request('X3', x, '2024-01-03T00:00:00Z', { items: [item('e', 'H3')] });
    await event(x3.id, { kind: 'info_requested', occurredAt: at('2024-01-03T00:00:00Z', 20) });
    await event(x3.id, { kind: 'item_checked', occurredAt: '2024-01-20T00:00:00Z', items: [{ id: x3.items[0], state: 'still_online' }] });
    // X4: first answer is the outcome after 40 h, partially removed; the rest removed only after asOf.
    const x4 = await request('X4', x, '2024-01-04T00:00:00Z', { items: [item('f'), item('g')] });
    await event(x4.id, {
      kind: 'outcome',
      outcome: 'partially_removed',
      occurredAt: at('2024-01-04T00:00:00Z', 40),
      items: [
        { id: x4.items[0], state: 'removed' },
        { id: x4.items[1], state: 'still_online' },
      ],
    });
    await event(x4.id, { kind: 'note', occurredAt: '2024-03-10T00:00:00Z' });
    await t.db.query(`INSERT INTO request_events (request_id, kind, occurred_at) VALUES ($1, 'item_checked', '2024-03-10T00:00:00Z') `, [
      x4.id,
    ]);
    const [{ id: lateCheck }] = await t.db.query(`SELECT max(id) AS id FROM request_events WHERE request_id = $1`, [x4.id]);
    await t.db.query(
      `INSERT INTO request_item_changes (event_id, item_id, state, occurred_at) VALUES ($1, $2, 'removed', '2024-03-10T00:00:00Z')`,
      [lateCheck, x4.items[1]],
    );
    await t.db.query(`UPDATE request_items SET state = 'removed', checked_at = '2024-03-10T00:00:00Z' WHERE id = $1`, [x4.items[1]]);
    // X5: never answered; its item pending.
    await request('X5', x, '2024-01-05T00:00:00Z', { items: [item('h', 'H4')] });
    // X6: sent at 23:30 UTC on 31 January: a January request. Answered after 100 h (late).
    const x6 = await request('X6', x, '2024-01-31T23:30:00Z');
    await event(x6.id, { kind: 'acknowledged', occurredAt: at('2024-01-31T23:30:00Z', 100) });
    // X7 draft and X8 withdrawn: never counted.
    await request('X7', x, null);
    const x8 = await request('X8', x, '2024-01-06T00:00:00Z');
    await event(x8.id, { kind: 'withdrawn', occurredAt: '2024-01-07T00:00:00Z' });
    // X9: an investigation answered only on 5 March, after asOf.
    const x9 = await request('X9', x, '2024-01-10T00:00:00Z', { type: 'investigation' });
    await event(x9.id, { kind: 'acknowledged', occurredAt: '2024-03-05T00:00:00Z' });
    // X10: sent on 1 February, outside the period (to is exclusive).
    await request('X10', x, '2024-02-01T00:00:00Z');

    // YouTube: answers after 5 h and 15 h, one unanswered.
    const y1 = await request('Y1', ids.youtube, '2024-01-10T00:00:00Z');
    await event(y1.id, { kind: 'acknowledged', occurredAt: at('2024-01-10T00:00:00Z', 5) });
    const y2 = await request('Y2', ids.youtube, '2024-01-11T00:00:00Z');
    await event(y2.id, { kind: 'acknowledged', occurredAt: at('2024-01-11T00:00:00Z', 15) });
    await request('Y3', ids.youtube, '2024-01-12T00:00:00Z');

    // Telegram, 2020: seven investigation requests, none answered.
    for (const [i, day] of ['02-11', '03-04', '03-26', '04-20', '05-14', '06-22', '08-05'].entries()) {
      await request(`KNPA-2020-${i + 1}`, ids.telegram, `2020-${day}T01:30:00Z`, { type: 'investigation' });
    }
  });
  afterAll(() => t.close());

  const row = (rows: { platformId: number }[], platform: number) => rows.find((r) => r.platformId === platform) as Record<string, unknown>;

  it('should compute every metric for an odd count with ties (X)', async () => {
    const x = row(await stats(JAN), ids.x);
    expect(x).toEqual({
      platformId: ids.x,
      platform: 'X',
      sent: 7, // X1-X6 and X9; not the draft, the withdrawn one, nor February's
      responded: 5, // 10, 20, 20, 40, 100 h; X9's answer came after asOf
      unanswered: 2,
      responseRate: 5 / 7,
      medianResponseHours: 20,
      p90ResponseHours: 76, // position 0.9 * 4 = 3.6: 40 + 0.6 * (100 - 40)
      overdue: 2, // X5 and X9, past their 72 h and unanswered at asOf
      onTimeRate: 4 / 7, // all but X6 (100 h) answered within 72 h
      itemsRequested: 8,
      itemsRemoved: 4, // a, b, c, f
      itemsStillOnline: 3, // d, e, g (g removed only after asOf)
      removedCompletely: 1, // X1
      removedPartially: 2, // X2, X4
      notRemoved: 2, // X3, X5
      medianRemovalHours: 45, // X1 after 50 h, X4 after 40 h
      // Kaplan-Meier with X5 and X9 censored: S(10) = 6/7, S(20) = 6/7 * 4/6 = 4/7, S(40) = 4/7 * 3/4 = 3/7 <= 1/2
      kmMedianResponseHours: 40,
    });
  });

  it('should interpolate the percentiles of an even count and give the Kaplan-Meier median (YouTube)', async () => {
    const y = row(await stats(JAN), ids.youtube);
    // Answered after 5 and 15 h: median 10, p90 5 + 0.9 * 10 = 14; KM: S(5) = 2/3, S(15) = 1/3.
    expect(y).toMatchObject({ sent: 3, responded: 2, medianResponseHours: 10, p90ResponseHours: 14, kmMedianResponseHours: 15 });
  });

  it('should give nulls, not zero or NaN, when nothing was sent (TikTok)', async () => {
    const tiktok = row(await stats(JAN), ids.tiktok);
    expect(tiktok).toMatchObject({
      sent: 0,
      responded: 0,
      unanswered: 0,
      responseRate: null,
      onTimeRate: null,
      medianResponseHours: null,
      p90ResponseHours: null,
      medianRemovalHours: null,
      kmMedianResponseHours: null,
    });
  });

  it('should reproduce the 2020 Telegram case: 7 sent, 0 answered, rate 0, all overdue', async () => {
    const rows = await stats({ from: '2020-02-01T00:00:00Z', to: '2020-09-01T00:00:00Z', platformId: ids.telegram });
    expect(rows).toEqual([
      expect.objectContaining({
        platform: 'Telegram',
        sent: 7,
        responded: 0,
        unanswered: 7,
        responseRate: 0,
        overdue: 7,
        medianResponseHours: null,
        kmMedianResponseHours: null,
      }),
    ]);
  });

  it('should count a response only once it has happened as of asOf', async () => {
    const before = row(await stats({ ...JAN, asOf: '2024-03-04T00:00:00Z' }), ids.x);
    const after = row(await stats({ ...JAN, asOf: '2024-03-06T00:00:00Z' }), ids.x);
    expect([before.responded, after.responded]).toEqual([5, 6]);
    // g was removed on 10 March: a report as of 1 March never sees it.
    const now = row(await stats({ from: JAN.from, to: JAN.to }), ids.x);
    expect([row(await stats(JAN), ids.x).itemsRemoved, now.itemsRemoved]).toEqual([4, 5]);
  });

  it('should draw the Kaplan-Meier curve as steps at the end of each hour with an answer', async () => {
    const curves = await stats({ ...JAN, platformId: ids.x }, 'responsiveness/km');
    // Answers after 10, 20, 20, 40 and 100 h; X5 and X9 censored at 1344 and 1224 h (asOf).
    expect(curves).toEqual([
      {
        platformId: ids.x,
        platform: 'X',
        points: [
          { hour: 0, unanswered: 1 },
          { hour: 11, unanswered: expect.closeTo(6 / 7, 12) },
          { hour: 21, unanswered: expect.closeTo(4 / 7, 12) },
          { hour: 41, unanswered: expect.closeTo(3 / 7, 12) },
          { hour: 101, unanswered: expect.closeTo(2 / 7, 12) },
          { hour: 720, unanswered: expect.closeTo(2 / 7, 12) },
        ],
      },
    ]);
    const short = await stats({ ...JAN, platformId: ids.x, maxHours: 30 }, 'responsiveness/km');
    expect(short[0].points.map((p: { hour: number }) => p.hour)).toEqual([0, 11, 21, 30]);
    // A platform that answered nothing stays at one: everything still unanswered.
    expect(
      await stats({ from: '2020-02-01T00:00:00Z', to: '2020-09-01T00:00:00Z', platformId: ids.telegram }, 'responsiveness/km'),
    ).toEqual([
      {
        platformId: ids.telegram,
        platform: 'Telegram',
        points: [
          { hour: 0, unanswered: 1 },
          { hour: 720, unanswered: 1 },
        ],
      },
    ]);
    const bad = await t.http.get('/api/stats/responsiveness/km').query({ maxHours: 0 }).set('Authorization', auth).expect(400);
    expect(bad.body.message).toMatch(/^maxHours /);
  });

  it('should put a request sent at 23:30 UTC on the last day of a month in that month', async () => {
    const series = await stats(
      { from: '2024-01-01T00:00:00Z', to: '2024-03-01T00:00:00Z', asOf: JAN.asOf, platformId: ids.x, interval: 'month' },
      'responsiveness/series',
    );
    expect(series.map((r: { period: string; sent: number }) => [r.period, r.sent])).toEqual([
      ['2024-01-01T00:00:00.000Z', 7],
      ['2024-02-01T00:00:00.000Z', 1],
    ]);
    const quarters = await stats({ ...JAN, to: '2024-03-01T00:00:00Z', platformId: ids.x, interval: 'quarter' }, 'responsiveness/series');
    expect(quarters.map((r: { period: string; sent: number }) => [r.period, r.sent])).toEqual([['2024-01-01T00:00:00.000Z', 8]]);
  });

  it('should break the metrics down by type', async () => {
    const rows = await stats({ ...JAN, platformId: ids.x, by: 'type' }, 'responsiveness/breakdown');
    expect(rows.map((r: { value: string; sent: number; responded: number }) => [r.value, r.sent, r.responded])).toEqual([
      ['investigation', 1, 0],
      ['removal', 6, 5],
    ]);
  });

  it('should count pieces of content across requests by contentHash, as of asOf', async () => {
    // H1 (a, c) removed everywhere; H2 (b removed, d online) somewhere; H3, H4 and g online; f everywhere.
    expect(await stats({ ...JAN, platformId: ids.x }, 'content')).toEqual({
      pieces: 6,
      items: 8,
      removedEverywhere: 2,
      removedSomewhere: 1,
      stillOnline: 3,
    });
    expect(await stats({ from: JAN.from, to: JAN.to, platformId: ids.x }, 'content')).toMatchObject({
      removedEverywhere: 3,
      stillOnline: 2,
    });
  });

  it('should list overdue requests oldest deadline first, paged, with days waiting', async () => {
    const res = await t.http
      .get('/api/stats/overdue')
      .query({ asOf: JAN.asOf, filter: JSON.stringify({ platformId: ids.x }), range: '[0,0]' })
      .set('Authorization', auth)
      .expect(200);
    expect(res.headers['content-range']).toBe('overdue 0-0/3'); // X5, X9 and X10 (sent 1 February, due 4 February)
    expect(res.body[0]).toMatchObject({ reference: 'X5', daysWaiting: 56, hoursOverdue: 1272 });
  });

  it('should refuse bad parameters with a 400 naming them', async () => {
    const cases: [object, RegExp][] = [
      [{ from: 'last year' }, /^from must be a valid ISO 8601/],
      [{ from: '2024-02-01T00:00:00Z', to: '2024-01-01T00:00:00Z' }, /^to must be after from/],
      [{ type: 'takedown' }, /^type must be one of/],
      [{ platformId: 'x' }, /^platformId /],
      [{ unknown: 1 }, /property unknown should not exist/],
    ];
    for (const [query, message] of cases) {
      const res = await t.http.get('/api/stats/responsiveness').query(query).set('Authorization', auth);
      expect({ status: res.status, message: res.body.message }).toEqual({ status: 400, message: expect.stringMatching(message) });
    }
    const res = await t.http.get('/api/stats/responsiveness/series').query({ interval: 'week' }).set('Authorization', auth).expect(400);
    expect(res.body.message).toMatch(/^interval must be one of/);
    await t.http.get('/api/stats/overdue').query({ asOf: 'soon' }).set('Authorization', auth).expect(400);
  });
});

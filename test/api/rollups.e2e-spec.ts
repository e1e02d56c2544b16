import { createHash } from 'node:crypto';
import { ResponsivenessRepository } from '../../api/src/responsiveness/responsiveness.repository';
import { ContentRollupRepository } from '../../api/src/responsiveness/content-rollup.repository';
import { PERIOD } from '../../api/src/responsiveness/responsiveness.service';
import { RollupRepository } from '../../api/src/responsiveness/rollup.repository';
import type { StatsQueryDto } from '../../api/src/responsiveness/stats-query.dto';
import { statsScope } from '../../api/src/responsiveness/stats-scope';
import { generateSql } from '../bench/generate';
import { createAgency, platformId } from './support/fixtures';
import { createTestApp, type TestApp } from './support/test-app';

const HOUR = 3600_000;
const ago = (hours: number) => new Date(Date.now() - hours * HOUR).toISOString();

/** The rollups must give exactly what the exact query gives, on a generated history and after API writes. */
describe('statistics rollups', () => {
  let t: TestApp;
  let exact: ResponsivenessRepository;
  let rollups: RollupRepository;
  let x: number;

  beforeAll(async () => {
    t = await createTestApp();
    exact = t.app.get(ResponsivenessRepository);
    rollups = t.app.get(RollupRepository);
    await t.db.query(generateSql(4000));
    // Pieces of content shared across months and platforms (an update, so through the rollups' update trigger).
    await t.db.query(`UPDATE request_items SET content_hash = md5((id % 500)::text) WHERE id % 3 = 0`);

    // Recent traffic through the API: answered, resolved with item states, censored (unanswered) and deleted.
    const regulator = `Bearer ${await t.token('regulator')}`;
    const agencyId = await createAgency(t, 'Rollup agency');
    x = await platformId(t, 'x');
    const send = async (reference: string, sentHoursAgo: number, items = 0, platform = x) =>
      (
        await t.http
          .post('/api/requests')
          .set('Authorization', regulator)
          .send({
            platformId: platform,
            agencyId,
            type: 'removal',
            category: 'ncii',
            channel: 'portal',
            reference,
            sentAt: ago(sentHoursAgo),
            // Each second item shares a piece of content with the generated history (its md5 hashes of small numbers).
            items: Array.from({ length: items }, (_, i) => ({
              url: `https://x.com/${reference}/${i}`,
              ...(i === 1 && {
                contentHash: createHash('md5')
                  .update(String(reference.length * 100 + items))
                  .digest('hex'),
              }),
            })),
          })
          .expect(201)
      ).body;
    const event = (id: number, body: object) =>
      t.http.post(`/api/requests/${id}/events`).set('Authorization', regulator).send(body).expect(201);
    for (let i = 0; i < 12; i++) await send(`CENSORED-${i}`, 1 + i * 9);
    for (let i = 0; i < 8; i++) {
      const r = await send(`ANSWERED-${i}`, 200 - i * 10, 2);
      await event(r.id, { kind: 'acknowledged', occurredAt: ago(200 - i * 10 - (3 + i * 7)) });
      if (i % 2 === 0) {
        await event(r.id, {
          kind: 'outcome',
          outcome: i % 4 === 0 ? 'removed' : 'partially_removed',
          occurredAt: ago(200 - i * 10 - (40 + i)),
          items: [
            { id: r.items[0].id, state: 'removed' },
            { id: r.items[1].id, state: i % 4 === 0 ? 'removed' : 'still_online' },
          ],
        });
      }
    }
    const draft = (
      await t.http
        .post('/api/requests')
        .set('Authorization', regulator)
        .send({ platformId: x, agencyId, type: 'removal', category: 'ncii', channel: 'portal', reference: 'DRAFT' })
        .expect(201)
    ).body;
    await t.http.delete(`/api/requests/${draft.id}`).set('Authorization', regulator).expect(200);
    const withdrawn = await send('WITHDRAWN', 50, 1);
    await event(withdrawn.id, { kind: 'withdrawn', occurredAt: ago(49) });
  });
  afterAll(() => t.close());

  // Whole months, part-months at either edge (the presets and custom periods), and the facets.
  const day30 = new Date(Date.now() - 30 * 24 * HOUR);
  const last30 = new Date(Date.UTC(day30.getUTCFullYear(), day30.getUTCMonth(), day30.getUTCDate())).toISOString();
  const queries: [string, StatsQueryDto][] = [
    ['all years', {}],
    ['one year', { from: '2023-01-01T00:00:00Z', to: '2024-01-01T00:00:00Z' }],
    ['one month', { from: '2022-06-01T00:00:00Z', to: '2022-07-01T00:00:00Z' }],
    ['one platform', { platformId: 12 }],
    ['the recent months', { from: '2025-12-01T00:00:00Z' }],
    ['the last 30 days', { from: last30 }],
    ['three years from and to mid-month', { from: '2022-03-17T00:00:00Z', to: '2025-02-11T00:00:00Z' }],
    ['ten days within a month', { from: '2022-06-10T00:00:00Z', to: '2022-06-20T00:00:00Z' }],
    ['a type', { type: 'removal' }],
    ['a category from mid-month', { category: 'ncii', from: '2021-05-05T00:00:00Z' }],
    [
      'a type of one platform in a year',
      { type: 'investigation', platformId: 12, from: '2023-01-01T00:00:00Z', to: '2024-01-01T00:00:00Z' },
    ],
    ['a category over the recent traffic', { category: 'ncii', from: last30 }],
  ];

  it.each(queries)('should give the exact numbers for %s', async (_name, query) => {
    const asOf = new Date();
    expect(await rollups.covers(query, asOf)).toBe(true);
    const fromRollups = await rollups.perPlatform(query, asOf);
    const fromExact = await exact.perPlatform(statsScope({ ...query, asOf: asOf.toISOString() }), query.platformId);
    expect(fromRollups.length).toBe(fromExact.length);
    expect(fromRollups).toEqual(fromExact.map((row) => expect.objectContaining({ ...row })));
    expect(fromExact.some((r) => r.median_response_hours !== null && r.km_median_response_hours !== null)).toBe(true);
  });

  it.each(queries.flatMap(([name, query]) => (['month', 'quarter', 'year'] as const).map((i) => [`${name} by ${i}`, query, i] as const)))(
    'should give the exact series for %s',
    async (_name, query, interval) => {
      const asOf = new Date();
      const fromRollups = await rollups.series(query, interval, asOf);
      const fromExact = await exact.perGroup(statsScope({ ...query, asOf: asOf.toISOString() }), PERIOD(interval));
      expect(fromRollups.length).toBeGreaterThan(0);
      expect(fromRollups).toEqual(fromExact.map((row) => expect.objectContaining({ ...row })));
    },
  );

  it.each(queries)('should give the exact Kaplan-Meier curves for %s', async (_name, query) => {
    const asOf = new Date();
    const maxHours = 720;
    const fromRollups = await rollups.kmCurves(query, asOf, maxHours);
    // The exact curve runs past maxHours (the service cuts it); survival is a product of floats: equal to 1e-9.
    const fromExact = (await exact.kmCurve(statsScope({ ...query, asOf: asOf.toISOString() }))).filter(
      (r, i, all) =>
        r.hour === null || r.hour < maxHours || !all.some((o) => o.platform_id === r.platform_id && o.hour !== null && o.hour < maxHours),
    );
    const key = (rows: typeof fromExact) => rows.map((r) => `${r.platform_id}:${r.hour}`);
    expect(key(fromRollups)).toEqual(key(fromExact.filter((r) => r.hour === null || r.hour < maxHours)));
    fromRollups.forEach((r, i) =>
      expect(r.unanswered ?? -1).toBeCloseTo(fromExact.filter((e) => e.hour === null || e.hour < maxHours)[i].unanswered ?? -1, 9),
    );
    expect(fromRollups.some((r) => r.hour !== null)).toBe(true);
  });

  it.each(queries.filter(([, q]) => !q.platformId))('should give the exact content view for %s', async (_name, query) => {
    const asOf = new Date();
    const fromRollups = await t.app.get(ContentRollupRepository).content(query, asOf);
    const fromExact = await exact.content(statsScope({ ...query, asOf: asOf.toISOString() }));
    expect(fromRollups).toEqual(fromExact);
    expect(fromExact.pieces).toBeGreaterThan(0);
  });

  it('should have pieces shared across requests and reaching past a year, which the content view counts from their items', async () => {
    const [{ shared, reaching }] = await t.db.query(
      `SELECT count(*) FILTER (WHERE items > 1)::int AS shared,
              count(*) FILTER (WHERE first_month < '2023-01-01' AND last_month >= '2023-01-01' AND last_month < '2024-01-01')::int AS reaching
       FROM content_pieces WHERE facet = ''`,
    );
    expect(shared).toBeGreaterThan(0);
    expect(reaching).toBeGreaterThan(0);
  });

  it('should stay exact under concurrent writes, each holding a rollup slot of its own', async () => {
    const regulator = `Bearer ${await t.token('regulator')}`;
    const agencyId = await createAgency(t, 'Concurrent agency');
    const shared = createHash('md5').update('concurrent').digest('hex');
    const telegram = await platformId(t, 'telegram');
    const answers = await Promise.all(
      Array.from({ length: 24 }, (_, i) =>
        t.http
          .post('/api/requests')
          .set('Authorization', regulator)
          .send({
            platformId: telegram,
            agencyId,
            type: i % 2 ? 'removal' : 'blocking',
            category: 'ncii',
            channel: 'portal',
            reference: `CONCURRENT-${i}`,
            sentAt: ago(5 + i),
            items: [{ url: `https://x.com/c/${i}` }, { url: `https://x.com/c/${i}/shared`, contentHash: shared }],
          }),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(24).fill(201));
    // The writers ran at once (several slots written), and the rollups stayed exact.
    const [{ slots }] = await t.db.query(
      `SELECT count(DISTINCT slot)::int AS slots FROM stats_months WHERE facet = '' AND platform_id = $1`,
      [telegram],
    );
    expect(slots).toBeGreaterThan(1);
    const asOf = new Date();
    expect(await rollups.perPlatform({}, asOf)).toEqual(
      (await exact.perPlatform(statsScope({ asOf: asOf.toISOString() }))).map((row) => expect.objectContaining({ ...row })),
    );
    expect(await t.app.get(ContentRollupRepository).content({ type: 'removal' }, asOf)).toEqual(
      await exact.content(statsScope({ type: 'removal', asOf: asOf.toISOString() })),
    );
  });

  it('should leave other queries to the exact path', async () => {
    const now = new Date();
    expect(await rollups.covers({ channel: 'email' }, now)).toBe(false);
    expect(await rollups.covers({ agencyId: 1 }, now)).toBe(false);
    expect(await rollups.covers({ type: 'removal', category: 'ncii' }, now)).toBe(false);
    // An asOf before something recorded; without asOf (now), nothing recorded can be later.
    const past = new Date(Date.now() - 48 * HOUR);
    expect(await rollups.covers({ asOf: past.toISOString() }, past)).toBe(false);
    expect(await rollups.covers({ type: 'removal', from: '2023-01-15T00:00:00Z' }, now)).toBe(true);
  });

  it('should count the recent unanswered requests as censored in the Kaplan-Meier median of X', async () => {
    const asOf = new Date();
    const [rolled] = await rollups.perPlatform({ platformId: x, from: '2026-01-01T00:00:00Z' }, asOf);
    const [exactRow] = await exact.perPlatform(statsScope({ platformId: x, from: '2026-01-01T00:00:00Z', asOf: asOf.toISOString() }), x);
    expect(rolled.sent).toBe(20);
    expect(rolled.km_median_response_hours).toBe(exactRow.km_median_response_hours);
    expect(rolled.km_median_response_hours).not.toBeNull();
  });
});

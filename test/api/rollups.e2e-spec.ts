import { ResponsivenessRepository } from '../../api/src/responsiveness/responsiveness.repository';
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
            items: Array.from({ length: items }, (_, i) => ({ url: `https://x.com/${reference}/${i}` })),
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

  const queries: [string, StatsQueryDto][] = [
    ['all years', {}],
    ['one year', { from: '2023-01-01T00:00:00Z', to: '2024-01-01T00:00:00Z' }],
    ['one month', { from: '2022-06-01T00:00:00Z', to: '2022-07-01T00:00:00Z' }],
    ['one platform', { platformId: 12 }],
    ['the recent months', { from: '2025-12-01T00:00:00Z' }],
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

  it('should leave other queries to the exact path', async () => {
    const now = new Date();
    expect(await rollups.covers({ type: 'removal' }, now)).toBe(false);
    expect(await rollups.covers({ agencyId: 1 }, now)).toBe(false);
    expect(await rollups.covers({ from: '2023-01-15T00:00:00Z' }, now)).toBe(false);
    // An asOf before something recorded; without asOf (now), nothing recorded can be later.
    const past = new Date(Date.now() - 48 * HOUR);
    expect(await rollups.covers({ asOf: past.toISOString() }, past)).toBe(false);
    expect(await rollups.covers({}, now)).toBe(true);
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

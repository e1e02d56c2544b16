import { RequestCounts1795500100000 } from '../../migrations/1795500100000-RequestCounts';
import { createAgency, platformId } from './support/fixtures';
import { overdueSql } from '../../domain/src';
import { createTestApp, type TestApp } from './support/test-app';

const HEADER =
  'agency,reference,platform,type,category,channel,sentAt,status,outcome,firstResponseAt,resolvedAt,itemUrl,itemContentHash,itemState';
const AGENCY = 'Image Removal Support Network';
const IMPORTED = 20_235;

/**
 * One request a row, past the 10,000 rows a total is counted exactly up to: over three platforms,
 * a quarter investigations (fewer than 10,000), every fifth withdrawn, the rest sent and unanswered.
 */
function bigCsv(): string {
  const rows = [HEADER];
  for (let i = 0; i < IMPORTED; i++) {
    const platform = ['telegram', 'x', 'youtube'][i % 3];
    const [type, category] = i % 4 === 0 ? ['investigation', 'sextortion'] : ['removal', 'ncii'];
    rows.push(`${AGENCY},BULK-${i},${platform},${type},${category},email,2024-03-01T00:00:00Z,${i % 5 === 0 ? 'withdrawn' : ''},,,,,,`);
  }
  return rows.join('\n');
}

/** Content-Range totals: exact, or said to be PostgreSQL's estimate (X-Total-Estimated). */
describe('list totals', () => {
  let t: TestApp;
  let auth: string;
  let agencyId: number;
  let telegram: number;
  let x: number;

  beforeAll(async () => {
    t = await createTestApp({ CORS_ORIGINS: 'https://console.example.org' });
    auth = `Bearer ${await t.token('regulator')}`;
    agencyId = await createAgency(t, AGENCY);
    telegram = await platformId(t, 'telegram');
    x = await platformId(t, 'x');
  });
  afterAll(() => t.close());

  async function list(filter: object = {}, range = [0, 24], path = '/api/requests') {
    const res = await t.http
      .get(path)
      .query({ filter: JSON.stringify(filter), range: JSON.stringify(range) })
      .set('Authorization', auth)
      .expect(200);
    // The total stays a bare number, as ra-data-simple-rest parses it.
    const [, total] = /^\w+ \d+-\d+\/(\d+)$/.exec(res.headers['content-range'])!;
    return { total: Number(total), estimated: res.headers['x-total-estimated'] === 'true', rows: res.body.length as number };
  }
  const count = async (where = 'true', params: unknown[] = []) =>
    (await t.db.query(`SELECT count(*)::int AS n FROM requests WHERE ${where}`, params))[0].n as number;

  /** What the trigger keeps, per status and platform, against the requests themselves. */
  async function expectCountsExact() {
    const kept = await t.db.query(
      `SELECT status, platform_id, sum(n)::int AS n FROM request_counts GROUP BY 1, 2 HAVING sum(n) <> 0 ORDER BY 1, 2`,
    );
    const actual = await t.db.query(`SELECT status, platform_id, count(*)::int AS n FROM requests GROUP BY 1, 2 ORDER BY 1, 2`);
    expect(kept).toEqual(actual);
    expect(await list()).toMatchObject({ total: await count(), estimated: false });
  }

  const create = (reference: string, over: object = {}) =>
    t.http
      .post('/api/requests')
      .set('Authorization', auth)
      .send({ platformId: telegram, agencyId, type: 'removal', category: 'ncii', channel: 'email', reference, ...over })
      .expect(201)
      .then((res) => res.body);
  const event = (id: number, kind: string) =>
    t.http.post(`/api/requests/${id}/events`).set('Authorization', auth).send({ kind, occurredAt: '2024-06-02T00:00:00Z' }).expect(201);

  it('should keep the counts exact through create, edit, send, answer, withdraw and delete', async () => {
    await expectCountsExact();
    const draft = await create('C-draft');
    const sent = await create('C-sent', { sentAt: '2024-06-01T00:00:00Z' });
    await expectCountsExact();
    expect(await list({ status: 'draft' })).toEqual({ total: 1, estimated: false, rows: 1 });

    // A draft may still move to another platform.
    await t.http
      .put(`/api/requests/${draft.id}`)
      .set('Authorization', auth)
      .send({ ...draft, platformId: x })
      .expect(200);
    expect(await list({ platformId: x, status: 'draft' })).toEqual({ total: 1, estimated: false, rows: 1 });
    expect(await list({ platformId: telegram, status: 'draft' })).toEqual({ total: 0, estimated: false, rows: 0 });

    await event(sent.id, 'acknowledged');
    expect(await list({ status: ['sent', 'acknowledged'] })).toMatchObject({ total: 1, estimated: false });
    await event(sent.id, 'withdrawn');
    expect(await list({ status: 'withdrawn', platformId: [telegram, x] })).toMatchObject({ total: 1, estimated: false });
    await t.http.delete(`/api/requests/${draft.id}`).set('Authorization', auth).expect(200);
    await expectCountsExact();
    expect(await list({ status: 'draft' })).toEqual({ total: 0, estimated: false, rows: 0 });
  });

  describe(`after importing ${IMPORTED.toLocaleString('en')} requests`, () => {
    let before: number;

    beforeAll(async () => {
      before = await count();
      const res = await t.http
        .post('/api/imports/requests')
        .set('Authorization', auth)
        .set('Content-Type', 'text/csv')
        .send(bigCsv())
        .expect(200);
      expect(res.body).toEqual({ created: IMPORTED, skipped: 0, errors: [] });
    }, 120_000);

    it('should give the exact total of the whole list, and of lists filtered by platform and status', async () => {
      expect(await list()).toEqual({ total: before + IMPORTED, estimated: false, rows: 25 });
      await expectCountsExact();
      const sent = await count(`status = 'sent'`);
      expect(sent).toBeGreaterThan(10_000);
      expect(await list({ status: 'sent' })).toEqual({ total: sent, estimated: false, rows: 25 });
      expect(await list({ platformId: [telegram, x], status: ['sent', 'withdrawn'] })).toMatchObject({
        total: await count(`platform_id IN ($1, $2) AND status IN ('sent', 'withdrawn')`, [telegram, x]),
        estimated: false,
      });
      // Past the last page: no rows, and still the exact total.
      expect(await list({ status: 'sent' }, [sent + 100, sent + 124])).toEqual({ total: sent, estimated: false, rows: 0 });
    });

    it('should count other filters exactly up to 10,000 rows and say when past that the total is an estimate', async () => {
      const investigations = await count(`type = 'investigation'`);
      expect(investigations).toBeLessThanOrEqual(10_000);
      expect(await list({ type: 'investigation' })).toMatchObject({ total: investigations, estimated: false });

      const removals = await count(`type = 'removal'`);
      expect(removals).toBeGreaterThan(10_000);
      const estimate = await list({ type: 'removal' });
      expect(estimate.estimated).toBe(true);
      // The statistics were taken after the import: the estimate is near the truth, not 10,001.
      expect(Math.abs(estimate.total - removals) / removals).toBeLessThan(0.1);
      expect(await list({ type: 'removal', status: 'sent' })).toMatchObject({ estimated: true });
    });

    it('should have taken the statistics of the tables the import wrote', async () => {
      const analysed = await t.db.query(
        `SELECT relname FROM pg_stat_user_tables WHERE last_analyze IS NOT NULL AND relname IN ('requests', 'request_events') ORDER BY relname`,
      );
      expect(analysed.map((r: { relname: string }) => r.relname)).toEqual(['request_events', 'requests']);
    });

    it('should say so on the other lists too, and let a browser read it', async () => {
      // Every imported request still sent is unanswered past its deadline; by agency, the overdue list is counted.
      const agencyId = (await t.db.query(`SELECT id FROM agencies WHERE name = $1`, [AGENCY]))[0].id;
      expect(await list({ agencyId }, [0, 9], '/api/stats/overdue')).toMatchObject({
        estimated: true,
        total: expect.any(Number),
        rows: 10,
      });
      const res = await t.http.get('/api/requests').set('Origin', 'https://console.example.org').set('Authorization', auth).expect(200);
      expect(res.headers['access-control-expose-headers']).toMatch(/\bX-Total-Estimated\b/);
    });

    it('should give the overdue list the exact total the rollups hold, unfiltered or by one type or category', async () => {
      const overdue = overdueSql('now()', 'requests');
      expect(await list({}, [0, 9], '/api/stats/overdue')).toEqual({ estimated: false, total: await count(overdue), rows: 10 });
      expect(await list({ type: 'removal' }, [0, 9], '/api/stats/overdue')).toEqual({
        estimated: false,
        total: await count(`${overdue} AND type = 'removal'`),
        rows: 10,
      });
      expect((await count(overdue)) > 10_000).toBe(true);
    });

    it('should keep the counts exact through writes after the import, and a migration that fills them again', async () => {
      const sent = await create('C-after', { sentAt: '2024-06-01T00:00:00Z' });
      await event(sent.id, 'withdrawn');
      await expectCountsExact();

      const runner = t.db.createQueryRunner();
      try {
        await runner.startTransaction();
        const migration = new RequestCounts1795500100000();
        await migration.down(runner);
        await migration.up(runner);
        await runner.commitTransaction();
      } finally {
        await runner.release();
      }
      await expectCountsExact();

      await t.db.query('TRUNCATE requests CASCADE');
      await expectCountsExact();
      expect(await list()).toEqual({ total: 0, estimated: false, rows: 0 });
    });
  });
});

import type { TestApp } from './test-app';

/** An agency to send requests from, created through the API. */
export async function createAgency(t: TestApp, name = 'Korean National Police Agency'): Promise<number> {
  const res = await t.http
    .post('/api/agencies')
    .set('Authorization', `Bearer ${await t.token('admin')}`)
    .send({ name, kind: 'police', country: 'KR' })
    .expect(201);
  return res.body.id;
}

export async function platformId(t: TestApp, slug: string): Promise<number> {
  const [row] = await t.db.query('SELECT id FROM platforms WHERE slug = $1', [slug]);
  return row.id;
}

export async function countRows(t: TestApp, table: string): Promise<number> {
  const [row] = await t.db.query(`SELECT count(*)::int AS n FROM ${table}`);
  return row.n;
}

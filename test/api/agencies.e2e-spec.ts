import { createTestApp, type TestApp } from './support/test-app';

/** An agency's jurisdiction (an assigned ISO 3166-1 alpha-2 code) and requester type, written, refused, filtered. */
describe('agencies: jurisdiction and requester type', () => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    t = await createTestApp();
    admin = `Bearer ${await t.token('admin')}`;
  });
  afterAll(() => t.close());

  const create = (body: object) => t.http.post('/api/agencies').set('Authorization', admin).send(body);
  const list = (filter: object) =>
    t.http
      .get('/api/agencies')
      .query({ filter: JSON.stringify(filter) })
      .set('Authorization', admin)
      .expect(200);

  it('should store a jurisdiction and requester type and read them back', async () => {
    const res = await create({
      name: 'KCSC',
      kind: 'regulator',
      jurisdiction: 'KR',
      requesterType: 'information_communications_authority',
    }).expect(201);
    expect(res.body).toMatchObject({ jurisdiction: 'KR', requesterType: 'information_communications_authority' });
    const read = await t.http.get(`/api/agencies/${res.body.id}`).set('Authorization', admin).expect(200);
    expect(read.body).toMatchObject({ jurisdiction: 'KR', requesterType: 'information_communications_authority' });
  });

  it('should default to no jurisdiction and the requester type other', async () => {
    const res = await create({ name: 'Plain agency' }).expect(201);
    expect(res.body).toMatchObject({ jurisdiction: null, requesterType: 'other' });
  });

  it.each(['kr', 'XX', 'KOR', 'K', 7])('should refuse the jurisdiction %p', async (jurisdiction) => {
    const res = await create({ name: `Bad ${jurisdiction}`, jurisdiction }).expect(400);
    expect(res.body).toMatchObject({ code: 'input.invalid', field: 'jurisdiction' });
    expect(res.body.message).toBe('jurisdiction must be an ISO 3166-1 alpha-2 code such as KR');
  });

  it('should refuse an unknown requester type', async () => {
    const res = await create({ name: 'Army', requesterType: 'army' }).expect(400);
    expect(res.body).toMatchObject({ field: 'requesterType' });
    expect(res.body.message).toMatch(/^requesterType must be one of/);
  });

  it('should filter by jurisdiction and requester type, and refuse a filter that is no code', async () => {
    await create({ name: 'Indonesian police', jurisdiction: 'ID', requesterType: 'police' }).expect(201);
    await create({ name: 'Indonesian ministry', jurisdiction: 'ID', requesterType: 'government_officials' }).expect(201);
    await create({ name: 'Japanese court', jurisdiction: 'JP', requesterType: 'court' }).expect(201);
    const names = (res: { body: { name: string }[] }) => res.body.map((a) => a.name).sort();
    expect(names(await list({ jurisdiction: 'ID' }))).toEqual(['Indonesian ministry', 'Indonesian police']);
    expect(names(await list({ jurisdiction: ['ID', 'JP'], requesterType: ['police', 'court'] }))).toEqual([
      'Indonesian police',
      'Japanese court',
    ]);
    expect(names(await list({ requesterType: 'government_officials' }))).toEqual(['Indonesian ministry']);
    const bad = await t.http
      .get('/api/agencies')
      .query({ filter: JSON.stringify({ jurisdiction: 'id' }) })
      .set('Authorization', admin)
      .expect(400);
    expect(bad.body).toMatchObject({ code: 'input.invalid', field: 'filter.jurisdiction' });
    await t.http
      .get('/api/agencies')
      .query({ filter: JSON.stringify({ requesterType: 'army' }) })
      .set('Authorization', admin)
      .expect(400);
  });

  it('should update both and clear the jurisdiction', async () => {
    const created = await create({ name: 'Moving agency', jurisdiction: 'KR', requesterType: 'police' }).expect(201);
    const put = (body: object) => t.http.put(`/api/agencies/${created.body.id}`).set('Authorization', admin).send(body);
    const moved = await put({ ...created.body, jurisdiction: 'ID', requesterType: 'court' }).expect(200);
    expect(moved.body).toMatchObject({ jurisdiction: 'ID', requesterType: 'court', version: 2 });
    const cleared = await put({ ...moved.body, jurisdiction: null }).expect(200);
    expect(cleared.body).toMatchObject({ jurisdiction: null, requesterType: 'court', version: 3 });
    const bad = await put({ ...cleared.body, jurisdiction: 'kr' }).expect(400);
    expect(bad.body.field).toBe('jurisdiction');
  });

  it('should keep the database to the code pattern even past the API', async () => {
    await expect(t.db.query(`INSERT INTO agencies (name, jurisdiction) VALUES ('Raw', 'kr')`)).rejects.toThrow(/ck_agencies_jurisdiction/);
    await expect(t.db.query(`INSERT INTO agencies (name, requester_type) VALUES ('Raw', 'army')`)).rejects.toThrow(
      /ck_agencies_requester_type/,
    );
  });
});

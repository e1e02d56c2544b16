import { createAgency, platformId } from './support/fixtures';
import { createTestApp, type TestApp } from './support/test-app';

describe('Idempotency-Key on POST', () => {
  let t: TestApp;
  let admin: string;
  const agencyCount = async (name: string) => (await t.db.query('SELECT count(*)::int AS n FROM agencies WHERE name = $1', [name]))[0].n;
  const post = (body: object, key?: string, token = admin) => {
    const call = t.http.post('/api/agencies').set('Authorization', `Bearer ${token}`);
    return (key ? call.set('Idempotency-Key', key) : call).send(body);
  };

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.token('admin');
  });
  afterAll(() => t.close());

  it('should answer a retried create with the first answer and create nothing more', async () => {
    const body = { name: 'Retried agency', kind: 'police' };
    const first = await post(body, 'key-1').expect(201);
    const retry = await post(body, 'key-1').expect(201);
    expect(retry.body).toEqual(first.body);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    expect(await agencyCount('Retried agency')).toBe(1);
  });

  it('should create once when the same request races itself', async () => {
    const body = { name: 'Raced agency' };
    const answers = await Promise.all(Array.from({ length: 8 }, () => post(body, 'key-race')));
    const created = answers.filter((a) => a.status === 201);
    // The winner and any replay carry the same record; a retry arriving mid-flight is told to wait (409).
    expect(new Set(created.map((a) => a.body.id)).size).toBe(1);
    expect(answers.every((a) => a.status === 201 || a.status === 409)).toBe(true);
    expect(await agencyCount('Raced agency')).toBe(1);
  });

  it('should refuse the same key with a different body (422) and create nothing', async () => {
    await post({ name: 'Keyed agency' }, 'key-2').expect(201);
    const res = await post({ name: 'Another agency' }, 'key-2').expect(422);
    expect(res.body.message).toMatch(/Idempotency-Key was already used for a different request/);
    expect(await agencyCount('Another agency')).toBe(0);
  });

  it('should release the key of a request that failed, so that the corrected request goes through', async () => {
    const bad = await post({ name: 'Fixed agency', kind: 'not-a-kind' }, 'key-3').expect(400);
    expect(bad.body.message).toMatch(/^kind /);
    await post({ name: 'Fixed agency', kind: 'ngo' }, 'key-3').expect(201);
    expect(await agencyCount('Fixed agency')).toBe(1);
  });

  it('should keep keys per user', async () => {
    const regulator = await t.token('regulator');
    const mine = await post({ name: 'Per-user agency' }, 'key-4').expect(201);
    const theirs = await post({ name: 'Their agency' }, 'key-4', regulator).expect(201);
    expect(theirs.body.id).not.toBe(mine.body.id);
  });

  it('should work for timeline events, where a duplicate would distort the metrics', async () => {
    const request = await t.http
      .post('/api/requests')
      .set('Authorization', `Bearer ${admin}`)
      .send({
        platformId: await platformId(t, 'telegram'),
        agencyId: await createAgency(t),
        reference: 'IDEM-1',
        type: 'removal',
        category: 'ncii',
        channel: 'email',
        sentAt: '2026-01-05T10:00:00Z',
      })
      .expect(201);
    const event = { kind: 'acknowledged', occurredAt: '2026-01-06T10:00:00Z' };
    const send = () =>
      t.http
        .post(`/api/requests/${request.body.id}/events`)
        .set('Authorization', `Bearer ${admin}`)
        .set('Idempotency-Key', 'event-1')
        .send(event);
    const first = await send();
    expect(first.status).toBe(201);
    await send().expect(201);
    const rows = await t.db.query(`SELECT count(*)::int AS n FROM request_events WHERE request_id = $1 AND kind = 'acknowledged'`, [
      request.body.id,
    ]);
    expect(rows[0].n).toBe(1);
  });

  it('should refuse a malformed key, naming the header', async () => {
    const res = await post({ name: 'Bad key agency' }, 'x'.repeat(300)).expect(400);
    expect(res.body.message).toMatch(/^Idempotency-Key /);
    expect(await agencyCount('Bad key agency')).toBe(0);
  });
});

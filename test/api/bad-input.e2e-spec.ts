import { createAgency, platformId } from './support/fixtures';
import { createTestApp, type TestApp } from './support/test-app';

/** Every case: a 4xx whose message names the field, the shared error shape, and no change in the database. */
describe('bad input', () => {
  let t: TestApp;
  let auth: string;
  let valid: Record<string, unknown>;
  let sentId: number;

  const snapshot = async () => {
    const [row] = await t.db.query(`SELECT
      (SELECT count(*) FROM requests)::int AS requests, (SELECT count(*) FROM request_items)::int AS items,
      (SELECT count(*) FROM request_events)::int AS events, (SELECT count(*) FROM audit_log)::int AS audit,
      (SELECT max(version) FROM requests)::int AS version`);
    return row;
  };

  beforeAll(async () => {
    t = await createTestApp();
    auth = `Bearer ${await t.token('regulator')}`;
    valid = { platformId: await platformId(t, 'x'), agencyId: await createAgency(t), type: 'removal', category: 'deepfake_sexual', channel: 'portal' };
    const sent = await t.http.post('/api/requests').set('Authorization', auth).send({ ...valid, reference: 'TAKEN', sentAt: '2024-01-10T00:00:00Z', items: [{ url: 'https://x.com/1' }] }).expect(201);
    sentId = sent.body.id;
  });
  afterAll(() => t.close());

  type Case = [string, number, RegExp, () => Promise<{ status: number; body: { statusCode: number; error: string; message: string } }>];
  const cases: Case[] = [
    ['malformed JSON', 400, /body is not valid JSON/, () => t.http.post('/api/requests').set('Authorization', auth).set('Content-Type', 'application/json').send('{"reference": "x",')],
    ['an unknown field', 400, /property colour should not exist/, () => t.http.post('/api/requests').set('Authorization', auth).send({ ...valid, reference: 'U1', colour: 'red' })],
    ['an unknown field in an item', 400, /items\.0\.property size should not exist/, () => t.http.post('/api/requests').set('Authorization', auth).send({ ...valid, reference: 'U2', items: [{ url: 'https://x.com/2', size: 3 }] })],
    ['a wrong type', 400, /^type must be one of/, () => t.http.post('/api/requests').set('Authorization', auth).send({ ...valid, reference: 'U3', type: 'takedown' })],
    ['a wrong category', 400, /^category must be one of/, () => t.http.post('/api/requests').set('Authorization', auth).send({ ...valid, reference: 'U4', category: 'spam' })],
    ['a wrong channel', 400, /^channel must be one of/, () => t.http.post('/api/requests').set('Authorization', auth).send({ ...valid, reference: 'U5', channel: 'fax' })],
    ['a non-http item URL', 400, /^items\.0\.url must be an http\(s\) URL/, () => t.http.post('/api/requests').set('Authorization', auth).send({ ...valid, reference: 'U6', items: [{ url: 'https://x.com/ok' }, { url: 'ftp://x.com/f' }].reverse() })],
    ['a javascript: item URL', 400, /url must be an http\(s\) URL/, () => t.http.post('/api/requests').set('Authorization', auth).send({ ...valid, reference: 'U7', items: [{ url: 'javascript:alert(1)' }] })],
    ['a sentAt that is not a date', 400, /^sentAt must be a valid ISO 8601/, () => t.http.post('/api/requests').set('Authorization', auth).send({ ...valid, reference: 'U8', sentAt: '31/01/2024' })],
    ['a sentAt in the future', 400, /^sentAt cannot be in the future/, () => t.http.post('/api/requests').set('Authorization', auth).send({ ...valid, reference: 'U9', sentAt: '2999-01-01T00:00:00Z' })],
    ['an unknown platform', 400, /^platformId 9999 does not match any platform/, () => t.http.post('/api/requests').set('Authorization', auth).send({ ...valid, reference: 'U10', platformId: 9999 })],
    ['a missing reference', 400, /^reference /, () => t.http.post('/api/requests').set('Authorization', auth).send({ ...valid })],
    ['a duplicate reference', 409, /^reference already exists/, () => t.http.post('/api/requests').set('Authorization', auth).send({ ...valid, reference: 'TAKEN' })],
    ['an event before sentAt', 400, /^occurredAt is before the request was sent/, () => t.http.post(`/api/requests/${sentId}/events`).set('Authorization', auth).send({ kind: 'acknowledged', occurredAt: '2024-01-09T00:00:00Z' })],
    ['an unknown event kind', 400, /^kind must be one of/, () => t.http.post(`/api/requests/${sentId}/events`).set('Authorization', auth).send({ kind: 'ignored', occurredAt: '2024-01-11T00:00:00Z' })],
    ['an outcome without its outcome', 400, /^outcome is required/, () => t.http.post(`/api/requests/${sentId}/events`).set('Authorization', auth).send({ kind: 'outcome', occurredAt: '2024-01-11T00:00:00Z' })],
    ['an item of another request', 400, /^items\[0\]\.id 424242 is not an item of this request/, () => t.http.post(`/api/requests/${sentId}/events`).set('Authorization', auth).send({ kind: 'outcome', outcome: 'removed', occurredAt: '2024-01-11T00:00:00Z', items: [{ id: 424242, state: 'removed' }] })],
    ['an outcome on an unknown request', 404, /^request 999999 does not exist/, () => t.http.post('/api/requests/999999/events').set('Authorization', auth).send({ kind: 'note', occurredAt: '2024-01-11T00:00:00Z' })],
    ['a non-numeric id', 400, /numeric string is expected/, () => t.http.get('/api/requests/abc').set('Authorization', auth)],
    ['a sort field that is not a column', 400, /^sort field 'password' is not sortable/, () => t.http.get('/api/requests').query({ sort: '["password","ASC"]' }).set('Authorization', auth)],
    ['a sort with SQL in it', 400, /^sort field/, () => t.http.get('/api/requests').query({ sort: '["id; DROP TABLE requests","ASC"]' }).set('Authorization', auth)],
    ['a sort order with SQL in it', 400, /^sort order/, () => t.http.get('/api/requests').query({ sort: '["id","ASC; DROP TABLE requests"]' }).set('Authorization', auth)],
    ['a filter field with SQL in it', 400, /^filter field/, () => t.http.get('/api/requests').query({ filter: '{"id = id OR 1=1 --":1}' }).set('Authorization', auth)],
    ['a range with SQL in it', 400, /^range /, () => t.http.get('/api/requests').query({ range: '["0; DROP TABLE requests",10]' }).set('Authorization', auth)],
    ['a sort order that is not ASC or DESC', 400, /^sort order must be ASC or DESC/, () => t.http.get('/api/requests').query({ sort: '["id","SIDEWAYS"]' }).set('Authorization', auth)],
    ['a range that is not two numbers', 400, /^range must be two whole numbers/, () => t.http.get('/api/requests').query({ range: '["a","b"]' }).set('Authorization', auth)],
    ['a range of three numbers', 400, /^range must be two whole numbers/, () => t.http.get('/api/requests').query({ range: '[0,1,2]' }).set('Authorization', auth)],
    ['a range that is not JSON', 400, /^range is not valid JSON/, () => t.http.get('/api/requests').query({ range: '0-24' }).set('Authorization', auth)],
    ['a filter on an unknown field', 400, /^filter field 'secret' is not filterable/, () => t.http.get('/api/requests').query({ filter: '{"secret":1}' }).set('Authorization', auth)],
    ['a filter with a wrong enum value', 400, /^filter\.status must be one of/, () => t.http.get('/api/requests').query({ filter: '{"status":"lost"}' }).set('Authorization', auth)],
    ['a filter with a bad date', 400, /^filter\.sentAt_gte must be an ISO-8601 date/, () => t.http.get('/api/requests').query({ filter: '{"sentAt_gte":"yesterday"}' }).set('Authorization', auth)],
    ['a search with a NUL character', 400, /^filter\.q must not contain NUL characters/, () => t.http.get('/api/requests').query({ filter: '{"q":"a\\u0000b"}' }).set('Authorization', auth)],
  ];

  it.each(cases)('should refuse %s', async (_name, status, message, call) => {
    const before = await snapshot();
    const res = await call();
    expect(res.status).toBe(status);
    expect(res.body).toEqual({ statusCode: status, error: expect.any(String), message: expect.stringMatching(message) });
    expect(await snapshot()).toEqual(before);
  });

  it('should treat SQL in a search as text: bound as a parameter, it matches nothing and changes nothing', async () => {
    const before = await snapshot();
    for (const q of ["'; DROP TABLE requests; --", "x' OR '1'='1", '%_\\']) {
      const res = await t.http.get('/api/requests').query({ filter: JSON.stringify({ q }) }).set('Authorization', auth);
      expect({ q, status: res.status, rows: res.body.length }).toEqual({ q, status: 200, rows: 0 });
    }
    expect(await snapshot()).toEqual(before);
  });

  it('should never leave a half-written request when an item fails in the database', async () => {
    const before = await snapshot();
    // Passes validation but breaks the database's URL check: the request row must go too.
    const res = await t.http.post('/api/requests').set('Authorization', auth).send({ ...valid, reference: 'HALF', items: [{ url: 'https://x.com/ok' }, { url: 'https://x.com/' + 'a'.repeat(10) }] });
    expect(res.status).toBe(201);
    await t.db.query(`ALTER TABLE request_items ADD CONSTRAINT ck_test_short CHECK (length(url) < 20) NOT VALID`);
    try {
      const failed = await t.http.post('/api/requests').set('Authorization', auth).send({ ...valid, reference: 'HALF2', items: [{ url: 'https://x.com/ok' }, { url: 'https://x.com/' + 'a'.repeat(30) }] });
      expect(failed.status).toBe(400);
      expect(failed.body.message).toMatch(/ck_test_short/);
    } finally {
      await t.db.query(`ALTER TABLE request_items DROP CONSTRAINT ck_test_short`);
    }
    const after = await snapshot();
    expect(after.requests).toBe(before.requests + 1);
    expect(after.items).toBe(before.items + 2);
  });
});

import { ERROR_STATUS, type ErrorCode } from '../../domain/src';
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
    valid = {
      platformId: await platformId(t, 'x'),
      agencyId: await createAgency(t),
      type: 'removal',
      category: 'deepfake_sexual',
      channel: 'portal',
    };
    const sent = await t.http
      .post('/api/requests')
      .set('Authorization', auth)
      .send({ ...valid, reference: 'TAKEN', sentAt: '2024-01-10T00:00:00Z', items: [{ url: 'https://x.com/1' }] })
      .expect(201);
    sentId = sent.body.id;
  });
  afterAll(() => t.close());

  type Case = [
    string,
    number,
    RegExp,
    [code: ErrorCode, field: string | undefined],
    () => Promise<{ status: number; body: { statusCode: number; error: string; code: string; message: string; field?: string } }>,
  ];
  const cases: Case[] = [
    [
      'malformed JSON',
      400,
      /body is not valid JSON/,
      ['input.malformed_json', undefined],
      () => t.http.post('/api/requests').set('Authorization', auth).set('Content-Type', 'application/json').send('{"reference": "x",'),
    ],
    [
      'an unknown field',
      400,
      /property colour should not exist/,
      ['input.unknown_field', 'colour'],
      () =>
        t.http
          .post('/api/requests')
          .set('Authorization', auth)
          .send({ ...valid, reference: 'U1', colour: 'red' }),
    ],
    [
      'an unknown field in an item',
      400,
      /items\.0\.property size should not exist/,
      ['input.unknown_field', 'items[0].size'],
      () =>
        t.http
          .post('/api/requests')
          .set('Authorization', auth)
          .send({ ...valid, reference: 'U2', items: [{ url: 'https://x.com/2', size: 3 }] }),
    ],
    [
      'a wrong type',
      400,
      /^type must be one of/,
      ['input.invalid', 'type'],
      () =>
        t.http
          .post('/api/requests')
          .set('Authorization', auth)
          .send({ ...valid, reference: 'U3', type: 'takedown' }),
    ],
    [
      'a wrong category',
      400,
      /^category must be one of/,
      ['input.invalid', 'category'],
      () =>
        t.http
          .post('/api/requests')
          .set('Authorization', auth)
          .send({ ...valid, reference: 'U4', category: 'spam' }),
    ],
    [
      'a wrong channel',
      400,
      /^channel must be one of/,
      ['input.invalid', 'channel'],
      () =>
        t.http
          .post('/api/requests')
          .set('Authorization', auth)
          .send({ ...valid, reference: 'U5', channel: 'fax' }),
    ],
    [
      'a non-http item URL',
      400,
      /^items\.0\.url must be an http\(s\) URL/,
      ['input.invalid', 'items[0].url'],
      () =>
        t.http
          .post('/api/requests')
          .set('Authorization', auth)
          .send({ ...valid, reference: 'U6', items: [{ url: 'https://x.com/ok' }, { url: 'ftp://x.com/f' }].reverse() }),
    ],
    [
      'a javascript: item URL',
      400,
      /url must be an http\(s\) URL/,
      ['input.invalid', 'items[0].url'],
      () =>
        t.http
          .post('/api/requests')
          .set('Authorization', auth)
          .send({ ...valid, reference: 'U7', items: [{ url: 'javascript:alert(1)' }] }),
    ],
    [
      'a sentAt that is not a date',
      400,
      /^sentAt must be a valid ISO 8601/,
      ['input.not_a_date', 'sentAt'],
      () =>
        t.http
          .post('/api/requests')
          .set('Authorization', auth)
          .send({ ...valid, reference: 'U8', sentAt: '31/01/2024' }),
    ],
    [
      'a sentAt in the future',
      400,
      /^sentAt cannot be in the future/,
      ['input.in_future', 'sentAt'],
      () =>
        t.http
          .post('/api/requests')
          .set('Authorization', auth)
          .send({ ...valid, reference: 'U9', sentAt: '2999-01-01T00:00:00Z' }),
    ],
    [
      'an unknown platform',
      400,
      /^platformId 9999 does not match any platform/,
      ['record.unknown_reference', 'platformId'],
      () =>
        t.http
          .post('/api/requests')
          .set('Authorization', auth)
          .send({ ...valid, reference: 'U10', platformId: 9999 }),
    ],
    [
      'a missing reference',
      400,
      /^reference /,
      ['input.invalid', 'reference'],
      () =>
        t.http
          .post('/api/requests')
          .set('Authorization', auth)
          .send({ ...valid }),
    ],
    [
      'a duplicate reference',
      409,
      /^reference already exists/,
      ['record.duplicate', 'reference'],
      () =>
        t.http
          .post('/api/requests')
          .set('Authorization', auth)
          .send({ ...valid, reference: 'TAKEN' }),
    ],
    [
      'an event before sentAt',
      400,
      /^occurredAt is before the request was sent/,
      ['request.before_sent', 'occurredAt'],
      () =>
        t.http
          .post(`/api/requests/${sentId}/events`)
          .set('Authorization', auth)
          .send({ kind: 'acknowledged', occurredAt: '2024-01-09T00:00:00Z' }),
    ],
    [
      'an unknown event kind',
      400,
      /^kind must be one of/,
      ['input.invalid', 'kind'],
      () =>
        t.http
          .post(`/api/requests/${sentId}/events`)
          .set('Authorization', auth)
          .send({ kind: 'ignored', occurredAt: '2024-01-11T00:00:00Z' }),
    ],
    [
      'an outcome without its outcome',
      400,
      /^outcome is required/,
      ['request.outcome_required', 'outcome'],
      () =>
        t.http
          .post(`/api/requests/${sentId}/events`)
          .set('Authorization', auth)
          .send({ kind: 'outcome', occurredAt: '2024-01-11T00:00:00Z' }),
    ],
    [
      'an item of another request',
      400,
      /^items\[0\]\.id 424242 is not an item of this request/,
      ['request.unknown_item', 'items[0].id'],
      () =>
        t.http
          .post(`/api/requests/${sentId}/events`)
          .set('Authorization', auth)
          .send({ kind: 'outcome', outcome: 'removed', occurredAt: '2024-01-11T00:00:00Z', items: [{ id: 424242, state: 'removed' }] }),
    ],
    [
      'an outcome on an unknown request',
      404,
      /^request 999999 does not exist/,
      ['record.not_found', undefined],
      () =>
        t.http.post('/api/requests/999999/events').set('Authorization', auth).send({ kind: 'note', occurredAt: '2024-01-11T00:00:00Z' }),
    ],
    [
      'a non-numeric id',
      400,
      /numeric string is expected/,
      ['input.invalid', undefined],
      () => t.http.get('/api/requests/abc').set('Authorization', auth),
    ],
    [
      'a sort field that is not a column',
      400,
      /^sort field 'password' is not sortable/,
      ['list.bad_parameter', 'sort'],
      () => t.http.get('/api/requests').query({ sort: '["password","ASC"]' }).set('Authorization', auth),
    ],
    [
      'a sort with SQL in it',
      400,
      /^sort field/,
      ['list.bad_parameter', 'sort'],
      () => t.http.get('/api/requests').query({ sort: '["id; DROP TABLE requests","ASC"]' }).set('Authorization', auth),
    ],
    [
      'a sort order with SQL in it',
      400,
      /^sort order/,
      ['list.bad_parameter', 'sort'],
      () => t.http.get('/api/requests').query({ sort: '["id","ASC; DROP TABLE requests"]' }).set('Authorization', auth),
    ],
    [
      'a filter field with SQL in it',
      400,
      /^filter field/,
      ['list.unknown_filter', 'filter.id = id OR 1=1 --'],
      () => t.http.get('/api/requests').query({ filter: '{"id = id OR 1=1 --":1}' }).set('Authorization', auth),
    ],
    [
      'a range with SQL in it',
      400,
      /^range /,
      ['list.bad_parameter', 'range'],
      () => t.http.get('/api/requests').query({ range: '["0; DROP TABLE requests",10]' }).set('Authorization', auth),
    ],
    [
      'a sort order that is not ASC or DESC',
      400,
      /^sort order must be ASC or DESC/,
      ['list.bad_parameter', 'sort'],
      () => t.http.get('/api/requests').query({ sort: '["id","SIDEWAYS"]' }).set('Authorization', auth),
    ],
    [
      'a range that is not two numbers',
      400,
      /^range must be two whole numbers/,
      ['list.bad_parameter', 'range'],
      () => t.http.get('/api/requests').query({ range: '["a","b"]' }).set('Authorization', auth),
    ],
    [
      'a range of three numbers',
      400,
      /^range must be two whole numbers/,
      ['list.bad_parameter', 'range'],
      () => t.http.get('/api/requests').query({ range: '[0,1,2]' }).set('Authorization', auth),
    ],
    [
      'a range that is not JSON',
      400,
      /^range is not valid JSON/,
      ['list.bad_parameter', 'range'],
      () => t.http.get('/api/requests').query({ range: '0-24' }).set('Authorization', auth),
    ],
    [
      'a filter on an unknown field',
      400,
      /^filter field 'secret' is not filterable/,
      ['list.unknown_filter', 'filter.secret'],
      () => t.http.get('/api/requests').query({ filter: '{"secret":1}' }).set('Authorization', auth),
    ],
    [
      'a filter with a wrong enum value',
      400,
      /^filter\.status must be one of/,
      ['input.not_one_of', 'filter.status'],
      () => t.http.get('/api/requests').query({ filter: '{"status":"lost"}' }).set('Authorization', auth),
    ],
    [
      'a filter with a bad date',
      400,
      /^filter\.sentAt_gte must be an ISO-8601 date/,
      ['input.not_a_date', 'filter.sentAt_gte'],
      () => t.http.get('/api/requests').query({ filter: '{"sentAt_gte":"yesterday"}' }).set('Authorization', auth),
    ],
    [
      'a search with a NUL character',
      400,
      /^filter\.q must not contain NUL characters/,
      ['input.bad_characters', 'filter.q'],
      () => t.http.get('/api/requests').query({ filter: '{"q":"a\\u0000b"}' }).set('Authorization', auth),
    ],
  ];

  /** What an error body carries besides status and message: its stable code, and the field and parameters where it has them. */
  const coded = (body: { code?: string; field?: string; params?: unknown }) => ({
    code: body.code,
    ...('field' in body && { field: body.field }),
    ...('params' in body && { params: body.params }),
  });

  it.each(cases)('should refuse %s', async (_name, status, message, [code, field], call) => {
    const before = await snapshot();
    const res = await call();
    expect(res.status).toBe(status);
    expect(res.body).toEqual({
      statusCode: status,
      error: expect.any(String),
      message: expect.stringMatching(message),
      ...coded(res.body),
    });
    expect([res.body.code, res.body.field]).toEqual([code, field]);
    expect(ERROR_STATUS[code]).toBe(status);
    expect(await snapshot()).toEqual(before);
  });

  it('should treat SQL in a search as text: bound as a parameter, it matches nothing and changes nothing', async () => {
    const before = await snapshot();
    for (const q of ["'; DROP TABLE requests; --", "x' OR '1'='1", '%_\\']) {
      const res = await t.http
        .get('/api/requests')
        .query({ filter: JSON.stringify({ q }) })
        .set('Authorization', auth);
      expect({ q, status: res.status, rows: res.body.length }).toEqual({ q, status: 200, rows: 0 });
    }
    expect(await snapshot()).toEqual(before);
  });

  it('should never leave a half-written request when an item fails in the database', async () => {
    const before = await snapshot();
    // Passes validation but breaks the database's URL check: the request row must go too.
    const res = await t.http
      .post('/api/requests')
      .set('Authorization', auth)
      .send({ ...valid, reference: 'HALF', items: [{ url: 'https://x.com/ok' }, { url: 'https://x.com/' + 'a'.repeat(10) }] });
    expect(res.status).toBe(201);
    await t.db.query(`ALTER TABLE request_items ADD CONSTRAINT ck_test_short CHECK (length(url) < 20) NOT VALID`);
    try {
      const failed = await t.http
        .post('/api/requests')
        .set('Authorization', auth)
        .send({ ...valid, reference: 'HALF2', items: [{ url: 'https://x.com/ok' }, { url: 'https://x.com/' + 'a'.repeat(30) }] });
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

import { countRows, createAgency, platformId } from './support/fixtures';
import { createTestApp, type TestApp } from './support/test-app';

describe('requests and their timeline', () => {
  let t: TestApp;
  let auth: string;
  let agencyId: number;
  let telegram: number;
  let youtube: number;

  beforeAll(async () => {
    t = await createTestApp();
    auth = `Bearer ${await t.token('regulator')}`;
    agencyId = await createAgency(t);
    telegram = await platformId(t, 'telegram');
    youtube = await platformId(t, 'youtube');
  });
  afterAll(() => t.close());

  const base = () => ({ platformId: telegram, agencyId, type: 'removal', category: 'ncii', channel: 'email' });
  const create = (body: object) => t.http.post('/api/requests').set('Authorization', auth).send(body);
  const event = (id: number, body: object, token = auth) =>
    t.http.post(`/api/requests/${id}/events`).set('Authorization', token).send(body);

  it('should create a sent request with its items, a sent event, and dueAt from the SLA at sending', async () => {
    const res = await create({
      ...base(),
      reference: 'R-1',
      sentAt: '2024-03-01T00:00:00Z',
      items: [{ url: 'https://t.me/a/1', contentHash: 'abc123' }, { url: 'http://t.me/a/2' }],
    }).expect(201);
    expect(res.body).toMatchObject({
      status: 'sent',
      sentAt: '2024-03-01T00:00:00.000Z',
      dueAt: '2024-03-04T00:00:00.000Z',
      firstResponseAt: null,
      outcome: null,
      version: 1,
      overdue: true,
    });
    expect(res.body.items).toEqual([
      { id: expect.any(Number), url: 'https://t.me/a/1', contentHash: 'abc123', state: 'pending', checkedAt: null },
      { id: expect.any(Number), url: 'http://t.me/a/2', contentHash: null, state: 'pending', checkedAt: null },
    ]);
    const events = await t.http.get(`/api/requests/${res.body.id}/events`).set('Authorization', auth).expect(200);
    expect(events.body.map((e: { kind: string }) => e.kind)).toEqual(['sent']);
  });

  it('should give csam requests 24 hours whatever the platform SLA', async () => {
    const res = await create({ ...base(), category: 'csam', reference: 'R-csam', sentAt: '2024-03-01T00:00:00Z' }).expect(201);
    expect(res.body.dueAt).toBe('2024-03-02T00:00:00.000Z');
  });

  it('should keep dueAt as fixed at sending when the platform SLA changes later', async () => {
    const admin = `Bearer ${await t.token('admin')}`;
    const res = await create({ ...base(), platformId: youtube, reference: 'R-sla', sentAt: '2024-03-01T00:00:00Z' }).expect(201);
    const platform = (await t.http.get(`/api/platforms/${youtube}`).set('Authorization', admin).expect(200)).body;
    await t.http
      .put(`/api/platforms/${youtube}`)
      .set('Authorization', admin)
      .send({ ...platform, slaHours: { ...platform.slaHours, removal: 12 } })
      .expect(200);
    const again = await t.http.get(`/api/requests/${res.body.id}`).set('Authorization', auth).expect(200);
    expect(again.body.dueAt).toBe('2024-03-04T00:00:00.000Z');
    const later = await create({ ...base(), platformId: youtube, reference: 'R-sla2', sentAt: '2024-03-01T00:00:00Z' }).expect(201);
    expect(later.body.dueAt).toBe('2024-03-01T12:00:00.000Z');
  });

  it('should walk draft -> sent -> acknowledged -> resolved through events', async () => {
    const draft = await create({
      ...base(),
      reference: 'R-flow',
      items: [{ url: 'https://t.me/x/1' }, { url: 'https://t.me/x/2' }],
    }).expect(201);
    expect(draft.body).toMatchObject({ status: 'draft', sentAt: null, dueAt: null });
    const id = draft.body.id;
    const [first, second] = draft.body.items.map((i: { id: number }) => i.id);

    await event(id, { kind: 'outcome', outcome: 'removed', occurredAt: '2024-04-01T00:00:00Z' }).expect(409);
    await event(id, { kind: 'sent', occurredAt: '2024-04-01T00:00:00Z' }).expect(201);
    let r = (await t.http.get(`/api/requests/${id}`).set('Authorization', auth)).body;
    expect(r).toMatchObject({ status: 'sent', dueAt: '2024-04-04T00:00:00.000Z', version: 2 });

    await event(
      id,
      { kind: 'acknowledged', occurredAt: '2024-04-01T05:00:00Z', note: 'ticket 991' },
      `Bearer ${await t.token('liaison')}`,
    ).expect(201);
    r = (await t.http.get(`/api/requests/${id}`).set('Authorization', auth)).body;
    expect(r).toMatchObject({ status: 'acknowledged', firstResponseAt: '2024-04-01T05:00:00.000Z' });

    const outcome = await event(id, {
      kind: 'outcome',
      outcome: 'partially_removed',
      occurredAt: '2024-04-02T00:00:00Z',
      items: [
        { id: first, state: 'removed' },
        { id: second, state: 'still_online' },
      ],
    }).expect(201);
    expect(outcome.body).toMatchObject({
      kind: 'outcome',
      outcome: 'partially_removed',
      items: [
        { id: first, state: 'removed' },
        { id: second, state: 'still_online' },
      ],
    });
    r = (await t.http.get(`/api/requests/${id}`).set('Authorization', auth)).body;
    expect(r).toMatchObject({
      status: 'resolved',
      outcome: 'partially_removed',
      resolvedAt: '2024-04-02T00:00:00.000Z',
      firstResponseAt: '2024-04-01T05:00:00.000Z',
    });
    expect(r.items.map((i: { state: string }) => i.state)).toEqual(['removed', 'still_online']);

    const refused = await event(id, { kind: 'acknowledged', occurredAt: '2024-04-03T00:00:00Z' }).expect(409);
    expect(refused.body.message).toMatch(/resolved; only a note/);
    await event(id, { kind: 'note', occurredAt: '2024-04-03T00:00:00Z', note: 'Checked again in May.' }).expect(201);

    const timeline = await t.http.get(`/api/requests/${id}/events`).set('Authorization', auth).expect(200);
    expect(timeline.body.map((e: { kind: string }) => e.kind)).toEqual(['sent', 'acknowledged', 'outcome', 'note']);
  });

  it('should resolve a refused request with outcome refused and withdraw another', async () => {
    const a = (await create({ ...base(), reference: 'R-refused', sentAt: '2024-05-01T00:00:00Z' }).expect(201)).body;
    await event(a.id, { kind: 'refused', occurredAt: '2024-05-02T00:00:00Z' }).expect(201);
    expect((await t.http.get(`/api/requests/${a.id}`).set('Authorization', auth)).body).toMatchObject({
      status: 'resolved',
      outcome: 'refused',
    });
    const b = (await create({ ...base(), reference: 'R-withdrawn', sentAt: '2024-05-01T00:00:00Z' }).expect(201)).body;
    await event(b.id, { kind: 'withdrawn', occurredAt: '2024-05-02T00:00:00Z' }).expect(201);
    expect((await t.http.get(`/api/requests/${b.id}`).set('Authorization', auth)).body.status).toBe('withdrawn');
  });

  it('should record item checks and keep the latest-dated state as the current one', async () => {
    const r = (
      await create({ ...base(), reference: 'R-check', sentAt: '2024-05-01T00:00:00Z', items: [{ url: 'https://t.me/c/1' }] }).expect(201)
    ).body;
    const item = r.items[0].id;
    await event(r.id, { kind: 'item_checked', occurredAt: '2024-05-10T00:00:00Z', items: [{ id: item, state: 'removed' }] }).expect(201);
    await event(r.id, { kind: 'item_checked', occurredAt: '2024-05-05T00:00:00Z', items: [{ id: item, state: 'still_online' }] }).expect(
      201,
    );
    const now = (await t.http.get(`/api/requests/${r.id}`).set('Authorization', auth)).body;
    expect(now.items[0]).toMatchObject({ state: 'removed', checkedAt: '2024-05-10T00:00:00.000Z' });
    expect(now.status).toBe('sent');
  });

  it('should let a liaison officer record platform responses but not regulator actions', async () => {
    const liaison = `Bearer ${await t.token('liaison')}`;
    const r = (await create({ ...base(), reference: 'R-liaison', sentAt: '2024-05-01T00:00:00Z' }).expect(201)).body;
    const res = await event(r.id, { kind: 'reminder_sent', occurredAt: '2024-05-02T00:00:00Z' }, liaison).expect(403);
    expect(res.body.message).toMatch(/liaison/);
    await event(r.id, { kind: 'info_requested', occurredAt: '2024-05-02T00:00:00Z' }, liaison).expect(201);
    await event(r.id, { kind: 'acknowledged', occurredAt: '2024-05-02T00:00:00Z' }, `Bearer ${await t.token('analyst')}`).expect(403);
  });

  describe('update', () => {
    it('should accept the whole record as read back, ignore read-only fields and bump the version', async () => {
      const r = (
        await create({ ...base(), reference: 'R-put', sentAt: '2024-06-01T00:00:00Z', items: [{ url: 'https://t.me/p/1' }] }).expect(201)
      ).body;
      const res = await t.http
        .put(`/api/requests/${r.id}`)
        .set('Authorization', auth)
        .send({
          ...r,
          status: 'resolved',
          dueAt: '2030-01-01T00:00:00Z',
          notes: 'Sent again by fax',
          items: [...r.items, { url: 'https://t.me/p/2' }],
        })
        .expect(200);
      expect(res.body).toMatchObject({ status: 'sent', dueAt: r.dueAt, notes: 'Sent again by fax', version: 2 });
      expect(res.body.items.map((i: { url: string }) => i.url)).toEqual(['https://t.me/p/1', 'https://t.me/p/2']);
    });

    it('should refuse a stale version with 409 and keep the newer data', async () => {
      const r = (await create({ ...base(), reference: 'R-stale', sentAt: '2024-06-01T00:00:00Z' }).expect(201)).body;
      await t.http
        .put(`/api/requests/${r.id}`)
        .set('Authorization', auth)
        .send({ ...r, notes: 'first' })
        .expect(200);
      const res = await t.http
        .put(`/api/requests/${r.id}`)
        .set('Authorization', auth)
        .send({ ...r, notes: 'second' })
        .expect(409);
      expect(res.body.message).toMatch(/version 1 is stale, current is 2/);
      expect((await t.http.get(`/api/requests/${r.id}`).set('Authorization', auth)).body.notes).toBe('first');
    });

    it('should refuse to change the platform of a sent request', async () => {
      const r = (await create({ ...base(), reference: 'R-move', sentAt: '2024-06-01T00:00:00Z' }).expect(201)).body;
      const res = await t.http
        .put(`/api/requests/${r.id}`)
        .set('Authorization', auth)
        .send({ ...r, platformId: youtube })
        .expect(400);
      expect(res.body.message).toBe('platformId can only change while the request is a draft');
    });

    it('should refuse to drop an item whose state was recorded', async () => {
      const r = (
        await create({ ...base(), reference: 'R-drop', sentAt: '2024-06-01T00:00:00Z', items: [{ url: 'https://t.me/d/1' }] }).expect(201)
      ).body;
      await event(r.id, {
        kind: 'item_checked',
        occurredAt: '2024-06-02T00:00:00Z',
        items: [{ id: r.items[0].id, state: 'removed' }],
      }).expect(201);
      const fresh = (await t.http.get(`/api/requests/${r.id}`).set('Authorization', auth)).body;
      await t.http
        .put(`/api/requests/${r.id}`)
        .set('Authorization', auth)
        .send({ ...fresh, items: [] })
        .expect(409);
      expect(await countRows(t, `request_items WHERE request_id = ${r.id}`)).toBe(1);
    });
  });

  describe('delete', () => {
    it('should delete a draft but not a sent request', async () => {
      const draft = (await create({ ...base(), reference: 'R-del' }).expect(201)).body;
      await t.http.delete(`/api/requests/${draft.id}`).set('Authorization', auth).expect(200);
      await t.http.get(`/api/requests/${draft.id}`).set('Authorization', auth).expect(404);
      const sent = (await create({ ...base(), reference: 'R-nodel', sentAt: '2024-06-01T00:00:00Z' }).expect(201)).body;
      const res = await t.http.delete(`/api/requests/${sent.id}`).set('Authorization', auth).expect(409);
      expect(res.body.message).toMatch(/withdraw it instead/);
    });
  });

  describe('list', () => {
    it('should sort, page and filter in the simple REST dialect with a Content-Range', async () => {
      const res = await t.http
        .get('/api/requests')
        .query({
          sort: JSON.stringify(['reference', 'ASC']),
          range: JSON.stringify([0, 1]),
          filter: JSON.stringify({ platformId: telegram, status: 'sent' }),
        })
        .set('Authorization', auth)
        .expect(200);
      const [, total] = /^requests 0-1\/(\d+)$/.exec(res.headers['content-range'])!;
      const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM requests WHERE platform_id = $1 AND status = 'sent'`, [telegram]);
      expect(Number(total)).toBe(n);
      expect(res.body).toHaveLength(2);
      expect(res.body[0].reference < res.body[1].reference).toBe(true);
      expect(res.body.every((r: { status: string }) => r.status === 'sent')).toBe(true);
    });

    it('should filter by a sentAt range and by several ids (getMany)', async () => {
      const res = await t.http
        .get('/api/requests')
        .query({ filter: JSON.stringify({ sentAt_gte: '2024-05-01T00:00:00Z', sentAt_lt: '2024-06-01T00:00:00Z' }), range: '[0,99]' })
        .set('Authorization', auth)
        .expect(200);
      expect(res.body.length).toBeGreaterThan(0);
      expect(res.body.every((r: { sentAt: string }) => r.sentAt >= '2024-05-01' && r.sentAt < '2024-06-01')).toBe(true);
      const ids = res.body.slice(0, 2).map((r: { id: number }) => r.id);
      const many = await t.http
        .get('/api/requests')
        .query({ filter: JSON.stringify({ id: ids }) })
        .set('Authorization', auth)
        .expect(200);
      expect(many.body.map((r: { id: number }) => r.id).sort()).toEqual([...ids].sort());
    });

    it('should search reference and notes with q', async () => {
      const byNote = await t.http
        .get('/api/requests')
        .query({ filter: JSON.stringify({ q: 'fax' }) })
        .set('Authorization', auth)
        .expect(200);
      expect(byNote.body.map((r: { reference: string }) => r.reference)).toEqual(['R-put']);
      const byPrefix = await t.http
        .get('/api/requests')
        .query({ filter: JSON.stringify({ q: 'R-sla' }) })
        .set('Authorization', auth)
        .expect(200);
      expect(byPrefix.body.map((r: { reference: string }) => r.reference).sort()).toEqual(['R-sla', 'R-sla2']);
    });

    it('should filter overdue requests', async () => {
      const res = await t.http
        .get('/api/requests')
        .query({ filter: JSON.stringify({ overdue: true }), range: '[0,999]' })
        .set('Authorization', auth)
        .expect(200);
      expect(res.body.length).toBeGreaterThan(0);
      expect(res.body.every((r: { overdue: boolean }) => r.overdue)).toBe(true);
    });

    // PostgreSQL writes the list's JSON and toRequestResponse the record's: they must not drift apart.
    it.each(['regulator', 'analyst'] as const)('should write each record for the %s role exactly as its own page does', async (role) => {
      const token = `Bearer ${await t.token(role)}`;
      await create({ ...base(), reference: `R-draft-${role}`, platformRef: 'T-1', notes: 'a "quoted" note\nover two lines' }).expect(201);
      const list = await t.http.get('/api/requests').query({ range: '[0,999]' }).set('Authorization', token).expect(200);
      expect(list.headers['content-type']).toMatch(/^application\/json/);
      expect(list.body.length).toBeGreaterThan(10);
      const kinds = new Set(list.body.map((r: { status: string }) => r.status));
      expect(kinds).toEqual(new Set(['draft', 'sent', 'acknowledged', 'resolved', 'withdrawn']));
      expect(list.body.some((r: { items: unknown[] }) => r.items.length > 1)).toBe(true);
      expect(list.body.some((r: { overdue: boolean }) => r.overdue)).toBe(true);
      for (const record of list.body) {
        const own = await t.http.get(`/api/requests/${record.id}`).set('Authorization', token).expect(200);
        expect(record).toStrictEqual(own.body);
      }
    });
  });

  it('should write every change to the audit log with before and after', async () => {
    const admin = `Bearer ${await t.token('admin')}`;
    const r = (await create({ ...base(), reference: 'R-audit', sentAt: '2024-06-01T00:00:00Z' }).expect(201)).body;
    await event(r.id, { kind: 'acknowledged', occurredAt: '2024-06-02T00:00:00Z' }).expect(201);
    const res = await t.http
      .get('/api/audit')
      .query({ filter: JSON.stringify({ entity: 'requests', entityId: String(r.id) }), sort: '["id","ASC"]' })
      .set('Authorization', admin)
      .expect(200);
    expect(res.body.map((a: { action: string }) => a.action)).toEqual(['create', 'event:acknowledged']);
    expect(res.body[1].before.status).toBe('sent');
    expect(res.body[1].after.status).toBe('acknowledged');
    const [{ id: regulatorId }] = await t.db.query(`SELECT id FROM users WHERE role = 'regulator'`);
    expect(res.body[0].userId).toBe(regulatorId);
  });
});

import { createAgency, platformId } from './support/fixtures';
import { createTestApp, type TestApp } from './support/test-app';

describe('platforms, agencies, consultations and users', () => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    t = await createTestApp();
    admin = `Bearer ${await t.token('admin')}`;
  });
  afterAll(() => t.close());

  describe('platforms', () => {
    it('should list the six seeded platforms with a 72 h default SLA', async () => {
      const res = await t.http.get('/api/platforms').query({ sort: '["name","ASC"]' }).set('Authorization', admin).expect(200);
      expect(res.headers['content-range']).toBe('platforms 0-5/6');
      expect(res.body.map((p: { slug: string }) => p.slug)).toEqual(['facebook', 'instagram', 'telegram', 'tiktok', 'x', 'youtube']);
      expect(res.body[0].slaHours).toEqual({ removal: 72, blocking: 72, investigation: 72, preservation: 72 });
    });

    it('should create a platform with its SLAs and contact channels, and refuse a duplicate slug', async () => {
      const body = {
        name: 'Example Tube',
        slug: 'example-tube',
        hasLocalRepresentative: false,
        contactChannels: [{ kind: 'email', value: 'abuse@example.org' }],
        slaHours: { removal: 24, blocking: 48, investigation: 120, preservation: 12 },
      };
      const res = await t.http.post('/api/platforms').set('Authorization', admin).send(body).expect(201);
      expect(res.body).toMatchObject({ ...body, version: 1, parentCompany: null });
      const dup = await t.http.post('/api/platforms').set('Authorization', admin).send(body).expect(409);
      expect(dup.body.message).toMatch(/^slug already exists/);
      const bad = await t.http
        .post('/api/platforms')
        .set('Authorization', admin)
        .send({ ...body, slug: 'Bad Slug' })
        .expect(400);
      expect(bad.body.message).toMatch(/^slug must be/);
      const zero = await t.http
        .post('/api/platforms')
        .set('Authorization', admin)
        .send({ ...body, slug: 'zero', slaHours: { ...body.slaHours, removal: 0 } })
        .expect(400);
      expect(zero.body.message).toMatch(/^slaHours\.removal must not be less than 1/);
    });

    it('should refuse to delete a platform that requests refer to', async () => {
      const regulator = `Bearer ${await t.token('regulator')}`;
      const x = await platformId(t, 'x');
      await t.http
        .post('/api/requests')
        .set('Authorization', regulator)
        .send({
          platformId: x,
          agencyId: await createAgency(t, 'KCSC'),
          type: 'removal',
          category: 'ncii',
          channel: 'portal',
          reference: 'P-1',
        })
        .expect(201);
      const res = await t.http.delete(`/api/platforms/${x}`).set('Authorization', admin).expect(409);
      expect(res.body.message).toMatch(/still referenced by requests/);
    });
  });

  describe('agencies', () => {
    it('should create, update with a version, and refuse an unknown kind', async () => {
      const created = await t.http
        .post('/api/agencies')
        .set('Authorization', admin)
        .send({ name: 'Victim Support NGO', kind: 'ngo', country: 'JP' })
        .expect(201);
      const updated = await t.http
        .put(`/api/agencies/${created.body.id}`)
        .set('Authorization', admin)
        .send({ ...created.body, contactEmail: 'desk@example.org' })
        .expect(200);
      expect(updated.body).toMatchObject({ contactEmail: 'desk@example.org', version: 2 });
      await t.http.put(`/api/agencies/${created.body.id}`).set('Authorization', admin).send(created.body).expect(409);
      const bad = await t.http.post('/api/agencies').set('Authorization', admin).send({ name: 'Other', kind: 'army' }).expect(400);
      expect(bad.body.message).toMatch(/^kind must be one of/);
    });
  });

  describe('consultations', () => {
    it('should record a consultation with attendees, linked requests and action items, and update them', async () => {
      const liaison = `Bearer ${await t.token('liaison')}`;
      const regulator = `Bearer ${await t.token('regulator')}`;
      const telegram = await platformId(t, 'telegram');
      const agencyId = await createAgency(t, 'KNPA');
      const req = await t.http
        .post('/api/requests')
        .set('Authorization', regulator)
        .send({
          platformId: telegram,
          agencyId,
          type: 'investigation',
          category: 'sextortion',
          channel: 'email',
          reference: 'C-1',
          sentAt: '2024-08-01T00:00:00Z',
        })
        .expect(201);
      const created = await t.http
        .post('/api/consultations')
        .set('Authorization', liaison)
        .send({
          platformId: telegram,
          heldAt: '2024-09-10T05:00:00Z',
          format: 'video',
          title: 'Deepfake response channel',
          attendees: ['KCSC', 'Telegram trust & safety'],
          requestIds: [req.body.id],
          actionItems: [
            { ownerSide: 'platform', text: 'Answer the overdue requests', dueDate: '2024-10-10' },
            { ownerSide: 'regulator', text: 'Send the list', dueDate: '2024-09-17', state: 'done' },
          ],
        })
        .expect(201);
      expect(created.body).toMatchObject({ requestIds: [req.body.id], attendees: ['KCSC', 'Telegram trust & safety'] });
      expect(created.body.actionItems).toEqual([
        { id: expect.any(Number), ownerSide: 'platform', text: 'Answer the overdue requests', dueDate: '2024-10-10', state: 'open' },
        { id: expect.any(Number), ownerSide: 'regulator', text: 'Send the list', dueDate: '2024-09-17', state: 'done' },
      ]);

      const [open, done] = created.body.actionItems;
      const updated = await t.http
        .put(`/api/consultations/${created.body.id}`)
        .set('Authorization', liaison)
        .send({
          ...created.body,
          minutes: 'Telegram named a contact.',
          actionItems: [
            { ...open, state: 'missed' },
            { ownerSide: 'platform', text: 'Name a contact' },
          ],
        })
        .expect(200);
      expect(updated.body.minutes).toBe('Telegram named a contact.');
      expect(updated.body.actionItems.map((a: { text: string; state: string }) => [a.text, a.state])).toEqual([
        ['Answer the overdue requests', 'missed'],
        ['Name a contact', 'open'],
      ]);
      expect(updated.body.actionItems.some((a: { id: number }) => a.id === done.id)).toBe(false);

      const list = await t.http
        .get('/api/consultations')
        .query({ filter: JSON.stringify({ platformId: telegram }) })
        .set('Authorization', liaison)
        .expect(200);
      expect(list.body.map((c: { id: number }) => c.id)).toEqual([created.body.id]);
      expect(list.body[0].actionItems).toHaveLength(2);
    });

    it('should refuse to link a request sent to another platform', async () => {
      const regulator = `Bearer ${await t.token('regulator')}`;
      const [x, youtube] = [await platformId(t, 'x'), await platformId(t, 'youtube')];
      const agencyId = await createAgency(t, 'Another agency');
      const req = await t.http
        .post('/api/requests')
        .set('Authorization', regulator)
        .send({ platformId: x, agencyId, type: 'removal', category: 'ncii', channel: 'portal', reference: 'C-2' })
        .expect(201);
      const res = await t.http
        .post('/api/consultations')
        .set('Authorization', regulator)
        .send({ platformId: youtube, heldAt: '2024-09-10T05:00:00Z', format: 'call', title: 'Call', requestIds: [req.body.id] })
        .expect(400);
      expect(res.body.message).toMatch(/^requestIds request \d+ was sent to another platform/);
    });
  });

  describe('users', () => {
    it('should let an admin manage accounts but not lock themself out', async () => {
      const list = await t.http.get('/api/users').set('Authorization', admin).expect(200);
      const me = list.body.find((u: { role: string }) => u.role === 'admin');
      expect(me).not.toHaveProperty('passwordHash');
      const res = await t.http
        .put(`/api/users/${me.id}`)
        .set('Authorization', admin)
        .send({ ...me, role: 'analyst' })
        .expect(409);
      expect(res.body.message).toMatch(/own role/);
      await t.http.delete(`/api/users/${me.id}`).set('Authorization', admin).expect(409);
    });
  });

  it('should serve the OpenAPI document', async () => {
    const res = await t.http.get('/api/docs-json').expect(200);
    expect(Object.keys(res.body.paths)).toEqual(expect.arrayContaining(['/api/requests', '/api/requests/{id}/events', '/api/auth/login']));
  });
});

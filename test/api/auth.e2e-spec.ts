import { ADMIN, createTestApp, type TestApp } from './support/test-app';

describe('authentication and roles', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('should answer health without a token', async () => {
    await t.http.get('/api/health').expect(200, { status: 'ok', database: 'up' });
  });

  it('should log in the first admin from ADMIN_EMAIL / ADMIN_PASSWORD and tell who is signed in', async () => {
    const res = await t.http.post('/api/auth/login').send(ADMIN).expect(200);
    expect(typeof res.body.accessToken).toBe('string');
    const me = await t.http.get('/api/auth/me').set('Authorization', `Bearer ${res.body.accessToken}`).expect(200);
    expect(me.body).toMatchObject({ email: ADMIN.email, role: 'admin' });
    expect(me.body).not.toHaveProperty('passwordHash');
  });

  it('should refuse a wrong password and an unknown email alike, with 401', async () => {
    const wrong = await t.http
      .post('/api/auth/login')
      .send({ ...ADMIN, password: 'not-the-password' })
      .expect(401);
    const unknown = await t.http.post('/api/auth/login').send({ email: 'nobody@test.local', password: 'x' }).expect(401);
    expect(wrong.body).toEqual({
      statusCode: 401,
      error: 'Unauthorized',
      code: 'auth.wrong_credentials',
      message: 'email or password is wrong',
    });
    expect(unknown.body.message).toBe(wrong.body.message);
  });

  it('should name the field when the login body is malformed', async () => {
    const res = await t.http.post('/api/auth/login').send({ email: 'not-an-email', password: 'x' }).expect(400);
    expect(res.body.message).toMatch(/^email /);
  });

  it.each(['/api/requests', '/api/platforms', '/api/agencies', '/api/consultations', '/api/users', '/api/audit', '/api/auth/me'])(
    'should answer 401 on %s without a token or with a forged one',
    async (path) => {
      await t.http.get(path).expect(401);
      await t.http.get(path).set('Authorization', 'Bearer not.a.token').expect(401);
    },
  );

  it('should store passwords as argon2 hashes', async () => {
    const [row] = await t.db.query('SELECT password_hash FROM users WHERE email = $1', [ADMIN.email]);
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
  });

  describe('the permission table', () => {
    const cases: [string, string, string, Record<string, number>][] = [
      ['POST', '/api/requests', 'requests:write', { admin: 400, regulator: 400, analyst: 403, liaison: 403 }],
      ['POST', '/api/platforms', 'platforms:write', { admin: 400, regulator: 403, analyst: 403, liaison: 403 }],
      ['POST', '/api/agencies', 'agencies:write', { admin: 400, regulator: 400, analyst: 403, liaison: 403 }],
      ['POST', '/api/consultations', 'consultations:write', { admin: 400, regulator: 400, analyst: 403, liaison: 400 }],
      ['GET', '/api/users', 'users:manage', { admin: 200, regulator: 403, analyst: 403, liaison: 403 }],
      ['GET', '/api/audit', 'audit:read', { admin: 200, regulator: 403, analyst: 403, liaison: 403 }],
      ['GET', '/api/requests', 'records:read', { admin: 200, regulator: 200, analyst: 200, liaison: 200 }],
    ];
    it.each(cases)('%s %s needs %s', async (method, path, _permission, expected) => {
      for (const [role, status] of Object.entries(expected)) {
        const token = await t.token(role as 'admin');
        const call = method === 'GET' ? t.http.get(path) : t.http.post(path).send({});
        const res = await call.set('Authorization', `Bearer ${token}`);
        expect({ role, status: res.status }).toEqual({ role, status });
      }
    });
  });

  it('should shut out a deactivated account at once, even with a valid token', async () => {
    const admin = await t.token('admin');
    const created = await t.http
      .post('/api/users')
      .set('Authorization', `Bearer ${admin}`)
      .send({ email: 'Leaver@Test.local', name: 'Leaver', role: 'analyst', password: 'a-long-password' })
      .expect(201);
    expect(created.body.email).toBe('leaver@test.local');
    const login = await t.http.post('/api/auth/login').send({ email: 'leaver@test.local', password: 'a-long-password' }).expect(200);
    await t.http.get('/api/requests').set('Authorization', `Bearer ${login.body.accessToken}`).expect(200);
    await t.http
      .put(`/api/users/${created.body.id}`)
      .set('Authorization', `Bearer ${admin}`)
      .send({ ...created.body, active: false })
      .expect(200);
    await t.http.get('/api/requests').set('Authorization', `Bearer ${login.body.accessToken}`).expect(401);
  });

  it('should refuse a short password when creating a user', async () => {
    const res = await t.http
      .post('/api/users')
      .set('Authorization', `Bearer ${await t.token('admin')}`)
      .send({ email: 'short@test.local', name: 'Short', role: 'analyst', password: 'short' })
      .expect(400);
    expect(res.body.message).toMatch(/^password /);
  });
});

describe('login rate limit', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ LOGIN_RATE_LIMIT: '3' });
  });
  afterAll(() => t.close());

  it('should answer 429 once a client exceeds LOGIN_RATE_LIMIT attempts a minute', async () => {
    for (let i = 0; i < 3; i++)
      await t.http
        .post('/api/auth/login')
        .send({ ...ADMIN, password: 'wrong' })
        .expect(401);
    const res = await t.http.post('/api/auth/login').send(ADMIN).expect(429);
    expect(res.body.statusCode).toBe(429);
  });
});

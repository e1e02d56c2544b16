import { ADMIN, createTestApp, type TestApp } from './support/test-app';

const login = (t: TestApp, email: string, password: string) => t.http.post('/api/auth/login').send({ email, password });
const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

describe('sessions: short access tokens, single-use refresh tokens, sign-out', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ JWT_EXPIRES_IN: '2s' });
  });
  afterAll(() => t.close());

  it('should give a short-lived access token and a refresh token that renews it once', async () => {
    const first = await login(t, ADMIN.email, ADMIN.password).expect(200);
    expect(first.body).toEqual({ accessToken: expect.any(String), refreshToken: expect.any(String), expiresIn: 2 });

    await new Promise((r) => setTimeout(r, 2100));
    await t.http.get('/api/auth/me').set(bearer(first.body.accessToken)).expect(401);

    const renewed = await t.http.post('/api/auth/refresh').send({ refreshToken: first.body.refreshToken }).expect(200);
    expect(renewed.body.refreshToken).not.toBe(first.body.refreshToken);
    await t.http.get('/api/auth/me').set(bearer(renewed.body.accessToken)).expect(200);
  });

  it('should end every session of the account when a used refresh token comes back (it was copied)', async () => {
    const first = await login(t, ADMIN.email, ADMIN.password).expect(200);
    const other = await login(t, ADMIN.email, ADMIN.password).expect(200);
    const renewed = await t.http.post('/api/auth/refresh').send({ refreshToken: first.body.refreshToken }).expect(200);

    const replay = await t.http.post('/api/auth/refresh').send({ refreshToken: first.body.refreshToken }).expect(401);
    expect(replay.body.message).toMatch(/already used/);
    await t.http.post('/api/auth/refresh').send({ refreshToken: renewed.body.refreshToken }).expect(401);
    await t.http.post('/api/auth/refresh').send({ refreshToken: other.body.refreshToken }).expect(401);
    // Each of the three refusals presented a revoked token, and each is on the audit log.
    const [audit] = await t.db.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'refresh-token-reuse'`);
    expect(audit.n).toBe(3);
  });

  it('should store only a hash of each refresh token', async () => {
    const res = await login(t, ADMIN.email, ADMIN.password).expect(200);
    const rows = await t.db.query('SELECT token_hash FROM refresh_tokens');
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.map((r: { token_hash: string }) => r.token_hash)).not.toContain(res.body.refreshToken);
  });

  it('should refuse a refresh token after sign-out, and a made-up one', async () => {
    const res = await login(t, ADMIN.email, ADMIN.password).expect(200);
    await t.http.post('/api/auth/logout').set(bearer(res.body.accessToken)).send({ refreshToken: res.body.refreshToken }).expect(204);
    await t.http.post('/api/auth/refresh').send({ refreshToken: res.body.refreshToken }).expect(401);
    await t.http.post('/api/auth/refresh').send({ refreshToken: 'made-up' }).expect(401);
    const missing = await t.http.post('/api/auth/refresh').send({}).expect(400);
    expect(missing.body.message).toMatch(/^refreshToken /);
  });

  it('should refuse to renew the session of a deactivated account', async () => {
    const admin = (await login(t, ADMIN.email, ADMIN.password).expect(200)).body.accessToken;
    const user = await t.http
      .post('/api/users')
      .set(bearer(admin))
      .send({ email: 'leaving@test.local', name: 'Leaving', role: 'analyst', password: 'leaving-password-1' })
      .expect(201);
    const session = await login(t, 'leaving@test.local', 'leaving-password-1').expect(200);
    await t.http
      .put(`/api/users/${user.body.id}`)
      .set(bearer(admin))
      .send({ ...user.body, active: false })
      .expect(200);
    await t.http.post('/api/auth/refresh').send({ refreshToken: session.body.refreshToken }).expect(401);
  });
});

describe('account lockout', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ LOCKOUT_THRESHOLD: '3', LOCKOUT_MINUTES: '15' });
  });
  afterAll(() => t.close());

  it('should lock an account after LOCKOUT_THRESHOLD failed sign-ins in a row, even with the right password', async () => {
    await t.token('analyst');
    for (let i = 0; i < 2; i++) await login(t, 'analyst@test.local', 'wrong-password').expect(401);
    const third = await login(t, 'analyst@test.local', 'wrong-password').expect(423);
    expect(third.body.message).toMatch(/locked after too many failed sign-ins/);
    expect(new Date(third.body.lockedUntil).getTime()).toBeGreaterThan(Date.now() + 14 * 60_000);
    await login(t, 'analyst@test.local', 'role-password-1').expect(423);
    const [row] = await t.db.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'lock'`);
    expect(row.n).toBe(1);
  });

  it('should reset the count on a successful sign-in', async () => {
    await t.token('liaison');
    for (let i = 0; i < 2; i++) await login(t, 'liaison@test.local', 'wrong-password').expect(401);
    await login(t, 'liaison@test.local', 'role-password-1').expect(200);
    for (let i = 0; i < 2; i++) await login(t, 'liaison@test.local', 'wrong-password').expect(401);
    await login(t, 'liaison@test.local', 'role-password-1').expect(200);
  });

  it('should let an admin see the lock and unlock the account', async () => {
    const admin = await t.token('admin');
    const [{ id }] = await t.db.query(`SELECT id FROM users WHERE email = 'analyst@test.local'`);
    const user = await t.http.get(`/api/users/${id}`).set(bearer(admin)).expect(200);
    expect(user.body.lockedUntil).not.toBeNull();
    await t.http
      .put(`/api/users/${id}`)
      .set(bearer(admin))
      .send({ ...user.body })
      .expect(200);
    await login(t, 'analyst@test.local', 'role-password-1').expect(423);
    const again = await t.http.get(`/api/users/${id}`).set(bearer(admin)).expect(200);
    await t.http
      .put(`/api/users/${id}`)
      .set(bearer(admin))
      .send({ ...again.body, lockedUntil: null })
      .expect(200);
    await login(t, 'analyst@test.local', 'role-password-1').expect(200);
  });

  it('should not lock anything for unknown emails', async () => {
    for (let i = 0; i < 4; i++) await login(t, 'nobody@test.local', 'wrong-password').expect(401);
  });
});

describe('password policy', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it.each([
    ['too short', 'short-pw', /at least 12 characters/],
    ['a common password', 'Password1234', /most common passwords/],
    ['too few different characters', 'abababababababab', /at least 5 different characters/],
    ['the email address itself', 'Policy@Test.local', /must not contain the email address/],
  ])('should refuse %s, naming the field, and create nothing', async (_case, password, message) => {
    const res = await t.http
      .post('/api/users')
      .set(bearer(await t.token('admin')))
      .send({ email: 'policy@test.local', name: 'Policy', role: 'analyst', password })
      .expect(400);
    expect(res.body.message).toMatch(/^password /);
    expect(res.body.message).toMatch(message);
    expect(await t.db.query(`SELECT 1 FROM users WHERE email = 'policy@test.local'`)).toHaveLength(0);
  });

  it('should accept a long passphrase', async () => {
    await t.http
      .post('/api/users')
      .set(bearer(await t.token('admin')))
      .send({ email: 'policy@test.local', name: 'Policy', role: 'analyst', password: 'correct horse battery staple' })
      .expect(201);
  });
});

describe('rate limit on writes', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ WRITE_RATE_LIMIT: '3' });
  });
  afterAll(() => t.close());

  it('should answer 429 with Retry-After once a user exceeds WRITE_RATE_LIMIT writes a minute, and keep reads open', async () => {
    const token = await t.token('admin');
    for (let i = 0; i < 3; i++) {
      await t.http
        .post('/api/agencies')
        .set(bearer(token))
        .send({ name: `Agency ${i}`, kind: 'police', country: 'KR' })
        .expect(201);
    }
    const limited = await t.http
      .post('/api/agencies')
      .set(bearer(token))
      .send({ name: 'Agency 4', kind: 'police', country: 'KR' })
      .expect(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited.body.message).toMatch(/too many changes/);
    expect(await t.db.query(`SELECT 1 FROM agencies WHERE name = 'Agency 4'`)).toHaveLength(0);
    await t.http.get('/api/agencies').set(bearer(token)).expect(200);
    // Counted per user: another account still writes.
    await t.http
      .post('/api/agencies')
      .set(bearer(await t.token('regulator')))
      .send({ name: 'Agency 5', kind: 'police', country: 'KR' })
      .expect(201);
  });
});

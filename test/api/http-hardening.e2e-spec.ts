import { Writable } from 'node:stream';
import { createTestApp, type TestApp } from './support/test-app';

describe('secure headers and CORS', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ CORS_ORIGINS: 'https://console.example.org' });
  });
  afterAll(() => t.close());

  it('should send secure headers and no X-Powered-By', async () => {
    const res = await t.http.get('/api/health/live').expect(200);
    expect(res.headers['content-security-policy']).toMatch(/default-src 'self'/);
    expect(res.headers['content-security-policy']).toMatch(/frame-ancestors 'none'/);
    // Over plain http (npm start), upgrading would break the console's lazily loaded scripts.
    expect(res.headers['content-security-policy']).not.toMatch(/upgrade-insecure-requests/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['strict-transport-security']).toMatch(/max-age=/);
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  it('should allow only the configured origins to call from a browser', async () => {
    const allowed = await t.http
      .options('/api/requests')
      .set('Origin', 'https://console.example.org')
      .set('Access-Control-Request-Method', 'POST');
    expect(allowed.headers['access-control-allow-origin']).toBe('https://console.example.org');
    const other = await t.http.options('/api/requests').set('Origin', 'https://evil.example').set('Access-Control-Request-Method', 'POST');
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
    const simple = await t.http.get('/api/health/live').set('Origin', 'https://evil.example');
    expect(simple.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('structured logs', () => {
  let t: TestApp;
  const lines: Record<string, unknown>[] = [];
  beforeAll(async () => {
    const sink = new Writable({
      write(chunk, _encoding, done) {
        for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
        done();
      },
    });
    t = await createTestApp({ LOG_LEVEL: 'info' }, { logDestination: sink });
  });
  afterAll(() => t.close());

  const requestLines = () => lines.filter((l) => l.req);

  it('should log one JSON line per request with the request id the answer carries, without tokens or query strings', async () => {
    const token = await t.token('admin');
    const res = await t.http
      .get(`/api/requests?filter=${encodeURIComponent(JSON.stringify({ q: 'Jane Victim' }))}`)
      .set('Authorization', `Bearer ${token}`)
      .expect(200);
    const id = res.headers['x-request-id'];
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const line = requestLines().find((l) => (l.req as { id: string }).id === id);
    expect(line).toMatchObject({ level: 30, req: { method: 'GET', path: '/api/requests' }, res: { statusCode: 200 } });
    expect(typeof line!.responseTime).toBe('number');
    const all = JSON.stringify(lines);
    expect(all).not.toContain(token);
    expect(all).not.toContain('Jane');
  });

  it("should keep a caller's own X-Request-Id, and replace one that is not an id", async () => {
    const kept = await t.http.get('/api/health/live').set('X-Request-Id', 'gateway-42').expect(200);
    expect(kept.headers['x-request-id']).toBe('gateway-42');
    expect(requestLines().some((l) => (l.req as { id: string }).id === 'gateway-42')).toBe(true);
    const replaced = await t.http.get('/api/health/live').set('X-Request-Id', 'bad id\twith spaces').expect(200);
    expect(replaced.headers['x-request-id']).not.toContain(' ');
  });

  it('should log a refused request at warn level', async () => {
    const res = await t.http.get('/api/requests').expect(401);
    const line = requestLines().find((l) => (l.req as { id: string }).id === res.headers['x-request-id']);
    expect(line).toMatchObject({ level: 40, res: { statusCode: 401 } });
  });
});

describe('production mode', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ NODE_ENV: 'production' });
  });
  afterAll(() => t.close());

  it('should not publish the API documentation, which needs no token, unless API_DOCS is set', async () => {
    await t.http.get('/api/docs-json').expect(404);
    await t.http.get('/api/docs').expect(404);
  });
});

describe('liveness and readiness', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('should say live and ready without a token', async () => {
    await t.http.get('/api/health/live').expect(200, { status: 'ok' });
    await t.http.get('/api/health/ready').expect(200, { status: 'ok', database: 'up' });
  });
});

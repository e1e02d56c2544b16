import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestApp, type TestApp } from './support/test-app';

/** One port serves everything: the built console at /, the API under /api. */
describe('serving the web console', () => {
  let t: TestApp;
  beforeAll(async () => {
    const webRoot = mkdtempSync(join(tmpdir(), 'web-'));
    mkdirSync(join(webRoot, 'assets'));
    writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>console</title>');
    writeFileSync(join(webRoot, 'assets', 'app.js'), 'console.log(1)');
    t = await createTestApp({}, { webRoot });
  });
  afterAll(() => t.close());

  it('should serve index.html at / and for page addresses the browser reloads', async () => {
    for (const path of ['/', '/requests/12/show']) {
      const res = await t.http.get(path).set('Accept', 'text/html').expect(200);
      expect(res.text).toContain('<title>console</title>');
    }
    const js = await t.http.get('/assets/app.js').expect(200);
    expect(js.headers['content-type']).toMatch(/javascript/);
  });

  it('should leave /api to the API, unknown routes included', async () => {
    await t.http.get('/api/health').expect(200, { status: 'ok', database: 'up' });
    const res = await t.http
      .get('/api/nothing-here')
      .set('Accept', 'text/html')
      .set('Authorization', `Bearer ${await t.token('admin')}`)
      .expect(404);
    expect(res.body.statusCode).toBe(404);
  });
});

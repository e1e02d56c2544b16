import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../api/src/database/free-port';
import { type PostgresProcess, startPostgres } from './support/server-process';
import { createTestApp, type TestApp } from './support/test-app';

// A PostgreSQL of this file's own, so that stopping it leaves the other test files alone.
describe('database outage', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tracker-outage-'));
  let port: number;
  let pg: PostgresProcess;
  let t: TestApp;
  let token: string;
  const acknowledged: string[] = [];

  beforeAll(async () => {
    port = await freePort();
    pg = await startPostgres(dir, port);
    t = await createTestApp({ LOG_LEVEL: 'silent' }, { databaseUrl: pg.url });
    token = await t.token('admin');
  }, 60_000);
  afterAll(async () => {
    await t.close();
    await pg.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const create = (name: string) => t.http.post('/api/agencies').set('Authorization', `Bearer ${token}`).send({ name });
  // Past the guard's 2-second cache of the signed-in account, so that every request needs the database.
  const pastAccountCache = () => new Promise((r) => setTimeout(r, 2100));

  it('should answer 503 with Retry-After while PostgreSQL is down, and recover by itself when it returns', async () => {
    for (let i = 0; i < 5; i++) {
      const res = await create(`Before outage ${i}`);
      expect(res.status).toBe(201);
      acknowledged.push(res.body.name);
    }

    await pg.stop();
    await pastAccountCache();
    for (const res of [
      await t.http.get('/api/agencies').set('Authorization', `Bearer ${token}`),
      await create('During outage'),
      await t.http.post('/api/auth/login').send({ email: 'admin@test.local', password: 'admin-password-1' }),
      await t.http.get('/api/health/ready'),
    ]) {
      expect(res.status).toBe(503);
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
      expect(JSON.stringify(res.body)).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|at .*\.js/);
    }
    await t.http.get('/api/health/live').expect(200);

    pg = await startPostgres(dir, port);
    let ready = 0;
    for (let i = 0; i < 100 && ready !== 200; i++) {
      ready = (await t.http.get('/api/health/ready')).status;
      if (ready !== 200) await new Promise((r) => setTimeout(r, 200));
    }
    expect(ready).toBe(200);

    const after = await create('After outage');
    expect(after.status).toBe(201);
    acknowledged.push(after.body.name);
    const list = await t.http.get('/api/agencies?range=[0,99]').set('Authorization', `Bearer ${token}`).expect(200);
    // Everything acknowledged is there, and the write refused during the outage is not.
    expect(list.body.map((a: { name: string }) => a.name).sort()).toEqual([...acknowledged].sort());
  }, 90_000);
});

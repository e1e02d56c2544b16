import { Client } from 'pg';
import { mixedLoad, reconcile } from '../bench/mixed-load';
import { createTestDatabase } from './support/database';
import { type ServerProcess, startServer } from './support/server-process';

/** Short here (LOAD_TEST_SECONDS, default 10); `npm run bench:load` runs the same load for 60 s. */
const SECONDS = Number(process.env.LOAD_TEST_SECONDS ?? 10);

describe('two instances under mixed load', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let servers: ServerProcess[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    servers = await Promise.all([startServer(database.url), startServer(database.url)]);
  }, 120_000);
  afterAll(async () => {
    for (const server of servers) server.child.kill('SIGTERM');
    await Promise.all(servers.map((s) => s.exited));
    await database.drop();
  });

  it('should answer every call, and hold exactly the records whose creation was acknowledged', async () => {
    const token = await servers[0].login();
    const auth = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };
    const agency = await (
      await fetch(`${servers[1].base}/api/agencies`, { method: 'POST', headers: auth, body: JSON.stringify({ name: 'Load Agency' }) })
    ).json();
    const [platform] = await (await fetch(`${servers[0].base}/api/platforms?range=[0,0]`, { headers: auth })).json();

    const result = await mixedLoad({
      bases: servers.map((s) => s.base),
      token,
      seconds: SECONDS,
      connections: 50,
      platformId: platform.id,
      agencyId: agency.id,
      tag: 'LOAD',
    });

    expect({ errors: result.errors, non2xx: result.non2xx, timeouts: result.timeouts }).toEqual({ errors: 0, non2xx: 0, timeouts: 0 });
    expect(result.acknowledged.size).toBeGreaterThan(0);
    const db = new Client({ connectionString: database.url });
    await db.connect();
    try {
      const { rows } = await db.query(`SELECT reference FROM requests WHERE reference LIKE 'LOAD-%'`);
      const stored = new Set(rows.map((r: { reference: string }) => r.reference));
      // Nothing acknowledged is missing; anything else stored was a create cut off by the end of the run.
      const { missing, unexplained } = reconcile(result, stored);
      expect(missing).toEqual([]);
      expect(unexplained).toEqual([]);
      expect(result.unanswered.size).toBeLessThanOrEqual(50);
    } finally {
      await db.end();
    }
  }, 180_000);
});

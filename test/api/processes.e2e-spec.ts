import { REQUEST_CSV_COLUMNS } from '../../domain/src';
import { request as httpRequest } from 'node:http';
import { Client } from 'pg';
import { createTestDatabase } from './support/database';
import { type ServerProcess, startServer, statusOf } from './support/server-process';

const HEADER = REQUEST_CSV_COLUMNS.join(',');
const row = (prefix: string, i: number) =>
  `Process Test Agency,${prefix}-${i},x,removal,ncii,api,2024-06-01T00:00:00Z,,,,,https://x.com/p/${i},,\n`;

/** Starts an import whose body is sent in two halves; `finish` sends the rest and resolves with the answer. */
function startImport(server: ServerProcess, token: string, prefix: string, rows: number) {
  const req = httpRequest({
    host: '127.0.0.1',
    port: server.port,
    path: '/api/imports/requests',
    method: 'POST',
    headers: { 'Content-Type': 'text/csv', Authorization: `Bearer ${token}` },
  });
  const answer = new Promise<{ status: number; body: string }>((ok, fail) => {
    req.on('response', (res) => {
      let text = '';
      res.on('data', (c) => (text += c));
      res.on('end', () => ok({ status: res.statusCode!, body: text }));
    });
    req.on('error', fail);
  });
  req.write(`${HEADER}\n`);
  let half = '';
  for (let i = 0; i < rows / 2; i++) half += row(prefix, i);
  req.write(half);
  return {
    answer,
    finish() {
      let rest = '';
      for (let i = rows / 2; i < rows; i++) rest += row(prefix, i);
      req.end(rest);
      return answer;
    },
    abandon: () => req.destroy(),
  };
}

describe('the server as a process', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let db: Client;
  const count = async (sql: string, params: unknown[] = []) => Number((await db.query(sql, params)).rows[0].n);

  beforeAll(async () => {
    database = await createTestDatabase();
    db = new Client({ connectionString: database.url });
    await db.connect();
    await db.query(`INSERT INTO agencies (name, kind) VALUES ('Process Test Agency', 'ngo')`);
  });
  afterAll(async () => {
    await db.end();
    await database.drop();
  });

  it('should load the demo history once when two processes start together on an empty database', async () => {
    const empty = await createTestDatabase();
    const servers = await Promise.all([startServer(empty.url, { SEED_DEMO: 'true' }), startServer(empty.url, { SEED_DEMO: 'true' })]);
    const demo = new Client({ connectionString: empty.url });
    await demo.connect();
    try {
      const { rows } = await demo.query(`SELECT (SELECT count(*) FROM users WHERE role = 'admin')::int AS admins,
        (SELECT count(*) FROM requests r JOIN agencies a ON a.id = r.agency_id JOIN platforms p ON p.id = r.platform_id
          WHERE a.name = 'Korean National Police Agency' AND p.slug = 'telegram' AND r.sent_at >= '2020-01-01' AND r.sent_at < '2021-01-01')::int AS telegram2020,
        (SELECT count(*) FROM requests)::int AS requests, (SELECT count(DISTINCT reference) FROM requests)::int AS distinct_references`);
      expect(rows[0]).toMatchObject({ admins: 1, telegram2020: 7 });
      expect(rows[0].requests).toBeGreaterThan(1000);
      expect(rows[0].distinct_references).toBe(rows[0].requests);
    } finally {
      await demo.end();
      for (const server of servers) server.child.kill('SIGTERM');
      await Promise.all(servers.map((s) => s.exited));
      await empty.drop();
    }
  }, 120_000);

  it('should finish the requests under way on SIGTERM, refuse new connections, and exit cleanly', async () => {
    const server = await startServer(database.url);
    const upload = startImport(server, await server.login(), 'TERM', 2000);
    await new Promise((r) => setTimeout(r, 300));

    server.child.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 500));
    expect(await statusOf(`${server.base}/api/health/live`)).toBe(0);

    const answer = await upload.finish();
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toEqual({ created: 2000, skipped: 0, errors: [] });
    expect(await server.exited).toBe(0);
    expect(await count(`SELECT count(*) AS n FROM requests WHERE reference LIKE 'TERM-%'`)).toBe(2000);
  }, 120_000);

  it('should leave no half-written import after kill -9, and import it all once restarted', async () => {
    const server = await startServer(database.url);
    const token = await server.login();
    const upload = startImport(server, token, 'KILL', 20_000);
    upload.answer.catch(() => undefined);
    await new Promise((r) => setTimeout(r, 500));
    server.child.kill('SIGKILL');
    await server.exited;
    upload.abandon();
    expect(await count(`SELECT count(*) AS n FROM requests WHERE reference LIKE 'KILL-%'`)).toBe(0);

    const again = await startServer(database.url);
    try {
      const retry = startImport(again, await again.login(), 'KILL', 20_000);
      const answer = await retry.finish();
      expect(answer.status).toBe(200);
      expect(await count(`SELECT count(*) AS n FROM requests WHERE reference LIKE 'KILL-%'`)).toBe(20_000);
    } finally {
      again.child.kill('SIGTERM');
      await again.exited;
    }
  }, 180_000);

  it('should build a report again after its process was killed half-way through', async () => {
    const server = await startServer(database.url, { JOBS_ENABLED: 'true' });
    const token = await server.login();
    // Holding the consultations table keeps the build from finishing, so the kill lands mid-build.
    const blocker = new Client({ connectionString: database.url });
    await blocker.connect();
    await blocker.query('BEGIN');
    await blocker.query('LOCK TABLE consultations IN ACCESS EXCLUSIVE MODE');
    const queued = await fetch(`${server.base}/api/reports`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify({ from: '2024-01-01T00:00:00Z', to: '2025-01-01T00:00:00Z' }),
    });
    expect(queued.status).toBe(201);
    const { id } = (await queued.json()) as { id: number };
    let status = '';
    for (let i = 0; i < 100 && status !== 'running'; i++) {
      status = (await db.query('SELECT status FROM reports WHERE id = $1', [id])).rows[0].status;
      if (status !== 'running') await new Promise((r) => setTimeout(r, 100));
    }
    expect(status).toBe('running');
    server.child.kill('SIGKILL');
    await server.exited;
    await blocker.query('ROLLBACK');
    await blocker.end();
    const orphan = (await db.query('SELECT status, pdf IS NULL AS "noPdf" FROM reports WHERE id = $1', [id])).rows[0];
    expect(orphan).toEqual({ status: 'running', noPdf: true });

    const again = await startServer(database.url, { JOBS_ENABLED: 'true' });
    try {
      let report = { status: '', pages: 0, attempts: 0 };
      for (let i = 0; i < 150 && report.status !== 'done'; i++) {
        report = (await db.query('SELECT status, page_count AS pages, attempts FROM reports WHERE id = $1', [id])).rows[0];
        if (report.status !== 'done') await new Promise((r) => setTimeout(r, 200));
      }
      expect(report.status).toBe('done');
      expect(report.pages).toBeGreaterThan(0);
      expect(report.attempts).toBe(2);
    } finally {
      again.child.kill('SIGTERM');
      await again.exited;
    }
  }, 180_000);
});

import { execFile } from 'node:child_process';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { AddressInfo } from 'node:net';
import { DeadlineSweepJob } from '../../api/src/jobs/deadline-sweep.job';
import { type Job, JOBS } from '../../api/src/jobs/job';
import { JobRunner } from '../../api/src/jobs/job-runner.service';
import { createAgency, platformId } from './support/fixtures';
import { withDatabase } from './support/database';
import { createTestApp, type TestApp } from './support/test-app';

const DAY = 86_400_000;
const ago = (days: number) => new Date(Date.now() - days * DAY).toISOString();

describe('scheduled jobs', () => {
  let t: TestApp;
  let admin: string;
  let regulator: string;
  let agencyId: number;
  let x: number;

  const createRequest = async (reference: string, sentAt: string, items: { url: string }[] = [], type = 'removal') =>
    (
      await t.http
        .post('/api/requests')
        .set('Authorization', regulator)
        .send({ platformId: x, agencyId, type, category: 'ncii', channel: 'portal', reference, sentAt, items })
        .expect(201)
    ).body;
  const runJob = async (name: string) => (await t.http.post(`/api/jobs/${name}/run`).set('Authorization', admin).expect(201)).body;
  const eventsOf = async (id: number) =>
    (await t.http.get(`/api/requests/${id}/events`).set('Authorization', admin).expect(200)).body.map((e: { kind: string }) => e.kind);

  beforeAll(async () => {
    t = await createTestApp({ ESCALATION_GRACE_HOURS: '48', RECHECK_ALLOWED_HOSTS: '127.0.0.1', RECHECK_HOST_INTERVAL_MS: '0' });
    admin = `Bearer ${await t.token('admin')}`;
    regulator = `Bearer ${await t.token('regulator')}`;
    agencyId = await createAgency(t);
    x = await platformId(t, 'x');
  });
  afterAll(() => t.close());

  describe('deadline sweep', () => {
    it('should mark newly overdue requests, escalate those past the grace period, and do neither twice', async () => {
      const old = await createRequest('SWEEP-old', ago(10)); // due 7 days ago: overdue and past the 48 h grace
      const recent = await createRequest('SWEEP-recent', ago(4)); // due 1 day ago: overdue, within the grace
      const fresh = await createRequest('SWEEP-fresh', ago(1)); // not due yet
      const answered = await createRequest('SWEEP-answered', ago(10));
      await t.http
        .post(`/api/requests/${answered.id}/events`)
        .set('Authorization', regulator)
        .send({ kind: 'acknowledged', occurredAt: ago(9) })
        .expect(201);

      const run = await runJob('deadline-sweep');
      expect(run).toMatchObject({
        job: 'deadline-sweep',
        status: 'succeeded',
        trigger: 'manual',
        attempts: 1,
        counts: { newlyOverdue: 2, escalated: 1 },
      });
      expect(await eventsOf(old.id)).toEqual(['sent', 'escalated']);
      expect(await eventsOf(recent.id)).toEqual(['sent']);
      expect(await eventsOf(fresh.id)).toEqual(['sent']);

      const again = await runJob('deadline-sweep');
      expect(again.counts).toEqual({ newlyOverdue: 0, escalated: 0 });

      const reminders = (await t.http.get('/api/reminders').set('Authorization', regulator).expect(200)).body;
      expect(reminders).toEqual([expect.objectContaining({ platform: 'X', overdue: 2, references: ['SWEEP-old', 'SWEEP-recent'] })]);
      const [audit] = await t.db.query(`SELECT user_id FROM audit_log WHERE action = 'event:escalated' AND entity_id = $1`, [
        String(old.id),
      ]);
      expect(audit.user_id).toBeNull();
    });

    it('should retry a run that throws and record the failure after the last attempt', async () => {
      const job = t.app.get(DeadlineSweepJob);
      const spy = jest.spyOn(job, 'run').mockRejectedValueOnce(new Error('connection reset'));
      expect(await runJob('deadline-sweep')).toMatchObject({ status: 'succeeded', attempts: 2, error: null });
      spy.mockRejectedValue(new Error('connection reset'));
      expect(await runJob('deadline-sweep')).toMatchObject({ status: 'failed', attempts: 3, error: 'connection reset' });
      spy.mockRestore();
    });

    it('should skip a run while another session holds the job lock', async () => {
      const runner = t.db.createQueryRunner();
      await runner.connect();
      try {
        await runner.query(`SELECT pg_advisory_lock(735100, hashtext('deadline-sweep'))`);
        expect(await runJob('deadline-sweep')).toMatchObject({ status: 'skipped', error: 'another instance is running this job' });
      } finally {
        await runner.query(`SELECT pg_advisory_unlock(735100, hashtext('deadline-sweep'))`);
        await runner.release();
      }
    });
  });

  describe('two processes on one database', () => {
    it('should run a scheduled slot exactly once when two API processes fire it together', async () => {
      await createRequest('PROC-1', ago(30));
      const slot = new Date(Math.floor(Date.now() / 60_000) * 60_000 - 7 * 60_000).toISOString(); // a slot of its own
      const databaseUrl = withDatabase(process.env.TEST_SERVER_URL!, t.database);
      const startAt = String(Date.now() + 8000); // after both have booted
      const runIn = () =>
        promisify(execFile)(
          process.execPath,
          ['-r', '@swc-node/register', join(__dirname, 'support/run-job.ts'), databaseUrl, 'deadline-sweep', slot],
          {
            env: { ...process.env, SWC_NODE_PROJECT: join(__dirname, '../tsconfig.json'), START_AT: startAt, NODE_OPTIONS: '' },
            cwd: join(__dirname, '../..'),
          },
        );
      const outputs = await Promise.all([runIn(), runIn()]);
      const runs = outputs.map((o) => JSON.parse(o.stdout));
      expect(runs.filter((r) => r !== null)).toEqual([expect.objectContaining({ job: 'deadline-sweep', status: 'succeeded' })]);
      const [{ n }] = await t.db.query(
        `SELECT count(*)::int AS n FROM request_events e JOIN requests r ON r.id = e.request_id WHERE r.reference = 'PROC-1' AND e.kind = 'escalated'`,
      );
      expect(n).toBe(1);
    }, 60_000);
  });

  describe('shutdown', () => {
    it('should let a run under way finish before the app closes, and start no new one meanwhile', async () => {
      const closing = await createTestApp({}, { shareDatabase: t.database });
      const runner = closing.app.get(JobRunner);
      let release!: () => void;
      const gate = new Promise<void>((resolve) => (release = resolve));
      const slow: Job = {
        name: 'slow-test-job',
        description: 'waits for the test',
        schedule: () => null,
        run: async () => (await gate, { done: 1 }),
      };
      const run = runner.run(slow, 'manual');
      while ((await t.db.query(`SELECT 1 FROM job_runs WHERE job = 'slow-test-job'`)).length === 0)
        await new Promise((r) => setTimeout(r, 20));

      let closed = false;
      const close = closing.app.close().then(() => (closed = true));
      await new Promise((r) => setTimeout(r, 300));
      expect(closed).toBe(false);
      await expect(runner.run(slow, 'manual')).resolves.toBeNull();
      release();
      await close;
      expect(await run).toMatchObject({ status: 'succeeded', counts: { done: 1 } });
    });
  });

  describe('two instances on one database', () => {
    it('should run a scheduled slot exactly once', async () => {
      const second = await createTestApp({ ESCALATION_GRACE_HOURS: '48' }, { shareDatabase: t.database });
      try {
        await createRequest('TWIN-1', ago(20));
        await createRequest('TWIN-2', ago(21));
        const jobOf = (app: TestApp) => (app.app.get(JOBS) as Job[]).find((j) => j.name === 'deadline-sweep')!;
        const slot = new Date(Math.floor(Date.now() / 60_000) * 60_000);
        const results = await Promise.all([
          t.app.get(JobRunner).run(jobOf(t), 'schedule', { slot }),
          second.app.get(JobRunner).run(jobOf(second), 'schedule', { slot }),
        ]);
        expect(results.filter((r) => r !== null)).toHaveLength(1);
        const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM job_runs WHERE job = 'deadline-sweep' AND slot = $1`, [
          slot.toISOString().slice(0, 16),
        ]);
        expect(n).toBe(1);
        const [{ escalations }] = await t.db.query(
          `SELECT count(*)::int AS escalations FROM request_events e JOIN requests r ON r.id = e.request_id WHERE r.reference LIKE 'TWIN-%' AND e.kind = 'escalated'`,
        );
        expect(escalations).toBe(2);
      } finally {
        await second.close();
      }
    });
  });

  describe('removal re-check', () => {
    let server: Server;
    let base: string;
    const seen: { path: string; method: string; headers: IncomingHttpHeaders }[] = [];

    beforeAll(async () => {
      server = createServer((req, res) => {
        seen.push({ path: req.url!, method: req.method!, headers: req.headers });
        const status = { '/gone': 404, '/gone-410': 410, '/blocked': 451, '/broken': 500 }[req.url!] ?? 200;
        res.writeHead(status, { 'Content-Type': 'text/html' });
        res.end(req.url === '/taken-down' ? '<h1>Post not found</h1>' : '<h1>a post</h1>');
      });
      await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    afterAll(() => new Promise((ok) => server.close(ok)));

    it('should classify each answer, record one item_checked event per request, and contact only allowed hosts', async () => {
      const paths = ['/gone', '/gone-410', '/blocked', '/alive', '/taken-down', '/broken'];
      const request = await createRequest(
        'RECHECK-1',
        ago(2),
        paths.map((p) => ({ url: `${base}${p}` })),
      );
      const elsewhere = await createRequest('RECHECK-2', ago(2), [{ url: `http://localhost:${new URL(base).port}/not-allowed` }]);

      const run = await runJob('removal-recheck');
      expect(run).toMatchObject({ status: 'succeeded', counts: { checked: 6, recorded: 5 } });
      const after = (await t.http.get(`/api/requests/${request.id}`).set('Authorization', admin).expect(200)).body;
      expect(after.items.map((i: { url: string; state: string }) => [new URL(i.url).pathname, i.state])).toEqual([
        ['/gone', 'removed'],
        ['/gone-410', 'removed'],
        ['/blocked', 'geo_blocked'],
        ['/alive', 'still_online'],
        ['/taken-down', 'removed'],
        ['/broken', 'pending'],
      ]);
      expect(await eventsOf(request.id)).toEqual(['sent', 'item_checked']);
      expect(await eventsOf(elsewhere.id)).toEqual(['sent']);
      expect(seen.some((s) => s.path === '/not-allowed')).toBe(false);
      expect(seen.find((s) => s.path === '/gone')).toMatchObject({ method: 'HEAD' });
      expect(seen.filter((s) => s.path === '/alive').map((s) => s.method)).toEqual(['HEAD', 'GET']);
      expect(seen[0].headers['user-agent']).toMatch(/^PlatformComplianceTracker\/1\.0 \(removal re-check/);
    });
  });

  describe('scheduled reports', () => {
    it("should queue the last month's report once, however often the job runs", async () => {
      expect((await runJob('monthly-report')).counts).toEqual({ queued: 1 });
      expect((await runJob('monthly-report')).counts).toEqual({ queued: 0 });
      const [report] = await t.db.query(`SELECT schedule_slot, period_from, period_to FROM reports WHERE schedule_slot LIKE 'monthly:%'`);
      const now = new Date();
      const from = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
      expect(report).toEqual({
        schedule_slot: `monthly:${from.toISOString().slice(0, 7)}`,
        period_from: from,
        period_to: new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1)),
      });
    });

    it('should catch up on the months missed since the last scheduled report', async () => {
      const now = new Date();
      const fourMonthsAgo = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 4, 1)).toISOString().slice(0, 7);
      await t.db.query(`UPDATE reports SET schedule_slot = $1 WHERE schedule_slot LIKE 'monthly:%'`, [`monthly:${fourMonthsAgo}`]);
      expect((await runJob('monthly-report')).counts).toEqual({ queued: 3 });
    });
  });

  it('should list the jobs and their runs to admins only', async () => {
    const jobs = (await t.http.get('/api/jobs').set('Authorization', admin).expect(200)).body;
    expect(jobs.map((j: { name: string }) => j.name)).toEqual([
      'deadline-sweep',
      'removal-recheck',
      'monthly-report',
      'quarterly-report',
      'renotice',
      'public-snapshot',
    ]);
    expect(jobs[0].lastRun).toMatchObject({ job: 'deadline-sweep' });
    const runs = await t.http
      .get('/api/jobs/runs')
      .query({ filter: JSON.stringify({ status: 'failed' }) })
      .set('Authorization', admin)
      .expect(200);
    expect(runs.body.every((r: { status: string }) => r.status === 'failed')).toBe(true);
    await t.http.get('/api/jobs').set('Authorization', regulator).expect(403);
    await t.http.post('/api/jobs/deadline-sweep/run').set('Authorization', regulator).expect(403);
    await t.http.post('/api/jobs/nothing/run').set('Authorization', admin).expect(404);
  });
});

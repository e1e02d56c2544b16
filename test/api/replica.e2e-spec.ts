import { Writable } from 'node:stream';
import { UsersService } from '../../api/src/users/users.service';
import { startReplication, type Replication } from './support/replication';
import { createTestApp, PASSWORD, type TestApp } from './support/test-app';

// A primary and a hot standby of its own (pg_basebackup -R), made from the machine's PostgreSQL server
// binaries, with the app reading from the standby. Replay is paused on the standby to make it see
// less than the primary: what a read then returns says where it was read.
const MAX_LAG_S = 3;
const FRESH = 'WRITTEN-WHILE-PAUSED';

describe('reads from a streaming replica', () => {
  let rep: Replication;
  let t: TestApp;
  let other: TestApp;
  const logs: string[] = [];
  let writer: string;
  let reader: string;
  let agencyId: number;
  let telegram: number;
  let freshId: number;
  let freshCookie: string;
  let lastCaughtUp = 0;

  const appEnv = () => ({
    DATABASE_REPLICA_URL: rep.standby.url('tracker'),
    DATABASE_REPLICA_MAX_LAG_SECONDS: String(MAX_LAG_S),
    LOG_LEVEL: 'warn',
  });

  beforeAll(async () => {
    rep = await startReplication('tracker');
    const logDestination = new Writable({
      write(chunk, _encoding, done) {
        logs.push(...String(chunk).split('\n').filter(Boolean));
        done();
      },
    });
    t = await createTestApp(appEnv(), { databaseUrl: rep.primary.url('tracker'), logDestination });
    // A second instance on the same servers: it knows nothing of the first one's writers but their cookie.
    // (Nest's logger is one per process: both write to the same lines.)
    other = await createTestApp(appEnv(), { databaseUrl: rep.primary.url('tracker'), logDestination });
    writer = await t.token('admin');
    reader = await t.token('regulator');
    telegram = (await t.db.query(`SELECT id FROM platforms WHERE slug = 'telegram'`))[0].id;
    agencyId = (
      await t.http
        .post('/api/agencies')
        .set('Authorization', `Bearer ${writer}`)
        .send({ name: 'Korean National Police Agency', kind: 'police', country: 'KR' })
        .expect(201)
    ).body.id;
  }, 60_000);

  afterAll(async () => {
    await other?.close();
    await t?.close();
    rep?.destroy();
  });

  const get = (path: string, token: string, options: { app?: TestApp; cookie?: string } = {}) => {
    const call = (options.app ?? t).http.get(path).set('Authorization', `Bearer ${token}`);
    return options.cookie ? call.set('Cookie', options.cookie) : call;
  };
  const references = async (token: string, options: { app?: TestApp; cookie?: string } = {}): Promise<string[]> =>
    (await get('/api/requests?range=[0,999]', token, options).expect(200)).body.map((r: { reference: string }) => r.reference);
  const exported = async (token: string) => (await get('/api/exports/requests.csv', token).expect(200)).text;
  const sentTo = async (token: string, platformId: number) =>
    (await get('/api/stats/responsiveness', token).expect(200)).body.find((r: { platformId: number }) => r.platformId === platformId)
      ?.sent ?? 0;
  const health = async () => (await t.http.get('/api/health/ready').expect(200)).body.replica;
  const createRequest = (reference: string) =>
    t.http
      .post('/api/requests')
      .set('Authorization', `Bearer ${writer}`)
      .send({
        platformId: telegram,
        agencyId,
        type: 'removal',
        category: 'ncii',
        channel: 'email',
        reference,
        sentAt: '2024-03-01T00:00:00Z',
        items: [{ url: 'https://t.me/a/1' }],
      })
      .expect(201);

  const until = async (what: string, check: () => Promise<boolean>, ms = 15_000) => {
    const deadline = Date.now() + ms;
    while (!(await check())) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 25));
    }
  };
  /** The standby has replayed everything the primary has written so far. */
  const caughtUp = async () => {
    const [{ lsn }] = await rep.primary.query<{ lsn: string }>('SELECT pg_current_wal_lsn()::text AS lsn');
    await until('the standby to catch up', async () => {
      const [{ ok }] = await rep.standby.query<{ ok: boolean }>(`SELECT pg_last_wal_replay_lsn() >= '${lsn}'::pg_lsn AS ok`);
      return ok;
    });
  };
  /** Caught up, and the app has seen it so (a read looks at the replica). */
  const replicaFresh = async () => {
    await caughtUp();
    await until('the app to see the replica up', async () => (await health()).state === 'up');
    await references(reader);
    lastCaughtUp = Date.now();
  };
  const pauseReplay = async () => {
    await rep.standby.query('SELECT pg_wal_replay_pause()');
    await until('replay to pause', async () => {
      const [{ state }] = await rep.standby.query<{ state: string }>('SELECT pg_get_wal_replay_pause_state() AS state');
      return state === 'paused';
    });
  };
  const resumeReplay = () => rep.standby.query('SELECT pg_wal_replay_resume()');

  it("should answer lists, statistics and exports from the replica, and a writer's own reads from the primary", async () => {
    await createRequest('BEFORE');
    await replicaFresh();
    const sentBefore = await sentTo(reader, telegram);
    await pauseReplay();

    const created = await createRequest(FRESH);
    freshId = created.body.id;
    freshCookie = String(([] as string[]).concat(created.headers['set-cookie'] ?? []).find((c) => c.startsWith('tracker-read-after=')));
    expect(freshCookie).toMatch(/^tracker-read-after=[0-9A-F]+\/[0-9A-F]+; Max-Age=\d+; Path=\/api; HttpOnly; SameSite=Strict$/);

    // Another user reads the replica, which has not replayed the write: the list, the export, the statistics.
    expect(await references(reader)).toEqual(['BEFORE']);
    expect(await exported(reader)).not.toContain(FRESH);
    expect(await sentTo(reader, telegram)).toBe(sentBefore);
    // The writer reads from the primary until the replica has replayed their write.
    expect((await references(writer)).sort()).toEqual(['BEFORE', FRESH]);
    expect(await exported(writer)).toContain(FRESH);
    expect(await sentTo(writer, telegram)).toBe(sentBefore + 1);
    // A record the replica does not have yet is read again on the primary rather than answered 404.
    expect((await get(`/api/requests/${freshId}`, reader).expect(200)).body.reference).toBe(FRESH);
    // Another instance knows the writer by their cookie only.
    expect(await references(writer, { app: other })).toEqual(['BEFORE']);
    expect((await references(writer, { app: other, cookie: freshCookie.split(';')[0] })).sort()).toEqual(['BEFORE', FRESH]);
    // All that within the maximum lag, or the reads above would not have been the replica's.
    expect(Date.now() - lastCaughtUp).toBeLessThan(MAX_LAG_S * 1000);
    expect(await health()).toMatchObject({ state: 'up' });
  });

  it('should send everyone to the primary once the replica is further behind than the maximum lag', async () => {
    // Replay is still paused: the replica's data is as of lastCaughtUp.
    await until('the reader to be sent to the primary', async () => (await references(reader)).includes(FRESH), 10_000);
    const switchedAfterMs = Date.now() - lastCaughtUp;
    expect(switchedAfterMs).toBeGreaterThanOrEqual(MAX_LAG_S * 1000);
    // Looked at every 200 ms while reads come: the switch follows the limit closely.
    expect(switchedAfterMs).toBeLessThan(MAX_LAG_S * 1000 + 1000);
    console.log(`replica lag detected ${switchedAfterMs - MAX_LAG_S * 1000} ms after it passed the maximum (${MAX_LAG_S} s)`);
    expect(await health()).toMatchObject({ state: 'lagging' });
    expect(logs.some((l) => l.includes('the read replica is behind by more than the maximum'))).toBe(true);

    await resumeReplay();
    await replicaFresh();
    expect((await references(reader)).sort()).toEqual(['BEFORE', FRESH]);
  });

  it('should read from the primary while the replica is down, and from the replica again once it is back', async () => {
    rep.standby.stop();
    const down = Date.now();
    // No error for the user: the same answers, from the primary.
    expect((await references(reader)).sort()).toEqual(['BEFORE', FRESH]);
    expect(await exported(reader)).toContain(FRESH);
    expect(await health()).toMatchObject({ state: 'down', lagSeconds: null });
    expect(logs.some((l) => l.includes('the read replica is unreachable'))).toBe(true);
    await createRequest('WRITTEN-WHILE-DOWN');
    expect(await references(reader)).toContain('WRITTEN-WHILE-DOWN');
    // An instance starting meanwhile starts all the same (TypeORM would connect to a configured replica first).
    const starting = await createTestApp(appEnv(), { databaseUrl: rep.primary.url('tracker') });
    try {
      expect(await references(reader, { app: starting })).toContain('WRITTEN-WHILE-DOWN');
      expect((await starting.http.get('/api/health/ready').expect(200)).body).toMatchObject({ database: 'up', replica: { state: 'down' } });
    } finally {
      await starting.close();
    }

    rep.standby.start();
    await until('the app to use the replica again', async () => {
      await references(reader);
      return (await health()).state === 'up';
    });
    console.log(`replica back in use ${Date.now() - down} ms after it was stopped (including its restart)`);

    // It serves reads again: with replay paused, a new write is invisible to the reader.
    await replicaFresh();
    await pauseReplay();
    await createRequest('WRITTEN-AFTER-RESTART');
    expect(await references(reader)).not.toContain('WRITTEN-AFTER-RESTART');
    expect(await references(writer)).toContain('WRITTEN-AFTER-RESTART');
    await resumeReplay();
  });

  it('should send no write to the replica, and answer every marked read there', async () => {
    // A reader who has written nothing, with every permission (the audit log, the evidence).
    const email = 'auditor@test.local';
    await t.app.get(UsersService).create({ email, password: PASSWORD, name: 'Auditor', role: 'admin' }, null);
    const auditor = (await t.http.post('/api/auth/login').send({ email, password: PASSWORD }).expect(200)).body.accessToken;
    await replicaFresh();
    const before = rep.standby.log().length;
    const paths = [
      '/api/agencies',
      `/api/agencies/${agencyId}`,
      '/api/platforms',
      `/api/platforms/${telegram}`,
      '/api/consultations',
      '/api/requests',
      `/api/requests/${freshId}`,
      `/api/requests/${freshId}/events`,
      `/api/requests/${freshId}/evidence.zip`,
      '/api/messages',
      '/api/cross-check',
      '/api/cross-check/dsa-table3.csv',
      '/api/exports/requests.csv',
      '/api/exports/requests.xlsx',
      '/api/exports/open-data',
      '/api/stats/responsiveness',
      '/api/stats/responsiveness/series',
      '/api/stats/responsiveness/breakdown?by=type',
      '/api/stats/responsiveness/km',
      '/api/stats/content',
      '/api/stats/overdue',
      '/api/reminders',
      '/api/reports',
      '/api/published-figures',
      '/api/audit',
      '/api/audit/verify',
    ];
    for (const path of paths) {
      const res = await get(path, auditor);
      expect([path, res.status]).toEqual([path, 200]);
    }
    const served = rep.standby.log().slice(before);
    // Each of them ran on the replica (the standby logs every statement with the connection's application name).
    expect(served).toMatch(/tracker-replica-reads .*FROM "?audit_log/);
    expect(served).toMatch(/tracker-replica-reads .*request_items/);

    // Over the whole test: the standby was never sent a write, nor a transaction, and refused nothing.
    const standbyLog = rep.standby.log();
    expect(standbyLog).not.toMatch(
      /(statement|execute [^:]*): \s*(INSERT|UPDATE|DELETE|MERGE|TRUNCATE|COPY \S+ FROM|START TRANSACTION|BEGIN)\b/i,
    );
    expect(standbyLog).not.toMatch(/read-only transaction/);
    expect(logs.filter((l) => l.includes('tried to write inside a replica read'))).toEqual([]);
  });
});

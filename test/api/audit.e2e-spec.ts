import { DataSource } from 'typeorm';
import { AuditService } from '../../api/src/audit/audit.service';
import { dataSourceOptions } from '../../api/src/database/data-source-options';
import { MIGRATIONS } from '../../migrations';
import { AuditChain1795400000000 } from '../../migrations/1795400000000-AuditChain';
import { adminQuery, withDatabase } from './support/database';
import { createTestApp, type TestApp } from './support/test-app';

/** The audit log is append-only in the database and a hash chain that GET /api/audit/verify recomputes. */
describe('audit log chain', () => {
  const verify = async (t: TestApp) =>
    (
      await t.http
        .get('/api/audit/verify')
        .set('Authorization', `Bearer ${await t.token('admin')}`)
        .expect(200)
    ).body;
  const count = async (t: TestApp): Promise<number> => (await t.db.query('SELECT count(*)::int AS n FROM audit_log'))[0].n;

  /** Audited writes through the API: one create per agency. */
  async function createAgencies(t: TestApp, names: string[]): Promise<void> {
    const admin = `Bearer ${await t.token('admin')}`;
    await Promise.all(
      names.map((name) => t.http.post('/api/agencies').set('Authorization', admin).send({ name, kind: 'ngo' }).expect(201)),
    );
  }

  describe('written through the app', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp();
    });
    afterAll(() => t.close());

    it('should chain every write, in seq order, and verify it intact', async () => {
      await createAgencies(t, ['Chain one']);
      const admin = `Bearer ${await t.token('admin')}`;
      const [agency] = await t.db.query(`SELECT id FROM agencies WHERE name = 'Chain one'`);
      const read = await t.http.get(`/api/agencies/${agency.id}`).set('Authorization', admin).expect(200);
      await t.http
        .put(`/api/agencies/${agency.id}`)
        .set('Authorization', admin)
        .send({ ...read.body, country: 'KR' })
        .expect(200);
      await t.http.delete(`/api/agencies/${agency.id}`).set('Authorization', admin).expect(200);

      const rows: { seq: string; prev_hash: string | null; hash: string; action: string }[] = await t.db.query(
        'SELECT seq, prev_hash, hash, action FROM audit_log ORDER BY seq',
      );
      expect(rows.map((r) => r.action)).toEqual(expect.arrayContaining(['login', 'create', 'update', 'delete']));
      rows.forEach((row, i) => {
        expect(Number(row.seq)).toBe(i + 1);
        expect(row.hash).toMatch(/^[0-9a-f]{64}$/);
        expect(row.prev_hash).toBe(i === 0 ? null : rows[i - 1].hash);
      });
      expect(await verify(t)).toEqual({
        intact: true,
        checked: rows.length,
        lastSeq: rows.length,
        lastHash: rows[rows.length - 1].hash,
        firstBroken: null,
      });
    });

    it('should chain a multi-row INSERT row by row, whatever the session time zone and date style', async () => {
      await t.db.transaction(async (em) => {
        await em.query(`SET LOCAL TimeZone = 'Asia/Kathmandu'`);
        await em.query(`SET LOCAL DateStyle = 'SQL, DMY'`);
        await em.query(`INSERT INTO audit_log (action, entity, entity_id, after)
                        SELECT 'import', 'requests', CASE WHEN g % 2 = 0 THEN '' END, jsonb_build_object('n', g, 'q', 'it''s') FROM generate_series(1, 50) g`);
      });
      expect(await verify(t)).toMatchObject({ intact: true, checked: await count(t), firstBroken: null });
    });

    it('should refuse UPDATE, DELETE and TRUNCATE of the log, even from the app owner', async () => {
      const before = await count(t);
      await expect(t.db.query(`UPDATE audit_log SET action = 'nothing happened'`)).rejects.toThrow(
        /audit_log is append-only: UPDATE is not allowed/,
      );
      await expect(t.db.query('DELETE FROM audit_log WHERE seq = 1')).rejects.toThrow(/audit_log is append-only: DELETE is not allowed/);
      await expect(t.db.query('TRUNCATE audit_log')).rejects.toThrow(/audit_log is append-only: TRUNCATE is not allowed/);
      expect(await count(t)).toBe(before);
      expect((await verify(t)).intact).toBe(true);
    });

    it('should keep one unbroken chain under 20 concurrent writes', async () => {
      const before = await count(t);
      await createAgencies(
        t,
        Array.from({ length: 20 }, (_, i) => `Concurrent ${i}`),
      );
      const after = await count(t);
      expect(after).toBe(before + 20);
      const [last] = await t.db.query('SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1');
      expect(await verify(t)).toEqual({ intact: true, checked: after, lastSeq: after, lastHash: last.hash, firstBroken: null });
    });

    it.each(['regulator', 'analyst', 'liaison'] as const)('should answer 403 to the %s role', async (role) => {
      await t.http
        .get('/api/audit/verify')
        .set('Authorization', `Bearer ${await t.token(role)}`)
        .expect(403);
    });
  });

  // A superuser can switch the triggers off for a session (session_replication_role = replica):
  // the chain is what shows it afterwards. A fresh database for each.
  describe('tampered with behind the triggers', () => {
    let t: TestApp;
    let entries: { seq: number; id: number; hash: string }[];
    beforeEach(async () => {
      t = await createTestApp();
      await createAgencies(t, ['Victim Support NGO', 'KCSC', 'KNPA', 'Cyber unit', 'Hotline']);
      entries = (await t.db.query('SELECT seq::int, id::int, hash FROM audit_log ORDER BY seq')).map(
        (r: { seq: number; id: number; hash: string }) => r,
      );
      expect(entries.length).toBeGreaterThanOrEqual(6);
      expect((await verify(t)).intact).toBe(true);
    });
    afterEach(() => t.close());

    const tamper = (sql: string, params: unknown[]) =>
      t.db.transaction(async (em) => {
        await em.query('SET LOCAL session_replication_role = replica');
        await em.query(sql, params);
      });

    it('should name an entry whose content was changed', async () => {
      const victim = entries[3];
      await tamper(`UPDATE audit_log SET after = jsonb_set(after, '{name}', '"Someone else"') WHERE id = $1`, [victim.id]);
      expect(await verify(t)).toEqual({
        intact: false,
        checked: entries.length,
        lastSeq: entries.length,
        lastHash: entries[entries.length - 1].hash,
        firstBroken: { seq: victim.seq, id: victim.id, reason: 'hash mismatch' },
      });
    });

    it('should name an entry that was deleted from the middle', async () => {
      const victim = entries[2];
      await tamper('DELETE FROM audit_log WHERE id = $1', [victim.id]);
      expect(await verify(t)).toEqual({
        intact: false,
        checked: entries.length - 1,
        lastSeq: entries.length,
        lastHash: entries[entries.length - 1].hash,
        firstBroken: { seq: victim.seq, id: null, reason: 'entry missing' },
      });
    });

    it('should name the entry after one that was changed and given a fresh hash', async () => {
      const victim = entries[1];
      await tamper(`UPDATE audit_log SET after = '{"name": "Forged"}' WHERE id = $1`, [victim.id]);
      await tamper('UPDATE audit_log a SET hash = audit_log_hash(a) WHERE id = $1', [victim.id]);
      const next = entries[2];
      expect((await verify(t)).firstBroken).toEqual({ seq: next.seq, id: next.id, reason: 'link to previous entry broken' });
    });
  });

  describe('a log that has entries when it is migrated', () => {
    const database = `tracker_audit_chain_${process.pid}`;
    const url = withDatabase(process.env.TEST_SERVER_URL!, database);
    beforeAll(() => adminQuery(process.env.TEST_SERVER_URL!, `CREATE DATABASE ${database}`));
    afterAll(() => adminQuery(process.env.TEST_SERVER_URL!, `DROP DATABASE IF EXISTS ${database} WITH (FORCE)`));

    it('should chain the entries already there, in id order', async () => {
      const earlier = MIGRATIONS.slice(0, MIGRATIONS.indexOf(AuditChain1795400000000));
      const old = await new DataSource({ ...dataSourceOptions(url), migrations: earlier }).initialize();
      await old.runMigrations();
      await old.query(`INSERT INTO audit_log (id, at, action, entity, entity_id, after) VALUES
        (3, '2024-03-01T00:00:00Z', 'create', 'agencies', '7', '{"name": "KCSC"}'),
        (1, '2024-01-01T00:00:00Z', 'login', 'users', '1', NULL),
        (2, '2024-02-01T00:00:00Z', 'update', 'agencies', '', '{}')`);
      await old.query(`SELECT setval('audit_log_id_seq', 3)`);
      await old.destroy();

      const migrated = await new DataSource(dataSourceOptions(url)).initialize();
      try {
        await migrated.runMigrations();
        const rows = await migrated.query('SELECT id::int, seq::int, prev_hash FROM audit_log ORDER BY seq');
        expect(rows.map((r: { id: number; seq: number }) => [r.id, r.seq])).toEqual([
          [1, 1],
          [2, 2],
          [3, 3],
        ]);
        expect(rows[0].prev_hash).toBeNull();
        await migrated.query(`INSERT INTO audit_log (action, entity) VALUES ('login', 'users')`);
        expect(await new AuditService(migrated).verifyChain()).toMatchObject({ intact: true, checked: 4, lastSeq: 4, firstBroken: null });
      } finally {
        await migrated.destroy();
      }
    });
  });
});

import { Client } from 'pg';
import { createTestDatabase } from './support/database';
import { type Dovecot, startDovecot } from './support/mail-servers';
import { type ServerProcess, startServer } from './support/server-process';

/**
 * The poller in real processes against a real Dovecot: one killed with SIGKILL in the middle of a
 * poll, then two instances polling the same mailbox. Every message is stored exactly once and, in
 * the end, marked seen.
 */
describe('the mailbox poller as processes', () => {
  const MESSAGES = 300;
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let db: Client;
  let dovecot: Dovecot;
  const stored = async () => Number((await db.query(`SELECT count(*) AS n FROM messages WHERE direction = 'in'`)).rows[0].n);

  beforeAll(async () => {
    [database, dovecot] = await Promise.all([createTestDatabase(), startDovecot()]);
    db = new Client({ connectionString: database.url });
    await db.connect();
    const mails = Array.from({ length: MESSAGES }, (_, i) =>
      [
        'From: Someone <someone@platform.test>',
        'To: requests@kcsc.test',
        `Subject: Message ${i}`,
        `Message-ID: <m${i}@platform.test>`,
        '',
        `Body ${i}`,
        '',
      ].join('\r\n'),
    );
    await dovecot.appendAll(mails);
  }, 120_000);
  afterAll(async () => {
    await db?.end();
    await database?.drop();
    dovecot?.stop();
  });

  it('should store every message once after a kill -9 mid-poll and with two instances polling', async () => {
    const env = { JOBS_ENABLED: 'true', IMAP_URL: dovecot.url, IMAP_POLL_SECONDS: '5' };
    const first = await startServer(database.url, env);
    let n = 0;
    for (let i = 0; i < 600 && n === 0; i++) {
      n = await stored();
      if (n === 0) await new Promise((r) => setTimeout(r, 25));
    }
    first.child.kill('SIGKILL');
    await first.exited;
    const atKill = await stored();
    expect(atKill).toBeGreaterThan(0);
    expect(atKill).toBeLessThan(MESSAGES);

    const instances: ServerProcess[] = await Promise.all([startServer(database.url, env), startServer(database.url, env)]);
    try {
      for (let i = 0; i < 600 && (await stored()) < MESSAGES; i++) await new Promise((r) => setTimeout(r, 100));
      // Another round of polls finds nothing new.
      await new Promise((r) => setTimeout(r, 6_000));
      expect(await stored()).toBe(MESSAGES);
      const [{ keys, uids }] = (
        await db.query(
          `SELECT count(DISTINCT dedupe_key)::int AS keys, count(DISTINCT uid)::int AS uids FROM messages WHERE direction = 'in'`,
        )
      ).rows;
      expect({ keys, uids }).toEqual({ keys: MESSAGES, uids: MESSAGES });
      const flags = await dovecot.flags();
      expect(flags.filter((m) => !m.seen)).toEqual([]);
    } finally {
      for (const server of instances) server.child.kill('SIGTERM');
      await Promise.all(instances.map((s) => s.exited));
    }
  }, 180_000);
});

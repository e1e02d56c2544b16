import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ImapFlow } from 'imapflow';
import { SMTPServer } from 'smtp-server';
import { freePort } from '../../../api/src/database/free-port';

export interface Dovecot {
  port: number;
  url: string;
  /** Puts a message in the mailbox (IMAP APPEND), as a platform's reply arriving; by default a second from now (Dovecot keeps whole seconds). */
  append(raw: string | Buffer, internalDate?: Date): Promise<void>;
  /** Many messages in one session. */
  appendAll(raws: string[]): Promise<void>;
  /** The UIDs and flags in INBOX. */
  flags(): Promise<{ uid: number; seen: boolean }[]>;
  stop(): void;
}

/**
 * A real Dovecot IMAP server from Debian, run from a throwaway configuration in a temporary folder on a
 * loopback port. As root, Dovecot refuses to keep mail as root: the mail belongs to `nobody`.
 */
export async function startDovecot(): Promise<Dovecot> {
  const dir = mkdtempSync(join(tmpdir(), 'dovecot-'));
  chmodSync(dir, 0o755);
  const port = await freePort();
  const home = join(dir, 'home');
  execFileSync('mkdir', ['-p', home]);
  execFileSync('chown', ['nobody:nogroup', home]);
  writeFileSync(join(dir, 'passwd'), `tracker:{PLAIN}mail-password-1::::::\n`);
  writeFileSync(
    join(dir, 'dovecot.conf'),
    `protocols = imap
listen = 127.0.0.1
base_dir = ${dir}/run
state_dir = ${dir}/state
log_path = ${dir}/dovecot.log
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
default_internal_user = nobody
default_internal_group = nogroup
default_login_user = nobody
first_valid_uid = 1
mail_location = maildir:~/Maildir
passdb {
  driver = passwd-file
  args = scheme=PLAIN ${dir}/passwd
}
userdb {
  driver = static
  args = uid=nobody gid=nogroup home=${home}
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = ${port}
  }
  inet_listener imaps {
    port = 0
  }
}
service pop3-login {
  inet_listener pop3 {
    port = 0
  }
  inet_listener pop3s {
    port = 0
  }
}
service anvil {
  chroot =
}
service imap-login {
  chroot =
}
`,
  );
  // The master forks into the background: with its output piped, spawnSync would wait for it forever.
  const started = spawnSync('/usr/sbin/dovecot', ['-c', join(dir, 'dovecot.conf')], { stdio: 'ignore' });
  if (started.status !== 0) throw new Error(`dovecot did not start (exit ${started.status}); see ${dir}/dovecot.log`);
  const auth = { user: 'tracker', pass: 'mail-password-1' };
  const client = async <T>(work: (c: ImapFlow) => Promise<T>): Promise<T> => {
    const c = new ImapFlow({ host: '127.0.0.1', port, secure: false, auth, logger: false });
    for (let attempt = 0; ; attempt++) {
      try {
        await c.connect();
        break;
      } catch (err) {
        if (attempt > 40) throw err;
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    try {
      return await work(c);
    } finally {
      await c.logout();
    }
  };
  await client(async () => undefined);
  return {
    port,
    url: `imap://tracker:mail-password-1@127.0.0.1:${port}/INBOX`,
    append: (raw, internalDate = new Date(Math.ceil(Date.now() / 1000) * 1000 + 1000)) =>
      client(async (c) => void (await c.append('INBOX', raw, [], internalDate))),
    appendAll: (raws) =>
      client(async (c) => {
        for (const raw of raws) await c.append('INBOX', raw);
      }),
    flags: () =>
      client(async (c) => {
        await c.mailboxOpen('INBOX');
        const out: { uid: number; seen: boolean }[] = [];
        if ((c.mailbox as { exists: number }).exists === 0) return out;
        for await (const m of c.fetch('1:*', { uid: true, flags: true })) out.push({ uid: m.uid, seen: !!m.flags?.has('\\Seen') });
        return out;
      }),
    stop() {
      try {
        const pid = Number(readFileSync(join(dir, 'run', 'master.pid'), 'utf8'));
        // A pid file can outlive its master, and pids come round again (pid_max is 32768 here): signal
        // the pid only while it is still dovecot, never whatever took the number since.
        if (readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === 'dovecot') process.kill(pid, 'SIGTERM');
      } catch {
        // already stopped
      }
      setTimeout(() => rmSync(dir, { recursive: true, force: true }), 500).unref();
    },
  };
}

export interface SmtpSink {
  port: number;
  url: string;
  /** What the server accepted: envelope and exact bytes. */
  received: { from: string; to: string[]; raw: Buffer; acceptedAt: Date }[];
  /** Refuse the next messages with this reply (e.g. a full mailbox), or accept again with null. */
  refuse: string | null;
  stop(): Promise<void>;
}

/** A real SMTP server (the smtp-server package) standing in for the platform's mail host. */
export async function startSmtp(): Promise<SmtpSink> {
  const port = await freePort();
  const sink: SmtpSink = {
    port,
    url: `smtp://127.0.0.1:${port}`,
    received: [],
    refuse: null,
    stop: () => new Promise((r) => server.close(() => r())),
  };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        if (sink.refuse) return callback(Object.assign(new Error(sink.refuse), { responseCode: 550 }));
        sink.received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks),
          acceptedAt: new Date(),
        });
        callback();
      });
    },
  });
  await new Promise<void>((r) => server.listen(port, '127.0.0.1', () => r()));
  return sink;
}

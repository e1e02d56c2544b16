import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ImapFlow } from 'imapflow';
import { DataSource, type EntityManager } from 'typeorm';
import { ADVISORY_LOCKS } from '../../../domain/src';
import { Environment } from '../config/environment';
import { Inbound } from './inbound';
import { MailboxCursor } from './mailbox-cursor.entity';
import { headerBlock } from './parsing';

export interface PollCounts {
  /** false: another instance was polling, this one did nothing. */
  polled: boolean;
  stored: number;
  duplicates: number;
}

/** The parts of IMAP_URL: imap(s)://user:pass@host:port/MAILBOX. */
export function imapSettings(url: string) {
  const u = new URL(url);
  return {
    host: u.hostname,
    port: Number(u.port) || (u.protocol === 'imaps:' ? 993 : 143),
    secure: u.protocol === 'imaps:',
    auth: { user: decodeURIComponent(u.username), pass: decodeURIComponent(u.password) },
    mailbox: decodeURIComponent(u.pathname.replace(/^\//, '')) || 'INBOX',
  };
}

/**
 * Reads new mail from IMAP_URL every IMAP_POLL_SECONDS. One instance polls at a time (a session
 * advisory lock). Each message is stored, with the cursor (UIDVALIDITY, last UID) moved in the same
 * transaction, before it is marked \Seen: a crash can leave a stored message unseen (the next poll
 * marks it), never a seen one unstored; the cursor and the Message-ID keep a restart or a second
 * instance from storing anything twice.
 */
@Injectable()
export class InboundPoller implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('InboundPoller');
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly inbound: Inbound,
    private readonly env: Environment,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.env.IMAP_URL || !this.env.JOBS_ENABLED) return;
    this.timer = setInterval(
      () => void this.poll().catch((err) => this.logger.error(`poll failed: ${err}`)),
      this.env.IMAP_POLL_SECONDS * 1000,
    );
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running?.catch(() => undefined);
  }

  poll(): Promise<PollCounts> {
    const run = this.pollLocked();
    this.running = run;
    return run;
  }

  private async pollLocked(): Promise<PollCounts> {
    if (!this.env.IMAP_URL) return { polled: false, stored: 0, duplicates: 0 };
    const lock = this.dataSource.createQueryRunner();
    await lock.connect();
    try {
      const [{ locked }] = await lock.query('SELECT pg_try_advisory_lock($1) AS locked', [ADVISORY_LOCKS.mailPoll]);
      if (!locked) return { polled: false, stored: 0, duplicates: 0 };
      try {
        return await this.read(imapSettings(this.env.IMAP_URL));
      } finally {
        await lock.query('SELECT pg_advisory_unlock($1)', [ADVISORY_LOCKS.mailPoll]);
      }
    } finally {
      await lock.release();
    }
  }

  private async read(settings: ReturnType<typeof imapSettings>): Promise<PollCounts> {
    const client = new ImapFlow({ host: settings.host, port: settings.port, secure: settings.secure, auth: settings.auth, logger: false });
    await client.connect();
    const counts = { polled: true, stored: 0, duplicates: 0 };
    try {
      const box = await client.mailboxOpen(settings.mailbox);
      const uidValidity = String(box.uidValidity);
      const cursors = this.dataSource.getRepository(MailboxCursor);
      const cursor = await cursors.findOneBy({ mailbox: settings.mailbox });
      // A new UIDVALIDITY renumbers the mailbox: read it all again; the Message-IDs keep what is stored from coming twice.
      const lastUid = cursor && cursor.uidValidity === uidValidity ? Number(cursor.lastUid) : 0;
      if (box.exists === 0) return counts;
      // What a crash left stored but unseen (between the commit and the flag) is marked now.
      if (lastUid > 0) await client.messageFlagsAdd(`1:${lastUid}`, ['\\Seen'], { uid: true });
      const max = this.env.MAIL_MAX_BYTES;
      const pending: { uid: number; size: number; internalDate: Date }[] = [];
      for await (const m of client.fetch(`${lastUid + 1}:*`, { uid: true, size: true, internalDate: true }, { uid: true })) {
        if (m.uid > lastUid) pending.push({ uid: m.uid, size: m.size ?? 0, internalDate: new Date(m.internalDate as Date) });
      }
      for (const m of pending.sort((a, b) => a.uid - b.uid)) {
        // Larger than the limit: only the headers are read and kept, with a note of the size.
        const fetched = await client.fetchOne(String(m.uid), m.size > max ? { headers: true } : { source: true }, { uid: true });
        if (!fetched) continue;
        const raw = m.size > max ? headerBlock(fetched.headers!, max) : fetched.source!;
        const moveCursor = (em: EntityManager) =>
          em.query(
            `INSERT INTO mailbox_cursors (mailbox, uid_validity, last_uid, updated_at) VALUES ($1, $2, $3, now())
             ON CONFLICT (mailbox) DO UPDATE SET uid_validity = $2, last_uid = $3, updated_at = now()`,
            [settings.mailbox, uidValidity, m.uid],
          );
        const { duplicate } = await this.inbound.receive(
          {
            raw,
            receivedAt: m.internalDate,
            ...(m.size > max ? { original: { size: m.size, sha256: null } } : {}),
            mailbox: { name: settings.mailbox, uidValidity, uid: String(m.uid) },
          },
          { alsoInTransaction: moveCursor },
        );
        if (duplicate) counts.duplicates++;
        else counts.stored++;
        await client.messageFlagsAdd(String(m.uid), ['\\Seen'], { uid: true });
      }
    } finally {
      await client.logout().catch(() => undefined);
    }
    return counts;
  }
}

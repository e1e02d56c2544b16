import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { invalid } from '../common/errors/domain-error';
import type { Actor } from '../common/http/access';
import { classify } from './classification';
import { DkimVerifier } from './dkim';
import { Filing } from './filing';
import { matchRequest } from './matching';
import { Message } from './message.entity';
import { toMessageAudit } from './message.dto';
import { parseMail, sha256 } from './parsing';

/** A mail as it came in, from the mailbox or an upload. */
export interface Arrival {
  /** The bytes kept: the whole mail, or its headers when it was larger than MAIL_MAX_BYTES. */
  raw: Buffer;
  /** The mailbox's receipt time (IMAP INTERNALDATE). Unknown for an upload: the topmost Received: stamp, else now. */
  receivedAt?: Date;
  /** Set when only the headers were kept: the whole mail's size (and SHA-256, when it was read). */
  original?: { size: number; sha256: string | null };
  /** Where it was read, for a mailbox: the cursor's position and the UID that keeps it from being read twice. */
  mailbox?: { name: string; uidValidity: string; uid: string };
}

export interface Received {
  message: Message;
  /** Already stored (the same Message-ID, or the same bytes): nothing was written. */
  duplicate: boolean;
}

/**
 * Every received mail goes through here, whether the poller read it or a person uploaded it: parse,
 * classify, check DKIM, match, store it whole, then record on the request what it means. Storing comes
 * first and is the one thing that must succeed: the raw bytes are the evidence.
 */
@Injectable()
export class Inbound {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly dkim: DkimVerifier,
    private readonly filing: Filing,
  ) {}

  async receive(
    arrival: Arrival,
    options: { requestId?: number; actor?: Actor | null; alsoInTransaction?: (em: EntityManager) => Promise<void> } = {},
  ): Promise<Received> {
    const mail = await parseMail(arrival.raw);
    const { classification, bounceReason, returnedMessageId } = classify(mail);
    const dkim = arrival.original ? { dkim: 'none' as const, domain: null } : await this.dkim.check(arrival.raw);
    const hash = sha256(arrival.raw);
    const notes = [
      mail.unreadable,
      arrival.original &&
        `larger than the limit: ${arrival.original.size} bytes${arrival.original.sha256 ? ` (SHA-256 ${arrival.original.sha256})` : ''}; only the headers were kept`,
    ].filter(Boolean);
    const actor = options.actor ?? null;

    const stored = await this.dataSource.transaction(async (em) => {
      let requestId: number | null = null;
      if (options.requestId !== undefined) {
        const [request] = await em.query('SELECT id FROM requests WHERE id = $1', [options.requestId]);
        if (!request) throw invalid('requestId', `${options.requestId} does not match any request`, 'record.unknown_reference');
        requestId = options.requestId;
      } else if (classification !== 'unreadable') {
        requestId = await matchRequest(em, mail, returnedMessageId);
      }
      const dedupeKey = mail.messageId ?? `sha256:${hash}`;
      const result = await em
        .createQueryBuilder()
        .insert()
        .into(Message)
        .values({
          direction: 'in',
          requestId,
          messageId: mail.messageId,
          inReplyTo: mail.inReplyTo,
          references: mail.references,
          fromAddress: mail.from,
          toAddress: mail.to,
          subject: mail.subject,
          claimedDate: mail.claimedDate,
          receivedAt: arrival.receivedAt ?? mail.receivedStamp ?? new Date(),
          sha256: hash,
          size: arrival.raw.length,
          raw: arrival.raw,
          truncated: !!arrival.original,
          dkim: dkim.dkim,
          dkimDomain: dkim.domain,
          classification,
          status: requestId ? 'filed' : 'triage',
          bodyText: mail.text,
          attachments: mail.attachments,
          note: notes.length ? notes.join('; ') : null,
          bounceReason,
          mailbox: arrival.mailbox?.name ?? null,
          uidValidity: arrival.mailbox?.uidValidity ?? null,
          uid: arrival.mailbox?.uid ?? null,
          dedupeKey,
          createdById: actor?.id ?? null,
        })
        .orIgnore()
        .returning('id')
        .execute();
      await options.alsoInTransaction?.(em);
      const id: number | undefined = result.raw[0]?.id;
      if (id === undefined) {
        return { message: await em.findOneByOrFail(Message, { dedupeKey }), duplicate: true };
      }
      const message = await em.findOneByOrFail(Message, { id });
      await this.audit.record(
        { userId: actor?.id ?? null, action: 'receive', entity: 'messages', entityId: id, after: toMessageAudit(message) },
        em,
      );
      return { message, duplicate: false };
    });
    if (!stored.duplicate && stored.message.status === 'filed') await this.filing.recordOnRequest(stored.message, actor);
    return stored;
  }
}

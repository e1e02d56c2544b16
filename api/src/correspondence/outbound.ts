import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import nodemailer from 'nodemailer';
import { DataSource } from 'typeorm';
import { ADVISORY_LOCK_NAMESPACES, dueAt, type EventKind, type Language, slaHoursFor } from '../../../domain/src';
import { Agency } from '../agencies/agency.entity';
import { AuditService } from '../audit/audit.service';
import { conflict, DomainError, invalid, notFound } from '../common/errors/domain-error';
import type { Actor } from '../common/http/access';
import { Environment } from '../config/environment';
import { Platform } from '../platforms/platform.entity';
import type { RequestEvent } from '../requests/request-event.entity';
import { PlatformRequest } from '../requests/request.entity';
import { RequestsService } from '../requests/requests.service';
import { Message } from './message.entity';
import { toMessageAudit } from './message.dto';
import { composeMail } from './composition';
import { sha256 } from './parsing';
import { requestSubject, requestText } from './templates';

export interface Dispatched {
  message: Message;
  /** The `sent` or `reminder_sent` event, at the SMTP server's acceptance; null when only prepared (no SMTP_URL). */
  event: RequestEvent | null;
}

/** The address part of MAIL_FROM ("Name <a@b>" or "a@b"). */
const addressOf = (from: string) => from.match(/<([^<>]+)>\s*$/)?.[1] ?? from.trim();

/**
 * Outbound mail: builds a request's e-mail from its template, stores the exact bytes with their
 * Message-ID first, then hands them to the SMTP server and records the event at the moment the server
 * accepted them. Without SMTP_URL the message stays prepared, to download and send by hand.
 */
@Injectable()
export class Outbound {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly requests: RequestsService,
    private readonly audit: AuditService,
    private readonly env: Environment,
  ) {}

  /**
   * The request's mail: a draft's first dispatch (recorded as `sent`), or again after a bounce
   * (`reminder_sent`, in the same thread). `reminder` numbers a re-notice.
   */
  async dispatch(
    requestId: number,
    options: { language?: Language; note?: string; reminder?: number },
    actor: Actor | null,
  ): Promise<Dispatched> {
    const lock = this.dataSource.createQueryRunner();
    await lock.connect();
    try {
      const [{ locked }] = await lock.query('SELECT pg_try_advisory_lock($1, $2) AS locked', [
        ADVISORY_LOCK_NAMESPACES.mailDispatch,
        requestId,
      ]);
      if (!locked) throw conflict('mail.dispatch_in_progress', `request ${requestId}'s e-mail is being sent right now`);
      try {
        return await this.dispatchLocked(requestId, options, actor);
      } finally {
        await lock.query('SELECT pg_advisory_unlock($1, $2)', [ADVISORY_LOCK_NAMESPACES.mailDispatch, requestId]);
      }
    } finally {
      await lock.release();
    }
  }

  private async dispatchLocked(
    requestId: number,
    options: { language?: Language; note?: string; reminder?: number },
    actor: Actor | null,
  ): Promise<Dispatched> {
    const em = this.dataSource.manager;
    const request = await em.findOne(PlatformRequest, { where: { id: requestId }, relations: { items: true } });
    if (!request) throw notFound('request', requestId);
    const open = request.status === 'sent' || request.status === 'acknowledged';
    let kind: EventKind;
    if (options.reminder && open) kind = 'reminder_sent';
    else if (!options.reminder && request.status === 'draft') kind = 'sent';
    // Sent again after a bounce: in the same thread, as a reminder, so that the first dispatch stays the date that counts.
    else if (!options.reminder && open && request.deliveryFailedAt) kind = 'reminder_sent';
    else {
      throw conflict(
        'mail.not_dispatchable',
        `request ${requestId} is ${request.status}; only a draft, or a request whose e-mail bounced, can be e-mailed`,
        {
          status: request.status,
        },
      );
    }
    const platform = await em.findOneByOrFail(Platform, { id: request.platformId });
    const agency = await em.findOneByOrFail(Agency, { id: request.agencyId });
    const to = platform.mailTo?.[request.type];
    if (!to) {
      throw invalid('platformId', `${platform.name} has no e-mail address for ${request.type} requests`, 'mail.no_address', {
        platform: platform.name,
        type: request.type,
      });
    }
    // Earlier mail of the request: a re-send or a reminder goes in the same thread.
    const earlier = await em.find(Message, { where: { requestId, direction: 'out' }, order: { id: 'ASC' } });
    const thread = earlier.map((m) => m.messageId).filter((id): id is string => !!id);
    const slaHours = slaHoursFor(platform, request.type, request.category);
    // A reminder speaks the language of the first e-mail; a first e-mail the one asked for, else English.
    const language = options.language ?? earlier.find((m) => m.language)?.language ?? 'en';
    const mail = {
      language,
      reference: request.reference,
      type: request.type,
      category: request.category,
      platform: platform.name,
      agency: agency.name,
      legalBasis: agency.legalBasis,
      dueAt: request.dueAt ?? dueAt(new Date(), slaHours),
      slaHours,
      urls: [...(request.items ?? [])].sort((a, b) => a.id - b.id).map((i) => i.url),
      note: options.note ?? null,
      ...(options.reminder && request.sentAt ? { reminder: { number: options.reminder, firstSentAt: request.sentAt } } : {}),
    };
    const from = this.env.MAIL_FROM;
    const messageId = `<${randomUUID()}@${addressOf(from).split('@')[1]}>`;
    const subject = requestSubject(mail);
    const raw = await composeMail({ from, to, subject, text: requestText(mail), messageId, date: new Date(), thread });
    const message = await this.dataSource.transaction(async (tx) => {
      const saved = await tx.save(
        tx.create(Message, {
          direction: 'out',
          requestId,
          messageId,
          inReplyTo: thread[thread.length - 1] ?? null,
          references: thread,
          fromAddress: from,
          toAddress: to,
          subject,
          claimedDate: null,
          receivedAt: null,
          sha256: sha256(raw),
          size: raw.length,
          raw,
          dkim: 'none',
          classification: 'human',
          status: 'filed',
          bodyText: requestText(mail),
          language,
          createdById: actor?.id ?? null,
        }),
      );
      await this.audit.record(
        { userId: actor?.id ?? null, action: 'prepare', entity: 'messages', entityId: saved.id, after: toMessageAudit(saved) },
        tx,
      );
      return saved;
    });
    if (!this.env.SMTP_URL) return { message, event: null };

    try {
      await nodemailer.createTransport(this.env.SMTP_URL).sendMail({ envelope: { from: addressOf(from), to: [to] }, raw });
    } catch (err) {
      const reason = (err instanceof Error ? err.message : String(err)).slice(0, 300);
      await this.dataSource.getRepository(Message).update({ id: message.id }, { note: `not sent: ${reason}` });
      throw new DomainError('mail.send_failed', `the mail server did not accept the e-mail: ${reason}`, undefined, { reason });
    }
    // The server's acceptance (the reply to DATA) is the moment the request left us.
    const acceptedAt = new Date();
    await this.dataSource.getRepository(Message).update({ id: message.id }, { receivedAt: acceptedAt });
    message.receivedAt = acceptedAt;
    const event = await this.requests.recordEvent(
      requestId,
      { kind, occurredAt: acceptedAt.toISOString(), note: `E-mailed to ${to}`, messageId: message.id },
      actor,
      true,
    );
    return { message, event };
  }
}

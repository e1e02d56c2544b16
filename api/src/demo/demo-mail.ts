import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { dueAt, type Language, slaHoursFor } from '../../../domain/src';
import { composeMail } from '../correspondence/composition';
import { Message } from '../correspondence/message.entity';
import { sha256 } from '../correspondence/parsing';
import { requestSubject, requestText } from '../correspondence/templates';
import type { Platform } from '../platforms/platform.entity';
import type { DemoRequest } from './demo-history';

/** Where the demo platforms take requests by e-mail: reserved `.example` domains, so that nothing real is ever written to. */
const DEMO_MAIL_TO: Record<string, string> = {
  telegram: 'abuse@telegram.example',
  x: 'legal-requests@x.example',
  facebook: 'records@facebook.example',
  instagram: 'records@instagram.example',
  youtube: 'legal-removals@youtube.example',
  tiktok: 'lawenforcement@tiktok.example',
};

const LEGAL_BASIS: Record<string, string> = {
  'Korea Communications Standards Commission':
    'Article 44-7 of the Act on Promotion of Information and Communications Network Utilization and Information Protection',
  'Korean National Police Agency': 'Article 199(2) of the Criminal Procedure Act (requests for cooperation in an investigation)',
};

const AGENCY_MAILBOX = 'Requests desk <requests@tracker.example>';
const PLATFORM_REPLY = (platform: string) =>
  `Thank you for your request. We have reviewed the material you reported and taken action under our policies.\nFor further correspondence please keep this thread.\n\n${platform} Trust & Safety`;

/** One stored message, built from its parts the way the app builds and keeps mail. */
async function message(
  direction: 'in' | 'out',
  requestId: number | null,
  parts: { from: string; to: string; subject: string; text: string; date: Date; thread: string[]; domain: string },
): Promise<Partial<Message>> {
  const messageId = `<${randomUUID()}@${parts.domain}>`;
  const raw = await composeMail({ ...parts, messageId });
  return {
    direction,
    requestId,
    messageId,
    inReplyTo: parts.thread[parts.thread.length - 1] ?? null,
    references: parts.thread,
    fromAddress: parts.from,
    toAddress: parts.to,
    subject: parts.subject,
    claimedDate: direction === 'in' ? parts.date : null,
    receivedAt: parts.date,
    sha256: sha256(raw),
    size: raw.length,
    raw,
    dkim: direction === 'in' ? 'pass' : 'none',
    dkimDomain: direction === 'in' ? parts.from.split('@')[1] : null,
    classification: 'human',
    status: requestId ? 'filed' : 'triage',
    bodyText: parts.text,
    dedupeKey: direction === 'in' ? messageId : null,
  };
}

/**
 * The demo's e-mail threads, so that a new user sees the feature at once: the seven 2020 requests to
 * Telegram and their reminders (unanswered), answered threads with other platforms (the reply is the
 * message the acknowledgement was recorded from), and one message waiting in triage.
 */
export async function seedDemoMail(
  em: EntityManager,
  platforms: Map<string, Platform>,
  history: DemoRequest[],
  requestIds: number[],
  eventIds: number[][],
): Promise<void> {
  for (const [slug, address] of Object.entries(DEMO_MAIL_TO)) {
    const platform = platforms.get(slug);
    if (platform) {
      await em.query(`UPDATE platforms SET mail_to = jsonb_build_object('removal', $1::text, 'investigation', $1::text) WHERE id = $2`, [
        address,
        platform.id,
      ]);
    }
  }
  for (const [name, basis] of Object.entries(LEGAL_BASIS))
    await em.query('UPDATE agencies SET legal_basis = $1 WHERE name = $2', [basis, name]);

  const telegramCase = history.flatMap((r, i) => (r.reference.startsWith('KNPA-2020-TG-') ? [i] : []));
  const answered = history
    .flatMap((r, i) => (r.platform !== 'telegram' && r.channel === 'email' && r.events.some((e) => e.kind === 'acknowledged') ? [i] : []))
    .slice(-8);
  const links: { eventId: number; index: number }[] = [];
  const rows: Partial<Message>[] = [];
  for (const i of [...telegramCase, ...answered]) {
    const r = history[i];
    const platform = platforms.get(r.platform)!;
    const slaHours = slaHoursFor(platform, r.type, r.category);
    const language: Language = 'en';
    const thread: string[] = [];
    let reminder = 0;
    for (const [k, event] of r.events.entries()) {
      const base = {
        language,
        reference: r.reference,
        type: r.type,
        category: r.category,
        platform: platform.name,
        agency: r.agency,
        legalBasis: LEGAL_BASIS[r.agency] ?? null,
        dueAt: dueAt(r.sentAt, slaHours),
        slaHours,
        urls: r.items.map((item) => item.url),
        note: null,
      };
      let row: Partial<Message> | null = null;
      if (event.kind === 'sent' || event.kind === 'reminder_sent') {
        const mail = event.kind === 'sent' ? base : { ...base, reminder: { number: ++reminder, firstSentAt: r.sentAt } };
        row = await message('out', requestIds[i], {
          from: AGENCY_MAILBOX,
          to: DEMO_MAIL_TO[r.platform],
          subject: requestSubject(mail),
          text: requestText(mail),
          date: event.occurredAt,
          thread: [...thread],
          domain: 'tracker.example',
        });
      } else if (event.kind === 'acknowledged') {
        row = await message('in', requestIds[i], {
          from: DEMO_MAIL_TO[r.platform],
          to: AGENCY_MAILBOX,
          subject: `Re: ${requestSubject(base)}`,
          text: PLATFORM_REPLY(platform.name),
          date: event.occurredAt,
          thread: [...thread],
          domain: DEMO_MAIL_TO[r.platform].split('@')[1],
        });
      }
      if (!row) continue;
      thread.push(row.messageId!);
      links.push({ eventId: eventIds[i][k], index: rows.length });
      rows.push(row);
    }
  }
  rows.push(
    await message('in', null, {
      from: 'Support <support@unknown-host.example>',
      to: AGENCY_MAILBOX,
      subject: 'Question about your notice',
      text: 'Hello, we received a notice from your office but cannot find the reference. Which content is concerned?',
      date: new Date(Date.UTC(2025, 0, 15, 3, 0)),
      thread: [],
      domain: 'unknown-host.example',
    }),
  );
  const ids = (await em.insert(Message, rows as never)).identifiers.map((row) => Number(row.id));
  for (const { eventId, index } of links) await em.query('UPDATE request_events SET message_id = $1 WHERE id = $2', [ids[index], eventId]);
}

import type { MessageClassification } from '../../../domain/src';
import { messageIds, type ParsedMail } from './parsing';

export interface Classified {
  classification: MessageClassification;
  /** A bounce's reason, from its delivery-status report or its first lines. */
  bounceReason: string | null;
  /** The Message-ID of the mail a bounce returns, read from the returned headers. */
  returnedMessageId: string | null;
}

/** Subjects of automatic replies and of ticket systems' receipts (Zendesk, Freshdesk, Salesforce and the like). */
const AUTOMATIC_SUBJECTS = [
  /^\s*(automatic reply|auto[- ]?reply|auto[- ]?response|out of (the )?office|abwesend|réponse automatique|자동\s*회신|자동\s*응답|balasan otomatis)\b/i,
  /\b(request|ticket|case|report)\s*(#\s*[\w-]+\s*)?(has been\s*)?(received|created|opened|logged)\b/i,
  /\bwe('ve| have) received your (request|report|message|e-?mail|submission)\b/i,
  /^\s*\[?(received|receipt|acknowledg(e)?ment)( of your)?\b/i,
];

const BOUNCE_SENDER = /^(.*<)?(mailer-daemon|postmaster|mail-daemon)@/i;
const BOUNCE_SUBJECT =
  /(undeliver|not delivered|delivery (status )?notification|delivery (has )?failed|failure notice|returned mail|mail delivery (failed|subsystem))/i;

function isAutomatic(mail: ParsedMail): boolean {
  const h = mail.headers;
  const autoSubmitted = h.get('auto-submitted');
  if (autoSubmitted && autoSubmitted.trim().toLowerCase() !== 'no') return true;
  if (h.has('x-autoreply') || h.has('x-autorespond') || h.has('x-autoresponse')) return true;
  if (/^\s*auto_reply\s*$/i.test(h.get('precedence') ?? '')) return true;
  return AUTOMATIC_SUBJECTS.some((re) => re.test(mail.subject ?? ''));
}

function bounceReason(mail: ParsedMail): string | null {
  // mailparser may give the delivery-status part as an attachment or fold it into the text.
  const status = mail.reportParts.find((p) => /delivery-status/i.test(p.contentType))?.text ?? mail.text ?? '';
  const diagnostic = status.match(/^Diagnostic-Code:\s*(?:[\w-]+;\s*)?(.+(?:\r?\n[ \t].+)*)/im)?.[1];
  const code = status.match(/^Status:\s*([245]\.\d{1,3}\.\d{1,3})/im)?.[1];
  const reason = diagnostic?.replace(/\s+/g, ' ').trim() ?? (code ? `status ${code}` : null);
  if (reason) return reason.slice(0, 500);
  const firstLines = (mail.text ?? '')
    .split(/\r?\n/)
    .filter((l) => l.trim())
    .slice(0, 3)
    .join(' ');
  return firstLines ? firstLines.slice(0, 500) : null;
}

/**
 * What a received mail is. A delivery-status report (or a mailer daemon's failure notice) is a bounce;
 * an automatic reply is marked by its headers (RFC 3834 Auto-Submitted, X-Autoreply, Precedence) or a
 * ticket system's receipt subject; anything else from a person is a reply. Nothing is guessed from the body.
 */
export function classify(mail: ParsedMail): Classified {
  if (mail.unreadable) return { classification: 'unreadable', bounceReason: null, returnedMessageId: null };
  const report = /^multipart\/report/i.test(mail.contentType ?? '') && /report-type\s*=\s*"?delivery-status/i.test(mail.contentType ?? '');
  if (report || (BOUNCE_SENDER.test(mail.from ?? '') && BOUNCE_SUBJECT.test(mail.subject ?? ''))) {
    const returned = mail.reportParts.filter((p) => !/delivery-status/i.test(p.contentType)).map((p) => p.text);
    const header = [...returned, mail.text ?? ''].map((t) => t.match(/^Message-ID:\s*(<[^<>\s]+>)/im)?.[1]).find(Boolean);
    return { classification: 'bounce', bounceReason: bounceReason(mail), returnedMessageId: messageIds(header ?? null)[0] ?? null };
  }
  return { classification: isAutomatic(mail) ? 'auto_reply' : 'human', bounceReason: null, returnedMessageId: null };
}

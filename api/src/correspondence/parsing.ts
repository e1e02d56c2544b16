import { createHash } from 'node:crypto';
import { type AddressObject, type Attachment, simpleParser } from 'mailparser';

/** Beyond these, a message is not parsed (it is kept raw, as unreadable): a stranger's mail must not cost us a parse of any size. */
export const MIME_LIMITS = { multiparts: 50, parts: 500 } as const;
/** How much of a body is kept as text for reading in the console. */
const MAX_TEXT = 200_000;
const MAX_HEADER = 2_000;

export interface AttachmentInfo {
  /** The name the sender gave, made safe to show and to save: letters, digits, dot, dash and underscore. */
  fileName: string;
  contentType: string;
  size: number;
  sha256: string;
}

/** What the product reads out of a mail; the raw bytes stay the evidence. */
export interface ParsedMail {
  messageId: string | null;
  inReplyTo: string | null;
  references: string[];
  from: string | null;
  to: string | null;
  subject: string | null;
  claimedDate: Date | null;
  /** The date stamped by the topmost Received: header: the receiving server's time, not the sender's. */
  receivedStamp: Date | null;
  /** Header names in lower case, each with its values as text. */
  headers: Map<string, string>;
  contentType: string | null;
  text: string | null;
  /** Attached message parts a bounce may carry (delivery-status reports, returned headers), as text. */
  reportParts: { contentType: string; text: string }[];
  /** The attachments as listed (their bytes stay in the raw message and are served only as downloads). */
  attachments: AttachmentInfo[];
  /** Why the message could not be read, when it could not. */
  unreadable: string | null;
}

export const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

/** Text PostgreSQL can store, without control characters other than line breaks and tabs. */
export const cleanText = (value: string | null | undefined, max = MAX_HEADER): string | null => {
  if (value === null || value === undefined) return null;
  // Through UTF-8 and back: broken surrogate halves become U+FFFD.
  const cleaned = Buffer.from(value, 'utf8').toString('utf8').replace(CONTROL_CHARACTERS, '');
  return cleaned.length > max ? cleaned.slice(0, max) : cleaned;
};

/** Message-IDs as written in headers: `<id@host>`, several in References. */
export const messageIds = (value: string | string[] | null | undefined): string[] =>
  [value ?? []]
    .flat()
    .flatMap((v) => v.match(/<[^<>\s]{1,900}>/g) ?? [])
    .slice(0, 100);

const addressText = (value: AddressObject | AddressObject[] | undefined): string | null =>
  value
    ? cleanText(
        [value]
          .flat()
          .map((a) => a.text)
          .join(', '),
      )
    : null;

/** Counts multipart containers and part delimiters without parsing: a cheap guard before the real parser. */
function mimeShape(raw: Buffer): { multiparts: number; parts: number } {
  const text = raw.toString('latin1');
  const boundaries = new Set([...text.matchAll(/boundary\s*=\s*"?([^";\r\n]{1,200})"?/gi)].map((m) => m[1]));
  let parts = 0;
  for (const b of boundaries) parts += text.split(`\n--${b}`).length - 1;
  return { multiparts: boundaries.size, parts };
}

const unreadable = (reason: string, headers: Partial<ParsedMail> = {}): ParsedMail => ({
  messageId: null,
  inReplyTo: null,
  references: [],
  from: null,
  to: null,
  subject: null,
  claimedDate: null,
  receivedStamp: null,
  headers: new Map(),
  contentType: null,
  text: null,
  reportParts: [],
  attachments: [],
  ...headers,
  unreadable: reason,
});

/** A file name that cannot climb directories, hide an extension behind control characters, or run long. */
export const safeName = (name: string | null | undefined, fallback: string): string => {
  const base = (name ?? '')
    .split(/[\\/]/)
    .pop()!
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9._-]+/g, '_')
    .replace(/^[._]+/, '');
  return (base || fallback).slice(0, 100);
};

const attachmentInfo = (a: Attachment, i: number): AttachmentInfo => ({
  fileName: safeName(a.filename, `attachment-${i + 1}`),
  contentType: cleanText(a.contentType, 200) ?? 'application/octet-stream',
  size: a.content.length,
  sha256: sha256(a.content),
});

/** The bytes of one attachment of a stored mail, read again from its raw bytes. */
export async function attachmentOf(raw: Buffer, index: number): Promise<{ info: AttachmentInfo; content: Buffer } | null> {
  const attachments = (await simpleParser(raw, { skipImageLinks: true, skipTextLinks: true })).attachments ?? [];
  const a = attachments[index];
  return a ? { info: attachmentInfo(a, index), content: a.content } : null;
}

const isReport = (a: Attachment) =>
  /^(message\/(delivery-status|rfc822|global-headers|global-delivery-status)|text\/rfc822-headers)/i.test(a.contentType);

/** Reads a raw mail. Never throws: what cannot be read comes back with `unreadable` set and whatever headers were found. */
export async function parseMail(raw: Buffer): Promise<ParsedMail> {
  const shape = mimeShape(raw);
  if (shape.multiparts > MIME_LIMITS.multiparts || shape.parts > MIME_LIMITS.parts) {
    return unreadable(
      `not parsed: ${shape.multiparts} multipart containers and ${shape.parts} parts (limits ${MIME_LIMITS.multiparts} and ${MIME_LIMITS.parts})`,
    );
  }
  try {
    const mail = await simpleParser(raw, { skipImageLinks: true, skipTextLinks: true });
    const headers = new Map<string, string>();
    for (const [name, value] of mail.headers) {
      const text =
        typeof value === 'string' ? value : typeof value === 'object' && value && 'value' in value ? String(value.value) : String(value);
      headers.set(name.toLowerCase(), cleanText(text) ?? '');
    }
    const date = mail.date && !Number.isNaN(mail.date.getTime()) ? mail.date : null;
    const attachments = mail.attachments ?? [];
    const received = [mail.headers.get('received') ?? []].flat()[0];
    const stamp = typeof received === 'string' ? new Date(received.split(';').pop()!.trim()) : null;
    const messageId = messageIds(mail.messageId)[0] ?? null;
    if (!messageId && !mail.from && !mail.subject) return unreadable('no sender, subject or Message-ID could be read');
    return {
      messageId,
      inReplyTo: messageIds(mail.inReplyTo)[0] ?? null,
      references: messageIds(mail.references),
      from: addressText(mail.from),
      to: addressText(mail.to),
      subject: cleanText(mail.subject),
      claimedDate: date,
      receivedStamp: stamp && !Number.isNaN(stamp.getTime()) ? stamp : null,
      headers,
      contentType: headers.get('content-type') ?? null,
      // mailparser turns an HTML-only body into text; the HTML itself is never kept for display.
      text: cleanText(mail.text ?? null, MAX_TEXT),
      reportParts: attachments
        .filter(isReport)
        .map((a) => ({ contentType: a.contentType, text: cleanText(a.content.toString('utf8'), MAX_TEXT) ?? '' })),
      attachments: attachments.map(attachmentInfo),
      unreadable: null,
    };
  } catch (err) {
    return unreadable(`could not be parsed: ${cleanText(err instanceof Error ? err.message : String(err), 300)}`);
  }
}

/** The header block of a raw mail (up to the first empty line), for a message too large to keep whole. */
export function headerBlock(raw: Buffer, max: number): Buffer {
  const crlf = raw.indexOf('\r\n\r\n');
  const lf = raw.indexOf('\n\n');
  const ends = [crlf >= 0 ? crlf + 4 : -1, lf >= 0 ? lf + 2 : -1].filter((n) => n >= 0);
  const end = ends.length ? Math.min(...ends) : raw.length;
  return raw.subarray(0, Math.min(end, max));
}

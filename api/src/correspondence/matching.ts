import type { EntityManager } from 'typeorm';
import type { ParsedMail } from './parsing';

/** References written in square brackets in a subject, as our mail writes them: `[KCSC-2026-00013]`. */
const SUBJECT_REFERENCES = /\[([^[\]\r\n]{1,200})\]/g;

/**
 * The request a received mail belongs to: the thread first (In-Reply-To, then References from the
 * newest, then the returned mail of a bounce, against the Message-IDs we stored), then a request
 * reference in the subject when exactly one request has it. Null: it goes to triage.
 */
export async function matchRequest(em: EntityManager, mail: ParsedMail, returnedMessageId: string | null): Promise<number | null> {
  const ids = [mail.inReplyTo, ...[...mail.references].reverse(), returnedMessageId].filter((id): id is string => !!id);
  if (ids.length) {
    const rows: { messageId: string; requestId: number }[] = await em.query(
      `SELECT message_id AS "messageId", request_id AS "requestId" FROM messages WHERE message_id = ANY($1) AND request_id IS NOT NULL`,
      [ids],
    );
    const byId = new Map(rows.map((r) => [r.messageId, r.requestId]));
    const found = ids.map((id) => byId.get(id)).find((r) => r !== undefined);
    if (found !== undefined) return found;
  }
  const references = [...(mail.subject ?? '').matchAll(SUBJECT_REFERENCES)].map((m) => m[1].trim()).filter(Boolean);
  if (!references.length) return null;
  const requests: { id: number }[] = await em.query('SELECT id FROM requests WHERE reference = ANY($1) LIMIT 2', [references]);
  return requests.length === 1 ? requests[0].id : null;
}

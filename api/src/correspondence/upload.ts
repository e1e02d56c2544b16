import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import busboy from 'busboy';
import type { Request } from 'express';
import { DomainError, invalid } from '../common/errors/domain-error';
import { malformed } from '../common/http/upload';
import type { Arrival } from './inbound';
import { headerBlock } from './parsing';

export interface Upload {
  arrival: Arrival;
  requestId?: number;
}

/** Reads a mail from a stream, keeping at most `maxBytes`; past that only its headers, with the whole size and hash. */
async function capture(stream: Readable, maxBytes: number): Promise<Pick<Arrival, 'raw' | 'original'>> {
  const hash = createHash('sha256');
  const kept: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    hash.update(chunk);
    if (size < maxBytes) kept.push(chunk.subarray(0, maxBytes - size));
    size += chunk.length;
  }
  const raw = Buffer.concat(kept);
  if (size <= maxBytes) return { raw };
  return { raw: headerBlock(raw, maxBytes), original: { size, sha256: hash.digest('hex') } };
}

const requestIdOf = (value: unknown): number | undefined => {
  if (value === undefined || value === '') return undefined;
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < 1) throw invalid('requestId', 'must be a positive whole number');
  return n;
};

/**
 * An uploaded `.eml`: the body itself (message/rfc822, `?requestId=`) or a multipart form with a field
 * `file` and an optional field `requestId`.
 */
export async function readUpload(req: Request, maxBytes: number): Promise<Upload> {
  const type = String(req.headers['content-type'] ?? '');
  if (/^(message\/rfc822|application\/octet-stream)/i.test(type)) {
    const requestId = requestIdOf(req.query.requestId);
    const raw = await capture(req, maxBytes);
    if (raw.raw.length === 0) throw new DomainError('import.file_missing', 'file is missing: the body is empty', 'file');
    return { arrival: raw, requestId };
  }
  if (!type.startsWith('multipart/form-data')) {
    throw new DomainError('input.unsupported_media_type', 'send the e-mail as message/rfc822, or as a multipart form field named file');
  }
  return new Promise((ok, fail) => {
    let form: busboy.Busboy;
    try {
      form = busboy({ headers: req.headers, limits: { files: 1, fields: 5, fieldSize: 100 } });
    } catch (err) {
      return fail(malformed(err as Error));
    }
    const fields: Record<string, string> = {};
    let file: Promise<Pick<Arrival, 'raw' | 'original'>> | undefined;
    form.on('field', (name, value) => (fields[name] = value));
    form.on('file', (name, stream) => {
      if (name !== 'file') return void stream.resume();
      file = capture(stream, maxBytes);
      file.catch(() => undefined);
    });
    form.on('error', (err) => fail(malformed(err as Error)));
    form.on('close', async () => {
      try {
        if (!file) throw new DomainError('import.file_missing', 'file is missing: send the e-mail in a form field named file', 'file');
        const raw = await file;
        if (raw.raw.length === 0) throw new DomainError('import.file_missing', 'file is missing: the file is empty', 'file');
        ok({ arrival: raw, requestId: requestIdOf(fields.requestId ?? req.query.requestId) });
      } catch (err) {
        fail(err instanceof DomainError ? err : malformed(err as Error));
      }
    });
    req.pipe(form);
  });
}

import { PassThrough, type Readable } from 'node:stream';
import busboy from 'busboy';
import type { Request } from 'express';
import { DomainError } from '../errors/domain-error';

/** A multipart form that cannot be read: a 400 naming the file. */
export const malformed = (err: Error) =>
  new DomainError('import.malformed_form', `file cannot be read: the multipart form is malformed (${err.message})`, 'file');

/** The uploaded file of a multipart form, as a stream (never held in memory whole). A malformed form is a 400. */
function multipartFile(req: Request): Promise<Readable> {
  return new Promise((ok, fail) => {
    let form: busboy.Busboy;
    try {
      form = busboy({ headers: req.headers, limits: { files: 1 } });
    } catch (err) {
      return fail(malformed(err as Error)); // no boundary
    }
    form.on('file', (_name, file) => {
      // A form cut short fails the file stream, possibly before the import starts reading it: without a
      // listener that 'error' would end the process. The import reads the 400 from the stream instead.
      const out = new PassThrough().on('error', () => undefined);
      file.on('error', (err) => out.destroy(malformed(err)));
      ok(file.pipe(out));
    });
    form.on('error', (err) => fail(malformed(err as Error)));
    form.on('close', () =>
      fail(new DomainError('import.file_missing', 'file is missing: send the CSV in a form field named file', 'file')),
    );
    req.pipe(form);
  });
}

/** A CSV upload as a stream: the body itself (text/csv) or the form field named file (multipart). */
export async function uploadedFile(req: Request): Promise<Readable> {
  const type = String(req.headers['content-type'] ?? '');
  if (type.startsWith('multipart/form-data')) return multipartFile(req);
  if (/^(text\/csv|text\/plain|application\/octet-stream)/.test(type)) return req;
  throw new DomainError('input.unsupported_media_type', 'send the CSV as text/csv, or as a multipart form field named file');
}

/** The whole upload in memory, for files that are small by nature; past `maxBytes` it is a 413. */
export async function uploadedBytes(req: Request, maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of await uploadedFile(req)) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) throw new DomainError('input.too_large', `file is larger than ${maxBytes} bytes`, 'file');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

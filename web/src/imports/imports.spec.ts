import { errorsToCsv, formatBytes, linesWithErrors, normalizeErrors, progressPercent, readImportResponse } from './shaping';
import { UploadCancelled, uploadFile } from './upload';

describe('readImportResponse', () => {
  it('should read the counts of a successful import', () => {
    expect(readImportResponse(200, { created: 3, skipped: 0, errors: [] })).toEqual({ kind: 'imported', created: 3, skipped: 0 });
    expect(readImportResponse(201, { created: 0, skipped: 3, errors: [] })).toEqual({ kind: 'imported', created: 0, skipped: 3 });
  });

  it('should list the row errors of a rejected file in file order, with the number of lines at fault', () => {
    const body = {
      statusCode: 400,
      error: 'Bad Request',
      message: '2 rows have errors; nothing was imported',
      created: 0,
      skipped: 0,
      errors: [
        { line: 5, field: 'platform', message: "platform 'myspace' is not a known platform slug" },
        { line: 3, field: 'sentAt', message: 'sentAt must be an ISO-8601 date and time, e.g. 2024-03-01T09:30:00Z' },
        { line: 3, field: 'type', message: 'type must be one of removal, blocking, investigation, preservation' },
        { line: 5, message: 'the row has 13 cells; the header has 14' },
      ],
    };
    expect(readImportResponse(400, body)).toEqual({
      kind: 'rejected',
      rows: 2,
      message: '2 rows have errors; nothing was imported',
      errors: [
        { line: 3, field: 'type', message: 'type must be one of removal, blocking, investigation, preservation' },
        { line: 3, field: 'sentAt', message: 'sentAt must be an ISO-8601 date and time, e.g. 2024-03-01T09:30:00Z' },
        { line: 5, field: null, message: 'the row has 13 cells; the header has 14' },
        { line: 5, field: 'platform', message: "platform 'myspace' is not a known platform slug" },
      ],
    });
  });

  it('should treat a 400 without row errors as a file that could not be read', () => {
    expect(readImportResponse(400, { statusCode: 400, error: 'Bad Request', message: 'file is required' })).toEqual({
      kind: 'failed',
      reason: 'bad_request',
      status: 400,
      message: 'file is required',
    });
    // ValidationPipe-style messages come as a list.
    expect(readImportResponse(400, { message: ['a', 'b'] })).toMatchObject({ reason: 'bad_request', message: 'a; b' });
  });

  it('should name the other failures', () => {
    expect(readImportResponse(0, null)).toMatchObject({ kind: 'failed', reason: 'network', message: '' });
    expect(readImportResponse(401, { message: 'Unauthorized' })).toMatchObject({ reason: 'auth' });
    expect(readImportResponse(403, { message: 'Forbidden' })).toMatchObject({ reason: 'forbidden', message: 'Forbidden' });
    expect(readImportResponse(404, { message: 'Cannot POST /api/imports/requests' })).toMatchObject({ reason: 'not_found' });
    expect(readImportResponse(413, null)).toMatchObject({ reason: 'too_large', message: '' });
    expect(readImportResponse(415, {})).toMatchObject({ reason: 'unsupported' });
    expect(readImportResponse(500, { message: 'Internal server error' })).toMatchObject({ reason: 'server', status: 500 });
    expect(readImportResponse(502, 'Bad gateway')).toMatchObject({ reason: 'server', message: '' });
  });

  it('should not take a success without counts for an import', () => {
    expect(readImportResponse(200, null)).toMatchObject({ kind: 'failed', reason: 'server' });
    expect(readImportResponse(200, { created: '3', skipped: 0 })).toMatchObject({ kind: 'failed', reason: 'server' });
  });
});

describe('normalizeErrors', () => {
  it('should keep what can be shown of malformed entries', () => {
    expect(normalizeErrors([{ line: '7', field: '', message: 'x' }, null, 'oops', { message: 'no line' }])).toEqual([
      { line: 0, field: null, message: 'no line' },
      { line: 7, field: null, message: 'x' },
    ]);
    expect(normalizeErrors(undefined)).toEqual([]);
  });

  it('should put a column the format does not know after the known ones', () => {
    expect(
      normalizeErrors([
        { line: 2, field: 'extra', message: 'b' },
        { line: 2, field: 'itemState', message: 'a' },
      ]).map((e) => e.field),
    ).toEqual(['itemState', 'extra']);
  });

  it('should count each line once', () => {
    expect(
      linesWithErrors(
        normalizeErrors([
          { line: 2, message: 'a' },
          { line: 2, message: 'b' },
          { line: 9, message: 'c' },
        ]),
      ),
    ).toBe(2);
  });
});

describe('errorsToCsv', () => {
  it('should write one line per error, quoting what needs it', () => {
    expect(
      errorsToCsv([
        { line: 3, field: 'type', message: 'type must be one of removal, blocking' },
        { line: 4, field: null, message: 'say "hi"' },
      ]),
    ).toBe('line,column,message\r\n3,type,"type must be one of removal, blocking"\r\n4,,"say ""hi"""\r\n');
  });
});

describe('progressPercent', () => {
  it('should give whole percentages within 0..100, and null while the size is unknown', () => {
    expect(progressPercent(0, 1000)).toBe(0);
    expect(progressPercent(499, 1000)).toBe(49);
    expect(progressPercent(1000, 1000)).toBe(100);
    expect(progressPercent(1200, 1000)).toBe(100);
    expect(progressPercent(10, 0)).toBeNull();
  });
});

describe('formatBytes', () => {
  it('should pick a unit and the language format', () => {
    expect(formatBytes(820, 'en')).toBe('820 bytes');
    expect(formatBytes(1, 'en')).toBe('1 byte');
    expect(formatBytes(12_500, 'en')).toBe('12.5 kB');
    expect(formatBytes(3_140_000, 'en')).toBe('3.1 MB');
    expect(formatBytes(12_500, 'id')).toBe('12,5 kB');
  });
});

/** A stand-in for XMLHttpRequest that records what is sent and lets the test play the network. */
class FakeXhr {
  static last: FakeXhr;
  method = '';
  url = '';
  headers: Record<string, string> = {};
  body: unknown;
  status = 0;
  responseText = '';
  responseType = '';
  aborted = false;
  upload: { onprogress?: (e: { loaded: number; total: number; lengthComputable: boolean }) => void; onload?: () => void } = {};
  onload?: () => void;
  onerror?: () => void;
  ontimeout?: () => void;
  onabort?: () => void;
  constructor() {
    FakeXhr.last = this;
  }
  open(method: string, url: string) {
    this.method = method;
    this.url = url;
  }
  setRequestHeader(name: string, value: string) {
    this.headers[name] = value;
  }
  send(body: unknown) {
    this.body = body;
  }
  abort() {
    this.aborted = true;
    this.onabort?.();
  }
  respond(status: number, text: string) {
    this.status = status;
    this.responseText = text;
    this.onload?.();
  }
}

const createRequest = () => new FakeXhr() as unknown as XMLHttpRequest;

describe('uploadFile', () => {
  const file = new Blob(['agency,reference\r\n'], { type: 'text/csv' });

  it('should post the file itself as text/csv with the bearer token, and report progress', async () => {
    const progress: [number, number][] = [];
    let uploaded = false;
    const pending = uploadFile('/api/imports/requests', file, {
      authorization: 'Bearer abc',
      onProgress: ({ loaded, total }) => progress.push([loaded, total]),
      onUploaded: () => (uploaded = true),
      createRequest,
    });
    const xhr = FakeXhr.last;
    expect({ method: xhr.method, url: xhr.url, body: xhr.body, headers: xhr.headers }).toEqual({
      method: 'POST',
      url: '/api/imports/requests',
      body: file,
      headers: { 'Content-Type': 'text/csv', Accept: 'application/json', Authorization: 'Bearer abc' },
    });
    xhr.upload.onprogress?.({ loaded: 6, total: 18, lengthComputable: true });
    xhr.upload.onprogress?.({ loaded: 9, total: 0, lengthComputable: false });
    xhr.upload.onload?.();
    xhr.respond(200, '{"created":1,"skipped":0,"errors":[]}');
    await expect(pending).resolves.toEqual({ status: 200, body: { created: 1, skipped: 0, errors: [] } });
    expect(progress).toEqual([
      [6, 18],
      [9, file.size],
      [file.size, file.size],
    ]);
    expect(uploaded).toBe(true);
  });

  it('should give status 0 when the server cannot be reached, and a null body when it is not JSON', async () => {
    const offline = uploadFile('/x', file, { createRequest });
    FakeXhr.last.onerror?.();
    await expect(offline).resolves.toEqual({ status: 0, body: null });

    const proxy = uploadFile('/x', file, { createRequest });
    FakeXhr.last.respond(502, '<html>Bad gateway</html>');
    await expect(proxy).resolves.toEqual({ status: 502, body: null });
  });

  it('should abort the request when the signal fires', async () => {
    const controller = new AbortController();
    const pending = uploadFile('/x', file, { createRequest, signal: controller.signal });
    controller.abort();
    await expect(pending).rejects.toBeInstanceOf(UploadCancelled);
    expect(FakeXhr.last.aborted).toBe(true);
    await expect(uploadFile('/x', file, { createRequest, signal: controller.signal })).rejects.toBeInstanceOf(UploadCancelled);
  });
});

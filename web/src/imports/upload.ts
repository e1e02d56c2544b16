/**
 * Sends a file as the body of a POST with XMLHttpRequest, whose upload events report progress
 * (fetch has none for request bodies). The browser streams the File from disk.
 */

export interface UploadProgress {
  loaded: number;
  total: number;
}

export interface UploadOptions {
  /** The value of the Authorization header, e.g. "Bearer …". */
  authorization?: string;
  contentType?: string;
  /** Bytes sent so far, as the upload goes. */
  onProgress?: (progress: UploadProgress) => void;
  /** The whole body has been sent; the server is working on it. */
  onUploaded?: () => void;
  signal?: AbortSignal;
  /** For tests: the XMLHttpRequest to use. */
  createRequest?: () => XMLHttpRequest;
}

/** The HTTP status (0 when the server could not be reached) and the JSON body (null when there is none). */
export interface UploadResponse {
  status: number;
  body: unknown;
}

export class UploadCancelled extends Error {
  constructor() {
    super('The upload was cancelled');
    this.name = 'UploadCancelled';
  }
}

const parseJson = (text: string): unknown => {
  try {
    return text ? JSON.parse(text) : null;
  } catch {
    return null;
  }
};

export function uploadFile(url: string, file: Blob, options: UploadOptions = {}): Promise<UploadResponse> {
  const { authorization, contentType = 'text/csv', onProgress, onUploaded, signal, createRequest = () => new XMLHttpRequest() } = options;
  return new Promise<UploadResponse>((resolve, reject) => {
    if (signal?.aborted) {
      reject(new UploadCancelled());
      return;
    }
    const xhr = createRequest();
    const onAbortSignal = () => xhr.abort();
    const done = () => signal?.removeEventListener('abort', onAbortSignal);

    xhr.open('POST', url);
    xhr.responseType = 'text';
    xhr.setRequestHeader('Content-Type', contentType);
    xhr.setRequestHeader('Accept', 'application/json');
    if (authorization) xhr.setRequestHeader('Authorization', authorization);

    xhr.upload.onprogress = (event) => onProgress?.({ loaded: event.loaded, total: event.lengthComputable ? event.total : file.size });
    xhr.upload.onload = () => {
      onProgress?.({ loaded: file.size, total: file.size });
      onUploaded?.();
    };
    xhr.onload = () => {
      done();
      resolve({ status: xhr.status, body: parseJson(xhr.responseText) });
    };
    xhr.onerror = () => {
      done();
      resolve({ status: 0, body: null });
    };
    xhr.ontimeout = xhr.onerror;
    xhr.onabort = () => {
      done();
      reject(new UploadCancelled());
    };
    signal?.addEventListener('abort', onAbortSignal);
    xhr.send(file);
  });
}

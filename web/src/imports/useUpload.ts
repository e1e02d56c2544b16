import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useLogoutIfAccessDenied } from 'react-admin';
import type { ImportFailure } from './shaping';
import { type UploadOptions, UploadCancelled } from './upload';

/** The answer every import may give besides its own: it did not go through, and why. */
export type ImportFailed = { kind: 'failed'; reason: ImportFailure; status: number; message: string };

/** Where an upload stands: a file chosen, going up (with its progress), worked on by the server, answered, or cancelled. */
export type UploadPhase<O> =
  | { step: 'idle' }
  | { step: 'uploading'; loaded: number; total: number }
  | { step: 'processing' }
  | { step: 'done'; outcome: O }
  | { step: 'cancelled' };

/** Sends the chosen file and reads the answer; it may report progress, and stops when the signal aborts. */
export type SendFile<O> = (file: File, options: Pick<UploadOptions, 'onProgress' | 'onUploaded' | 'signal'>) => Promise<O>;

const NETWORK_FAILURE: ImportFailed = { kind: 'failed', reason: 'network', status: 0, message: '' };

/**
 * The state of an import screen: the chosen file, where its upload stands, how many times it was started,
 * and the means to choose, start, cancel and start over. `send` does the upload; when `changed` says the
 * answer changed stored data, the cached queries are refetched; an answer "not signed in" signs out.
 * An upload still going when the screen goes away is aborted.
 */
export function useUpload<O extends { kind: string }>(send: SendFile<O>, changed: (outcome: O) => boolean) {
  const queryClient = useQueryClient();
  const logoutIfAccessDenied = useLogoutIfAccessDenied();
  const inputRef = useRef<HTMLInputElement>(null);
  const abortRef = useRef<AbortController | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const [phase, setPhase] = useState<UploadPhase<O | ImportFailed>>({ step: 'idle' });
  // Each start counts, so that a result can be told from the previous one (the same file twice).
  const [attempts, setAttempts] = useState(0);

  useEffect(() => () => abortRef.current?.abort(), []);

  const busy = phase.step === 'uploading' || phase.step === 'processing';
  const canStart = file !== null && file.size > 0 && !busy;

  const choose = (chosen: File | null | undefined) => {
    if (busy) return;
    setFile(chosen ?? null);
    setPhase({ step: 'idle' });
  };

  const start = async () => {
    if (!file || file.size === 0 || busy) return;
    const controller = new AbortController();
    abortRef.current = controller;
    setAttempts((n) => n + 1);
    setPhase({ step: 'uploading', loaded: 0, total: file.size });
    try {
      const outcome = await send(file, {
        signal: controller.signal,
        onProgress: ({ loaded, total }) =>
          !controller.signal.aborted && setPhase((p) => (p.step === 'uploading' ? { step: 'uploading', loaded, total } : p)),
        onUploaded: () => !controller.signal.aborted && setPhase({ step: 'processing' }),
      });
      if (controller.signal.aborted) return;
      setPhase({ step: 'done', outcome });
      if (changed(outcome)) await queryClient.invalidateQueries();
      if (outcome.kind === 'failed' && 'reason' in outcome && outcome.reason === 'auth') await logoutIfAccessDenied({ status: 401 });
    } catch (error) {
      if (error instanceof UploadCancelled) setPhase({ step: 'cancelled' });
      else setPhase({ step: 'done', outcome: NETWORK_FAILURE });
    } finally {
      if (abortRef.current === controller) abortRef.current = null;
    }
  };

  const cancel = () => abortRef.current?.abort();

  const reset = () => {
    setFile(null);
    setPhase({ step: 'idle' });
    if (inputRef.current) {
      inputRef.current.value = '';
      inputRef.current.focus();
    }
  };

  return { file, phase, attempts, busy, canStart, inputRef, choose, start, cancel, reset };
}

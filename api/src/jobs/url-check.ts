import { type ItemState } from '../../../domain/src';

export interface CheckOptions {
  timeoutMs: number;
  userAgent: string;
  removedMarkers: string[];
}

/** How far into a page the removed-page markers are looked for. */
const MAX_BODY_BYTES = 512 * 1024;

/**
 * What a URL says about its content now: 404/410 or a removed-page marker mean removed, 451 geo-blocked,
 * 200 still online; anything else (errors, redirects, 5xx, time-outs) says nothing: null.
 * HEAD first; GET when HEAD is not conclusive or a 200 page must be read for markers. Redirects are not
 * followed, so nothing outside the allow-listed host is ever contacted.
 */
export async function checkUrl(url: string, options: CheckOptions): Promise<ItemState | null> {
  const request = (method: 'HEAD' | 'GET') =>
    fetch(url, {
      method,
      redirect: 'manual',
      headers: { 'User-Agent': options.userAgent, Accept: 'text/html,*/*' },
      signal: AbortSignal.timeout(options.timeoutMs),
    });
  try {
    const head = await request('HEAD');
    if (head.status === 404 || head.status === 410) return 'removed';
    if (head.status === 451) return 'geo_blocked';
    const get = await request('GET');
    if (get.status === 404 || get.status === 410) return 'removed';
    if (get.status === 451) return 'geo_blocked';
    if (get.status !== 200) return null;
    const body = await readStart(get, MAX_BODY_BYTES);
    return options.removedMarkers.some((m) => body.includes(m)) ? 'removed' : 'still_online';
  } catch {
    return null;
  }
}

async function readStart(res: Response, limit: number): Promise<string> {
  if (!res.body) return '';
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  while (size < limit) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    size += value.length;
  }
  await reader.cancel().catch(() => undefined);
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Runs `work` over the items grouped by host: one request at a time per host with `intervalMs` between
 * them (politeness), and at most `concurrency` hosts at once.
 */
export async function perHost<T>(
  items: T[],
  hostOf: (item: T) => string,
  options: { concurrency: number; intervalMs: number },
  work: (item: T) => Promise<void>,
): Promise<void> {
  const byHost = new Map<string, T[]>();
  for (const item of items) byHost.set(hostOf(item), [...(byHost.get(hostOf(item)) ?? []), item]);
  const queues = [...byHost.values()];
  const worker = async () => {
    for (let queue = queues.shift(); queue; queue = queues.shift()) {
      for (const [i, item] of queue.entries()) {
        if (i > 0 && options.intervalMs > 0) await new Promise((r) => setTimeout(r, options.intervalMs));
        await work(item);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(options.concurrency, queues.length) }, worker));
}

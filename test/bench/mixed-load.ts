/**
 * Mixed reads and writes against several app instances at once, with autocannon on loopback: list
 * pages, the responsiveness figures, and request creations with unique references. It keeps every
 * reference whose create was acknowledged (201), so that the caller can compare with the database.
 */
import autocannon from 'autocannon';

export interface MixedLoadOptions {
  /** The instances' base URLs (http://127.0.0.1:port); the connections are split between them. */
  bases: string[];
  token: string;
  seconds: number;
  connections: number;
  platformId: number;
  agencyId: number;
  /** Prefix of the references created, to find them afterwards. */
  tag: string;
}

export interface MixedLoadResult {
  requests: number;
  perSecond: number;
  p99: number;
  errors: number;
  non2xx: number;
  timeouts: number;
  /** References of the creates answered 201. */
  acknowledged: Set<string>;
  /**
   * References of creates sent but never answered: those under way when the time ran out, cut off by
   * the client. Each may or may not have been stored; the server cannot tell the client either way.
   */
  unanswered: Set<string>;
  /** Answers by method, path and status, e.g. "GET /api/requests 200". */
  answers: Record<string, number>;
}

const LIST = `/api/requests?${new URLSearchParams({ sort: '["sentAt","DESC"]', range: '[0,24]' })}`;
const STATS = `/api/stats/responsiveness?${new URLSearchParams({ from: '2024-01-01T00:00:00Z', to: '2027-01-01T00:00:00Z' })}`;

export async function mixedLoad(options: MixedLoadOptions): Promise<MixedLoadResult> {
  const acknowledged = new Set<string>();
  const sent = new Set<string>();
  const answers: Record<string, number> = {};
  let sequence = 0;
  const runs = options.bases.map(
    (base, instance) =>
      autocannon({
        url: base,
        connections: Math.max(1, Math.round(options.connections / options.bases.length)),
        duration: options.seconds,
        timeout: 10,
        headers: { authorization: `Bearer ${options.token}` },
        requests: [
          {
            // One call in four creates a request, one in eight reads the figures, the rest read the list.
            setupRequest: (req, ctx) => {
              const context = ctx as { reference?: string; call?: string };
              const n = sequence++;
              context.reference = undefined;
              context.call = n % 4 === 0 ? 'POST /api/requests' : n % 8 === 1 ? 'GET /api/stats/responsiveness' : 'GET /api/requests';
              if (n % 4 === 0) {
                const reference = `${options.tag}-${instance}-${n}`;
                context.reference = reference;
                sent.add(reference);
                return {
                  ...req,
                  method: 'POST',
                  path: '/api/requests',
                  headers: { authorization: `Bearer ${options.token}`, 'content-type': 'application/json' },
                  body: JSON.stringify({
                    platformId: options.platformId,
                    agencyId: options.agencyId,
                    reference,
                    type: 'removal',
                    category: 'ncii',
                    channel: 'email',
                    sentAt: new Date().toISOString(),
                    items: [{ url: `https://example.org/load/${reference}` }],
                  }),
                };
              }
              // Headers of their own: a GET must not carry the Content-Length of a create's body.
              return {
                ...req,
                method: 'GET',
                path: n % 8 === 1 ? STATS : LIST,
                body: undefined,
                headers: { authorization: `Bearer ${options.token}` },
              };
            },
            onResponse: (status, _body, ctx) => {
              const { reference, call } = ctx as { reference?: string; call?: string };
              if (reference) sent.delete(reference);
              if (status === 201 && reference) acknowledged.add(reference);
              answers[`${call} ${status}`] = (answers[`${call} ${status}`] ?? 0) + 1;
            },
          },
        ],
      }) as unknown as Promise<autocannon.Result>,
  );
  const results = await Promise.all(runs);
  const sum = (pick: (r: autocannon.Result) => number) => results.reduce((total, r) => total + pick(r), 0);
  return {
    requests: sum((r) => r.requests.total),
    perSecond: sum((r) => r.requests.average),
    p99: Math.max(...results.map((r) => r.latency.p99)),
    errors: sum((r) => r.errors),
    non2xx: sum((r) => r.non2xx),
    timeouts: sum((r) => r.timeouts),
    acknowledged,
    unanswered: sent,
    answers,
  };
}

/** The references stored that the run explains badly: acknowledged but missing, or stored though neither acknowledged nor cut off. */
export function reconcile(result: MixedLoadResult, stored: Set<string>): { missing: string[]; unexplained: string[] } {
  return {
    missing: [...result.acknowledged].filter((ref) => !stored.has(ref)),
    unexplained: [...stored].filter((ref) => !result.acknowledged.has(ref) && !result.unanswered.has(ref)),
  };
}

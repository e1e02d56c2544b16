/** The signed-in user's tokens, kept for the browser tab's session only. */
const ACCESS_KEY = 'tracker.token';
const REFRESH_KEY = 'tracker.refresh';
/** An access token this close to its expiry is renewed before use. */
const RENEW_BEFORE_MS = 30_000;

export interface Session {
  token: string;
  role: 'admin' | 'regulator' | 'analyst' | 'liaison';
  sub: number;
}

export interface Tokens {
  accessToken: string;
  refreshToken?: string;
}

export function saveTokens(storage: Storage, tokens: Tokens): void {
  storage.setItem(ACCESS_KEY, tokens.accessToken);
  if (tokens.refreshToken) storage.setItem(REFRESH_KEY, tokens.refreshToken);
}

export function clearSession(storage: Storage): void {
  storage.removeItem(ACCESS_KEY);
  storage.removeItem(REFRESH_KEY);
}

export const refreshTokenOf = (storage: Storage): string | null => storage.getItem(REFRESH_KEY);

/** The session, or null when there is no token or it has expired (at `now`). */
export function readSession(storage: Storage, now = Date.now()): Session | null {
  const token = storage.getItem(ACCESS_KEY);
  if (!token) return null;
  try {
    const payload = JSON.parse(atob(token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/')));
    if (typeof payload.exp === 'number' && payload.exp * 1000 <= now) return null;
    return { token, role: payload.role, sub: payload.sub };
  } catch {
    return null;
  }
}

// One renewal at a time per storage: a page firing ten calls at once must not spend the single-use
// refresh token ten times (the server would take the second use for a stolen token).
const renewals = new WeakMap<Storage, Promise<string | null>>();

/**
 * A usable access token, renewed with the refresh token when it is about to expire; null when the
 * session is over (the refresh token was refused). A network failure keeps the session as it is.
 */
export function accessToken(apiUrl: string, storage: Storage, fetchFn: typeof fetch = fetch, now = Date.now()): Promise<string | null> {
  const current = readSession(storage, now + RENEW_BEFORE_MS);
  const refreshToken = refreshTokenOf(storage);
  if (current || !refreshToken) return Promise.resolve(current?.token ?? readSession(storage, now)?.token ?? null);
  let renewal = renewals.get(storage);
  if (!renewal) {
    renewal = (async () => {
      try {
        const res = await fetchFn(`${apiUrl}/auth/refresh`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ refreshToken }),
        });
        if (!res.ok) {
          if (res.status === 401) clearSession(storage);
          return readSession(storage, now)?.token ?? null;
        }
        const tokens = (await res.json()) as Tokens;
        saveTokens(storage, tokens);
        return tokens.accessToken;
      } catch {
        return readSession(storage, now)?.token ?? null;
      } finally {
        renewals.delete(storage);
      }
    })();
    renewals.set(storage, renewal);
  }
  return renewal;
}

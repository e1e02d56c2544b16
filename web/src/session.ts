/** The signed-in user's token, kept for the browser tab's session only. */
const KEY = 'tracker.token';

export interface Session {
  token: string;
  role: 'admin' | 'regulator' | 'analyst' | 'liaison';
  sub: number;
}

export function saveToken(storage: Storage, token: string): void {
  storage.setItem(KEY, token);
}

export function clearSession(storage: Storage): void {
  storage.removeItem(KEY);
}

/** The session, or null when there is no token or it has expired. */
export function readSession(storage: Storage, now = Date.now()): Session | null {
  const token = storage.getItem(KEY);
  if (!token) return null;
  try {
    const payload = JSON.parse(atob(token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/')));
    if (typeof payload.exp === 'number' && payload.exp * 1000 <= now) return null;
    return { token, role: payload.role, sub: payload.sub };
  } catch {
    return null;
  }
}

import { accessToken, clearSession, readSession, refreshTokenOf, saveTokens } from './session';

class MemoryStorage {
  private values = new Map<string, string>();
  get length() {
    return this.values.size;
  }
  clear() {
    this.values.clear();
  }
  getItem(key: string) {
    return this.values.get(key) ?? null;
  }
  key(i: number) {
    return [...this.values.keys()][i] ?? null;
  }
  removeItem(key: string) {
    this.values.delete(key);
  }
  setItem(key: string, value: string) {
    this.values.set(key, value);
  }
}

const jwt = (payload: object) => `h.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.s`;

describe('session', () => {
  it('should read the role from a saved token until it expires', () => {
    const storage = new MemoryStorage();
    saveTokens(storage, { accessToken: jwt({ sub: 7, role: 'analyst', exp: 2000 }) });
    expect(readSession(storage, 1_000_000)).toMatchObject({ sub: 7, role: 'analyst' });
    expect(readSession(storage, 2_000_000)).toBeNull();
  });

  it('should have no session after sign-out or with a broken token', () => {
    const storage = new MemoryStorage();
    saveTokens(storage, { accessToken: jwt({ sub: 1, role: 'admin' }), refreshToken: 'r1' });
    clearSession(storage);
    expect(readSession(storage)).toBeNull();
    expect(refreshTokenOf(storage)).toBeNull();
    saveTokens(storage, { accessToken: 'garbage' });
    expect(readSession(storage)).toBeNull();
  });
});

describe('accessToken', () => {
  const NOW = 1_000_000_000;
  const answer = (status: number, body: object = {}) => Promise.resolve(new Response(JSON.stringify(body), { status }));

  it('should use the current token while it has more than 30 s left, without calling the server', async () => {
    const storage = new MemoryStorage();
    saveTokens(storage, { accessToken: jwt({ sub: 1, role: 'admin', exp: NOW / 1000 + 60 }), refreshToken: 'r1' });
    const fetchFn = jest.fn();
    expect(await accessToken('/api', storage, fetchFn, NOW)).toBe(storage.getItem('tracker.token'));
    expect(fetchFn).not.toHaveBeenCalled();
  });

  it('should renew a token about to expire once for many simultaneous calls, and keep the new pair', async () => {
    const storage = new MemoryStorage();
    saveTokens(storage, { accessToken: jwt({ sub: 1, role: 'admin', exp: NOW / 1000 + 10 }), refreshToken: 'r1' });
    const renewed = jwt({ sub: 1, role: 'admin', exp: NOW / 1000 + 900 });
    const fetchFn = jest.fn(() => answer(200, { accessToken: renewed, refreshToken: 'r2', expiresIn: 900 }));
    const tokens = await Promise.all([1, 2, 3].map(() => accessToken('/api', storage, fetchFn as typeof fetch, NOW)));
    expect(tokens).toEqual([renewed, renewed, renewed]);
    expect(fetchFn).toHaveBeenCalledTimes(1);
    expect(JSON.parse((fetchFn.mock.calls[0] as unknown as [string, RequestInit])[1].body as string)).toEqual({ refreshToken: 'r1' });
    expect(refreshTokenOf(storage)).toBe('r2');
  });

  it('should end the session when the server refuses the refresh token', async () => {
    const storage = new MemoryStorage();
    saveTokens(storage, { accessToken: jwt({ sub: 1, role: 'admin', exp: NOW / 1000 - 1 }), refreshToken: 'r1' });
    expect(await accessToken('/api', storage, (() => answer(401)) as typeof fetch, NOW)).toBeNull();
    expect(refreshTokenOf(storage)).toBeNull();
  });

  it('should keep the session through a network failure, using the token while it is still valid', async () => {
    const storage = new MemoryStorage();
    const token = jwt({ sub: 1, role: 'admin', exp: NOW / 1000 + 10 });
    saveTokens(storage, { accessToken: token, refreshToken: 'r1' });
    const offline = (() => Promise.reject(new TypeError('Failed to fetch'))) as typeof fetch;
    expect(await accessToken('/api', storage, offline, NOW)).toBe(token);
    expect(refreshTokenOf(storage)).toBe('r1');
  });
});

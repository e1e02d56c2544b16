import { clearSession, readSession, saveToken } from './session';

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
    saveToken(storage, jwt({ sub: 7, role: 'analyst', exp: 2000 }));
    expect(readSession(storage, 1_000_000)).toMatchObject({ sub: 7, role: 'analyst' });
    expect(readSession(storage, 2_000_000)).toBeNull();
  });

  it('should have no session after sign-out or with a broken token', () => {
    const storage = new MemoryStorage();
    saveToken(storage, jwt({ sub: 1, role: 'admin' }));
    clearSession(storage);
    expect(readSession(storage)).toBeNull();
    saveToken(storage, 'garbage');
    expect(readSession(storage)).toBeNull();
  });
});

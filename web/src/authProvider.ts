import type { AuthProvider } from 'react-admin';
import { errorMessage } from './common/errors';
import { accessToken, clearSession, readSession, refreshTokenOf, saveTokens } from './session';

export function createAuthProvider(apiUrl: string, storage: Storage = sessionStorage, locale: () => string = () => 'en'): AuthProvider {
  const session = async () => ((await accessToken(apiUrl, storage)) ? readSession(storage) : null);
  return {
    async login({ username, password }) {
      const res = await fetch(`${apiUrl}/auth/login`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ email: username, password }),
      });
      const body = await res.json().catch(() => ({}));
      if (!res.ok) throw new Error(errorMessage(body, locale(), 'Sign-in failed'));
      saveTokens(storage, body);
    },
    async logout() {
      const current = readSession(storage);
      const refreshToken = refreshTokenOf(storage);
      clearSession(storage);
      // Ends the session on the server too, so the refresh token cannot be used from a copy.
      if (current && refreshToken) {
        await fetch(`${apiUrl}/auth/logout`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${current.token}` },
          body: JSON.stringify({ refreshToken }),
        }).catch(() => undefined);
      }
    },
    async checkAuth() {
      if (!(await session())) throw new Error('Please sign in');
    },
    async checkError(error) {
      if (error?.status === 401) {
        clearSession(storage);
        throw new Error('Your session has ended; please sign in again');
      }
    },
    async getPermissions() {
      return (await session())?.role;
    },
    async getIdentity() {
      const current = await session();
      if (!current) throw new Error('Please sign in');
      const res = await fetch(`${apiUrl}/auth/me`, { headers: { Authorization: `Bearer ${current.token}` } });
      const me = await res.json();
      return { id: me.id, fullName: me.name, role: me.role, email: me.email };
    },
  };
}

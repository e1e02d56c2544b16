import type { AuthProvider } from 'react-admin';
import { clearSession, readSession, saveToken } from './session';

export function createAuthProvider(apiUrl: string, storage: Storage = sessionStorage): AuthProvider {
  return {
    async login({ username, password }) {
      const res = await fetch(`${apiUrl}/auth/login`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ email: username, password }),
      });
      const body = await res.json().catch(() => ({}));
      if (!res.ok) throw new Error(body.message ?? 'Sign-in failed');
      saveToken(storage, body.accessToken);
    },
    async logout() {
      clearSession(storage);
    },
    async checkAuth() {
      if (!readSession(storage)) throw new Error('Please sign in');
    },
    async checkError(error) {
      if (error?.status === 401) {
        clearSession(storage);
        throw new Error('Your session has ended; please sign in again');
      }
    },
    async getPermissions() {
      return readSession(storage)?.role;
    },
    async getIdentity() {
      const session = readSession(storage);
      if (!session) throw new Error('Please sign in');
      const res = await fetch(`${apiUrl}/auth/me`, { headers: { Authorization: `Bearer ${session.token}` } });
      const me = await res.json();
      return { id: me.id, fullName: me.name, role: me.role, email: me.email };
    },
  };
}

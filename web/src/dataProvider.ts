import { fetchUtils } from 'react-admin';
import simpleRestProvider from 'ra-data-simple-rest';
import { readSession } from './session';

/** The stock simple-REST provider, with the bearer token on every call. */
export function createDataProvider(apiUrl: string, storage: Storage = sessionStorage) {
  const httpClient = (url: string, options: fetchUtils.Options = {}) => {
    const session = readSession(storage);
    return fetchUtils.fetchJson(url, {
      ...options,
      user: session ? { authenticated: true, token: `Bearer ${session.token}` } : undefined,
    });
  };
  return simpleRestProvider(apiUrl, httpClient);
}

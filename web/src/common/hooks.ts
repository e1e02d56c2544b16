import { useLocaleState, usePermissions } from 'react-admin';
import { can, type Permission, type Role } from '../../../domain/src';

/** The signed-in user's role (from the token, through the auth provider's getPermissions). */
export function useRole(): Role | undefined {
  const { permissions } = usePermissions<Role>();
  return permissions;
}

export function useCan(permission: Permission): boolean {
  return can(useRole(), permission);
}

/** The locale for Intl formatting: the language chosen in the app. */
export function useIntlLocale(): string {
  const [locale] = useLocaleState();
  return locale;
}

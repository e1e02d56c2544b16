import type { Role } from '../users/user.entity';

/**
 * Who may do what. The README's permission table is this table; the e2e tests check routes against it.
 * Everyone signed in may read platforms, agencies, requests and consultations.
 */
export const PERMISSIONS = {
  'records:read': ['admin', 'regulator', 'analyst', 'liaison'],
  'platforms:write': ['admin'],
  'agencies:write': ['admin', 'regulator'],
  'requests:write': ['admin', 'regulator'],
  /** Recording what a platform answered (acknowledged, info_requested, outcome, refused) and notes. */
  'requests:respond': ['admin', 'regulator', 'liaison'],
  'consultations:write': ['admin', 'regulator', 'liaison'],
  /** Seeing the addresses of reported content (abuse material): analysts work from counts, not links. */
  'content:urls': ['admin', 'regulator', 'liaison'],
  /** Generating compliance reports and consultation briefs. */
  'reports:create': ['admin', 'regulator', 'analyst', 'liaison'],
  /** Scheduled jobs: their runs, and running one by hand. */
  'jobs:manage': ['admin'],
  'users:manage': ['admin'],
  'audit:read': ['admin'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export const can = (role: Role, permission: Permission): boolean =>
  (PERMISSIONS[permission] as readonly Role[]).includes(role);

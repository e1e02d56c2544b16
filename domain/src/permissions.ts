import type { Role } from './vocabulary';

/**
 * Who may do what. The API enforces it (and its e2e tests check every route against it); the
 * console only hides what a role could not do anyway. Everyone signed in may read the records.
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
  /** Importing and typing in what platforms publish about our requests (transparency reports). */
  'figures:write': ['admin', 'regulator', 'analyst'],
  /**
   * Publishing the regulator's figures to the public (static snapshots, frozen once published): naming
   * platforms in public is the regulator's decision, taken by an administrator.
   */
  'snapshots:publish': ['admin'],
  /** Scheduled jobs: their runs, and running one by hand. */
  'jobs:manage': ['admin'],
  'users:manage': ['admin'],
  'audit:read': ['admin'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export const can = (role: string | undefined | null, permission: Permission): boolean =>
  !!role && (PERMISSIONS[permission] as readonly string[]).includes(role);

import type { EventKind, RequestStatus, Role } from './enums';
import { PLATFORM_EVENT_KINDS, REGULATOR_EVENT_KINDS } from './enums';

/**
 * Who may do what: the same table as api/src/auth/permissions.ts (the API enforces it; the console
 * only hides what a role could not do anyway).
 */
export const PERMISSIONS = {
  'records:read': ['admin', 'regulator', 'analyst', 'liaison'],
  'platforms:write': ['admin'],
  'agencies:write': ['admin', 'regulator'],
  'requests:write': ['admin', 'regulator'],
  'requests:respond': ['admin', 'regulator', 'liaison'],
  'consultations:write': ['admin', 'regulator', 'liaison'],
  'reports:create': ['admin', 'regulator', 'analyst', 'liaison'],
  'jobs:manage': ['admin'],
  'users:manage': ['admin'],
  'audit:read': ['admin'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export const can = (role: string | undefined | null, permission: Permission): boolean =>
  !!role && (PERMISSIONS[permission] as readonly string[]).includes(role);

/** Which side of the timeline a dialog records: what the platform did, or what the regulator did. */
export type EventSide = 'platform' | 'regulator';

/**
 * The event kinds a role may record on a request in this status, for one side of the timeline.
 * Mirrors the API: `requests:respond` covers platform responses and notes; `requests:write` any kind;
 * a resolved or withdrawn request takes notes only; a draft must be sent (or withdrawn) first.
 */
export function allowedEventKinds(role: string | undefined, status: RequestStatus, side: EventSide): EventKind[] {
  const mayWrite = can(role, 'requests:write');
  const mayRespond = can(role, 'requests:respond');
  if (!mayWrite && !mayRespond) return [];
  const closed = status === 'resolved' || status === 'withdrawn';
  if (side === 'platform') {
    if (closed || status === 'draft') return [];
    return [...PLATFORM_EVENT_KINDS];
  }
  const kinds: EventKind[] = [];
  for (const kind of REGULATOR_EVENT_KINDS) {
    if (kind === 'note') {
      kinds.push(kind);
      continue;
    }
    if (!mayWrite || closed) continue;
    if (status === 'draft' ? kind === 'sent' || kind === 'withdrawn' : kind !== 'sent') kinds.push(kind);
  }
  return kinds;
}

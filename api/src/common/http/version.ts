import { conflict } from '../errors/domain-error';

/**
 * Optimistic locking: a client that sends the version it read may only overwrite that version.
 * Omitting the version is allowed (scripts); a stale one is a 409, never a lost update.
 */
export function assertVersion(resource: string, stored: number, given: number | undefined): void {
  if (given !== undefined && given !== stored) {
    throw conflict(
      'record.stale_version',
      `${resource} was changed by someone else (version ${given} is stale, current is ${stored}); reload and retry`,
    );
  }
}

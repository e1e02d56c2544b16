import { ERROR_STATUS, type ErrorCode, type ErrorParams } from '../../../../domain/src';

/**
 * An error the product raises on purpose: a stable code (its HTTP status comes with it), an English
 * message, the field it is about and the values the console fills into the code's translated text.
 */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
    readonly params?: ErrorParams,
    /** What the answer carries besides (an import's row errors, the headers a file should have). */
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

/** Bad input: the message starts with the field it is about. */
export const invalid = (field: string, message: string, code: ErrorCode = 'input.invalid', params?: ErrorParams) =>
  new DomainError(code, `${field} ${message}`, field, params);
export const notFound = (resource: string, id: number | string) =>
  new DomainError('record.not_found', `${resource} ${id} does not exist`, undefined, { resource, id });
export const conflict = (code: ErrorCode, message: string, params?: ErrorParams) => new DomainError(code, message, undefined, params);
export const forbidden = (code: ErrorCode, message: string, params?: ErrorParams) => new DomainError(code, message, undefined, params);

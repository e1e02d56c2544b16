/** Errors the domain raises; one filter turns each code into its HTTP status. */
export type DomainErrorCode = 'invalid' | 'not_found' | 'conflict' | 'forbidden';

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** Bad input: the message starts with the field it is about. */
export const invalid = (field: string, message: string) => new DomainError('invalid', `${field} ${message}`);
export const notFound = (resource: string, id: number | string) =>
  new DomainError('not_found', `${resource} ${id} does not exist`);
export const conflict = (message: string) => new DomainError('conflict', message);
export const forbidden = (message: string) => new DomainError('forbidden', message);

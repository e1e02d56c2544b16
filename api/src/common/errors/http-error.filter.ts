import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { Logger as PinoLogger } from 'pino';
import { QueryFailedError } from 'typeorm';
import { ERROR_CODE_BY_STATUS, type ErrorParams, isErrorCode } from '../../../../domain/src';
import { isDatabaseUnavailable } from '../../database/unavailable';
import type { ConstraintCatalog } from './constraint-catalog';
import { DomainError } from './domain-error';

const camel = (s: string) => s.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

interface PgError {
  code?: string;
  table?: string;
  column?: string;
  constraint?: string;
}

/**
 * PostgreSQL refusals that come from bad input, by SQLSTATE and the constraint they name (looked up
 * in the catalog); anything else is a server fault.
 */
function fromPostgres(err: PgError, deleting: boolean, constraints: ConstraintCatalog | undefined): DomainError | undefined {
  const named = constraints?.get(err.constraint);
  const fields = named?.fields ?? [];
  switch (err.code) {
    case '23505': {
      const field = fields.at(-1) ?? 'record';
      return new DomainError('record.duplicate', `${field} already exists (${fields.join(', ')} must be unique)`, field);
    }
    case '23001': // restrict_violation (ON DELETE RESTRICT)
    case '23503':
      // A row that refers to nothing comes from an insert or an update; a delete is refused while rows refer to its row.
      if (err.code === '23503' && !deleting) {
        const field = fields[0] ?? 'reference';
        return new DomainError('record.unknown_reference', `${field} does not match any ${named?.references ?? 'record'}`, field);
      }
      return new DomainError(
        'record.still_referenced',
        `this record is still referenced by ${named?.table ?? 'other records'}`,
        undefined,
        {
          table: named?.table ?? '',
        },
      );
    case '23514':
      return new DomainError('record.rule_broken', `a value breaks the rule ${err.constraint ?? ''}`.trim(), undefined, {
        constraint: err.constraint ?? '',
      });
    case '23502':
      return new DomainError('input.required', 'a required field is missing', err.column ? camel(err.column) : undefined);
    case '22P02':
    case '22007':
    case '22008':
    case '22003':
    case '22001':
      return new DomainError('input.out_of_range', 'a value has the wrong format or is out of range');
    default:
      return undefined;
  }
}

/** Seconds a client is asked to wait while the database is unreachable. */
export const DATABASE_RETRY_AFTER_S = 5;

const REASON: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  423: 'Locked',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/** Every error leaves as {statusCode, error, code, message, field?, params?}, with no stack trace or SQL in it. */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpError');

  constructor(private readonly constraints?: ConstraintCatalog) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    const req = host.switchToHttp().getRequest<Request & { id?: string; log?: PinoLogger }>();
    const error = this.describe(exception);
    const statusCode = error.status;
    if (statusCode === 503) res.setHeader('Retry-After', String(DATABASE_RETRY_AFTER_S));
    // Logged with the request's id (which the answer carries), so a user's report finds the line.
    if (statusCode >= 500 && req.log) req.log.error({ err: exception }, error.message);
    else if (statusCode >= 500) this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    // Details an error carries besides its message (an import's row errors) go along.
    const body =
      exception instanceof HttpException ? exception.getResponse() : exception instanceof DomainError ? exception.details : undefined;
    const {
      statusCode: _s,
      error: _e,
      message: _m,
      code: _c,
      params: _p,
      ...details
    } = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
    res.status(statusCode).json({
      statusCode,
      error: REASON[statusCode] ?? 'Error',
      code: error.code,
      message: error.message,
      ...(error.field !== undefined && { field: error.field }),
      ...(error.params !== undefined && { params: error.params }),
      ...details,
    });
  }

  private describe(exception: unknown): DomainError {
    if (exception instanceof DomainError) return exception;
    if (!(exception instanceof HttpException) && isDatabaseUnavailable(exception)) {
      return new DomainError('server.unavailable', 'the database is unavailable at the moment; try again in a few seconds');
    }
    if (exception instanceof HttpException && exception.cause instanceof SyntaxError) {
      return new DomainError('input.malformed_json', 'body is not valid JSON');
    }
    if (exception instanceof HttpException) return fromHttpException(exception);
    // The client went away half-way through sending its body (a cancelled upload).
    if ((exception as { code?: string })?.code === 'ECONNRESET' || (exception as Error)?.message === 'aborted') {
      return new DomainError('import.interrupted', 'the upload was interrupted before it was complete; nothing was imported');
    }
    if (exception instanceof QueryFailedError) {
      const known = fromPostgres(exception.driverError as PgError, /^\s*DELETE\b/i.test(exception.query), this.constraints);
      if (known) return known;
    }
    return new DomainError('server.error', 'Internal server error');
  }
}

/** An exception from NestJS or a library: its own code when its body names one, else the code for its status. */
function fromHttpException(exception: HttpException): DomainError {
  const status = exception.getStatus();
  const body = exception.getResponse();
  const fields =
    typeof body === 'object' && body !== null ? (body as { message?: string | string[]; code?: unknown; params?: ErrorParams }) : {};
  const message = typeof body === 'string' ? body : (fields.message ?? exception.message);
  const code = isErrorCode(fields.code) ? fields.code : ERROR_CODE_BY_STATUS[status];
  const error = new DomainError(code ?? 'server.error', Array.isArray(message) ? message.join('; ') : message, undefined, fields.params);
  // The status is the exception's own (a code shared by statuses, or none, must not change it).
  Object.defineProperty(error, 'status', { value: status });
  return error;
}

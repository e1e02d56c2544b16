import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { Logger as PinoLogger } from 'pino';
import { QueryFailedError } from 'typeorm';
import { DomainError, type DomainErrorCode } from './domain-error';

const STATUS: Record<DomainErrorCode, number> = {
  invalid: HttpStatus.BAD_REQUEST,
  not_found: HttpStatus.NOT_FOUND,
  conflict: HttpStatus.CONFLICT,
  forbidden: HttpStatus.FORBIDDEN,
};

const camel = (s: string) => s.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

interface PgError {
  code?: string;
  detail?: string;
  table?: string;
  constraint?: string;
}

/** PostgreSQL refusals that come from bad input, as [status, message]; anything else is a server fault. */
function fromPostgres(err: PgError): [number, string] | undefined {
  const keys = /Key \(([^)]+)\)=/.exec(err.detail ?? '')?.[1]?.split(', ').map(camel) ?? [];
  switch (err.code) {
    case '23505':
      return [409, `${keys.at(-1) ?? 'record'} already exists (${keys.join(', ')} must be unique)`];
    case '23001': // restrict_violation (ON DELETE RESTRICT)
    case '23503': {
      const referenced = /is not present in table "([^"]+)"/.exec(err.detail ?? '')?.[1];
      if (referenced) return [400, `${keys[0] ?? 'reference'} does not match any ${referenced}`];
      const from = /referenced from table "([^"]+)"/.exec(err.detail ?? '')?.[1];
      return [409, `this record is still referenced by ${from ?? 'other records'}`];
    }
    case '23514':
      return [400, `a value breaks the rule ${err.constraint ?? ''}`.trim()];
    case '23502':
      return [400, `a required field is missing`];
    case '22P02':
    case '22007':
    case '22008':
    case '22003':
    case '22001':
      return [400, 'a value has the wrong format or is out of range'];
    default:
      return undefined;
  }
}

// Connection refusals and PostgreSQL's "shutting down / starting up / too many clients" classes.
const UNREACHABLE_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EHOSTUNREACH', 'ETIMEDOUT', 'EAI_AGAIN', '57P01', '57P02', '57P03', '53300', '08000', '08003', '08006', '08001', '08004']);
const UNREACHABLE_MESSAGES = /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Connection is not established/;

/** The database cannot be reached right now (as opposed to refusing a query): worth retrying shortly. */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e = error as { code?: string; message?: string; driverError?: unknown; cause?: unknown } | undefined, depth = 0; e && depth < 5; depth++) {
    if (UNREACHABLE_CODES.has(String(e.code)) || UNREACHABLE_MESSAGES.test(String(e.message))) return true;
    e = (e.driverError ?? e.cause) as typeof e;
  }
  return false;
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

/** Every error leaves as {statusCode, error, message}, with no stack trace or SQL in it. */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpError');

  catch(exception: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    const req = host.switchToHttp().getRequest<Request & { id?: string; log?: PinoLogger }>();
    const [statusCode, message] = this.describe(exception);
    if (statusCode === 503) res.setHeader('Retry-After', String(DATABASE_RETRY_AFTER_S));
    // Logged with the request's id (which the answer carries), so a user's report finds the line.
    if (statusCode >= 500 && req.log) req.log.error({ err: exception }, message);
    else if (statusCode >= 500) this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    // Details an HttpException carries besides its message (an import's row errors) go along.
    const body = exception instanceof HttpException ? exception.getResponse() : undefined;
    const { statusCode: _s, error: _e, message: _m, ...details } = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
    res.status(statusCode).json({ statusCode, error: REASON[statusCode] ?? 'Error', message, ...details });
  }

  private describe(exception: unknown): [number, string] {
    if (exception instanceof DomainError) return [STATUS[exception.code], exception.message];
    if (!(exception instanceof HttpException) && isDatabaseUnavailable(exception)) {
      return [503, 'the database is unavailable at the moment; try again in a few seconds'];
    }
    if (exception instanceof HttpException && exception.cause instanceof SyntaxError) {
      return [400, 'body is not valid JSON'];
    }
    if (exception instanceof HttpException) {
      const body = exception.getResponse();
      const message =
        typeof body === 'string' ? body : (body as { message?: string | string[] }).message ?? exception.message;
      return [exception.getStatus(), Array.isArray(message) ? message.join('; ') : message];
    }
    // The client went away half-way through sending its body (a cancelled upload).
    if ((exception as { code?: string })?.code === 'ECONNRESET' || (exception as Error)?.message === 'aborted') {
      return [400, 'the upload was interrupted before it was complete; nothing was imported'];
    }
    if (exception instanceof QueryFailedError) {
      const known = fromPostgres(exception.driverError as PgError);
      if (known) return known;
    }
    return [500, 'Internal server error'];
  }
}

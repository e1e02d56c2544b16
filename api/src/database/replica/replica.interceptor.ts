import { type CallHandler, type ExecutionContext, Injectable, Logger, type NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { catchError, from, mergeMap, type Observable } from 'rxjs';
import { isDatabaseUnavailable } from '../unavailable';
import { onPrimary, type ReadContext, runAsReplicaRead } from './read-context';
import { READS_FROM_REPLICA } from './reads-from-replica';
import { READ_ONLY_REFUSAL, REPLICA_METHODS, RETRY_ON_PRIMARY_CODES, RETRY_ON_PRIMARY_SQLSTATES } from './replica-policy';
import { ReplicaReads } from './replica-reads';

type SignedIn = Request & { user?: { id: number } };

const codeOf = (error: unknown) => String((error as { code?: unknown } | undefined)?.code);

/**
 * Routes each request (with DATABASE_REPLICA_URL; without it, it does nothing):
 * - a GET of a route marked `@ReadsFromReplica()` runs as a replica read when the replica may serve
 *   it (replica-reads.ts); if the replica's answer was an error that the primary may not give (see
 *   replica-policy.ts), the handler runs again on the primary, so replica trouble never reaches the user;
 * - any other method is a write: afterwards the primary's position is remembered for the writer.
 */
@Injectable()
export class ReplicaInterceptor implements NestInterceptor {
  private readonly logger = new Logger('Replica');

  constructor(
    private readonly replica: ReplicaReads,
    private readonly reflector: Reflector,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (!this.replica.enabled || context.getType() !== 'http') return next.handle();
    const req = context.switchToHttp().getRequest<SignedIn>();
    if (!REPLICA_METHODS.has(req.method)) return this.afterWrite(req, context.switchToHttp().getResponse<Response>(), next);
    if (!this.reflector.getAllAndOverride<boolean>(READS_FROM_REPLICA, [context.getHandler(), context.getClass()])) return next.handle();
    return from(this.replica.mayRead(req.user?.id, req.headers.cookie)).pipe(
      mergeMap((mayRead) => (mayRead ? this.onReplica(req, next) : next.handle())),
    );
  }

  private onReplica(req: SignedIn, next: CallHandler): Observable<unknown> {
    const read: ReadContext = { servedByReplica: false };
    return runAsReplicaRead(read, () => next.handle()).pipe(
      catchError((error: unknown) => {
        const code = codeOf(error);
        const unavailable = isDatabaseUnavailable(error);
        if (!read.servedByReplica || !(unavailable || RETRY_ON_PRIMARY_SQLSTATES.has(code) || RETRY_ON_PRIMARY_CODES.has(code)))
          throw error;
        const route = `${req.method} ${(req.route as { path?: string } | undefined)?.path ?? req.path}`;
        if (unavailable) this.replica.failed(error);
        else if (code === READ_ONLY_REFUSAL) {
          this.logger.warn(`${route} tried to write inside a replica read; it ran again on the primary (make that write use the primary)`);
        }
        // Outside the read context, so that this run, and all it starts, uses the primary.
        return onPrimary(() => next.handle());
      }),
    );
  }

  private afterWrite(req: SignedIn, res: Response, next: CallHandler): Observable<unknown> {
    const remember = async () => {
      const cookie = await this.replica.recordWrite(req.user?.id);
      if (cookie && !res.headersSent) res.append('Set-Cookie', cookie);
    };
    return next.handle().pipe(
      mergeMap(async (body) => {
        await remember();
        return body;
      }),
      catchError(async (error: unknown) => {
        // A refused write may still have written (a failed sign-in counts); a missing database has not.
        if (!isDatabaseUnavailable(error)) await remember().catch(() => undefined);
        throw error;
      }),
    );
  }
}

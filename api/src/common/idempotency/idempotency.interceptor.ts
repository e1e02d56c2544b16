import { createHash } from 'node:crypto';
import { type CallHandler, type ExecutionContext, HttpStatus, Injectable, type NestInterceptor } from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants';
import { Reflector } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Request, Response } from 'express';
import { catchError, mergeMap, type Observable, of } from 'rxjs';
import { DataSource } from 'typeorm';
import type { Actor } from '../http/access';
import { DomainError } from '../errors/domain-error';

const VALID_KEY = /^[\x21-\x7e]{1,255}$/;
/** How long an answer is kept for retries. */
const KEEP_HOURS = 24;
const CLEAN_EVERY_MS = 3_600_000;

/**
 * `Idempotency-Key` on a JSON POST: the first request with a key runs and its answer is kept; a retry
 * with the same key and body gets that answer again (header `Idempotent-Replayed: true`) instead of
 * creating a second record. The same key with another body is refused (422), and so is a retry while
 * the first is still running (409). A request that fails releases its key, so it can be corrected and
 * sent again. Keys are per user and kept for 24 hours. Uploads (CSV) are idempotent by their content.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  private lastCleaned = 0;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly reflector: Reflector,
  ) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const req = context.switchToHttp().getRequest<Request & { user?: Actor }>();
    const key = req.headers['idempotency-key'];
    if (req.method !== 'POST' || key === undefined || !req.user || !req.is('application/json')) return next.handle();
    if (typeof key !== 'string' || !VALID_KEY.test(key)) {
      throw new DomainError('idempotency.bad_key', 'Idempotency-Key must be 1 to 255 visible ASCII characters', 'Idempotency-Key');
    }
    const user = req.user.id;
    const fingerprint = createHash('sha256')
      .update(JSON.stringify([req.originalUrl, req.body ?? null]))
      .digest('hex');
    await this.cleanOccasionally();

    // Claims the key, or takes over one whose answer has expired; one statement, so two racing retries cannot both win.
    const claimed = await this.dataSource.query(
      `INSERT INTO idempotency_keys (user_id, key, fingerprint) VALUES ($1, $2, $3)
       ON CONFLICT (user_id, key) DO UPDATE SET fingerprint = EXCLUDED.fingerprint, status = NULL, body = NULL, created_at = now()
         WHERE idempotency_keys.created_at < now() - make_interval(hours => $4)
       RETURNING 1`,
      [user, key, fingerprint, KEEP_HOURS],
    );
    if (claimed.length === 0) return of(await this.replay(user, key, fingerprint, context.switchToHttp().getResponse<Response>()));

    const status = this.reflector.get<number>(HTTP_CODE_METADATA, context.getHandler()) ?? HttpStatus.CREATED;
    return next.handle().pipe(
      mergeMap(async (body) => {
        await this.dataSource.query('UPDATE idempotency_keys SET status = $3, body = $4 WHERE user_id = $1 AND key = $2', [
          user,
          key,
          status,
          JSON.stringify(body ?? null),
        ]);
        return body;
      }),
      catchError(async (err) => {
        await this.dataSource
          .query('DELETE FROM idempotency_keys WHERE user_id = $1 AND key = $2 AND status IS NULL', [user, key])
          .catch(() => undefined);
        throw err;
      }),
    );
  }

  private async replay(user: number, key: string, fingerprint: string, res: Response): Promise<unknown> {
    const [prior] = (await this.dataSource.query('SELECT fingerprint, status, body FROM idempotency_keys WHERE user_id = $1 AND key = $2', [
      user,
      key,
    ])) as { fingerprint: string; status: number | null; body: unknown }[];
    if (prior && prior.fingerprint !== fingerprint) {
      throw new DomainError(
        'idempotency.key_reused',
        'this Idempotency-Key was already used for a different request; use a new key',
        'Idempotency-Key',
      );
    }
    if (!prior || prior.status === null) {
      throw new DomainError(
        'idempotency.in_progress',
        'a request with this Idempotency-Key has not finished; wait for its answer, or check whether the record exists before sending it again with a new key',
      );
    }
    res.status(prior.status).setHeader('Idempotent-Replayed', 'true');
    return prior.body;
  }

  private async cleanOccasionally(): Promise<void> {
    if (Date.now() - this.lastCleaned < CLEAN_EVERY_MS) return;
    this.lastCleaned = Date.now();
    await this.dataSource.query('DELETE FROM idempotency_keys WHERE created_at < now() - make_interval(hours => $1)', [KEEP_HOURS]);
  }
}

import { type ExecutionContext, Injectable, SetMetadata } from '@nestjs/common';
import { ThrottlerException, ThrottlerGuard, type ThrottlerLimitDetail, type ThrottlerModuleOptions } from '@nestjs/throttler';
import type { Request, Response } from 'express';
import type { Environment } from '../config/environment';

const SIGN_IN_KEY = 'rate-limit:sign-in';

/** Sign-in and token renewal: limited per client address (LOGIN_RATE_LIMIT a minute). */
export const SignInLimited = () => SetMetadata(SIGN_IN_KEY, true);

const isSignIn = (context: ExecutionContext) => Reflect.getMetadata(SIGN_IN_KEY, context.getHandler()) === true;
const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Two limits, counted per instance: sign-in attempts per client address, and writes per signed-in
 * user (WRITE_RATE_LIMIT a minute) so that one account or a runaway script cannot flood the ledger.
 */
export function rateLimits(env: Environment): ThrottlerModuleOptions {
  return {
    throttlers: [
      { name: 'sign-in', ttl: 60_000, limit: env.LOGIN_RATE_LIMIT, skipIf: (context) => !isSignIn(context) },
      {
        name: 'writes',
        ttl: 60_000,
        limit: env.WRITE_RATE_LIMIT,
        skipIf: (context) => isSignIn(context) || READS.has(context.switchToHttp().getRequest<Request>().method),
        getTracker: (req) => (req.user ? `user:${req.user.id}` : `ip:${req.ip}`),
      },
    ],
  };
}

/** Runs after the AuthGuard (so writes are counted per user) and answers 429 with a standard Retry-After. */
@Injectable()
export class RateLimitGuard extends ThrottlerGuard {
  protected async throwThrottlingException(context: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    context.switchToHttp().getResponse<Response>().setHeader('Retry-After', String(detail.timeToBlockExpire));
    throw new ThrottlerException(
      isSignIn(context)
        ? 'too many sign-in attempts from this address; wait a minute and try again'
        : `too many changes in a minute (limit ${detail.limit}); wait ${detail.timeToBlockExpire} seconds and try again`,
    );
  }
}

import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { type Actor, PERMISSION_KEY, PUBLIC_KEY } from '../common/http/access';
import { UsersService } from '../users/users.service';
import { DomainError } from '../common/errors/domain-error';
import { can, type Permission } from '../../../domain/src';

/** Global guard: a valid bearer token of an active user, then the route's permission. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
    private readonly users: UsersService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;

    const request = context.switchToHttp().getRequest();
    const [scheme, token] = String(request.headers.authorization ?? '').split(' ');
    if (scheme !== 'Bearer' || !token) throw new DomainError('auth.token_required', 'a Bearer token is required');
    let payload: { sub: number };
    try {
      payload = await this.jwt.verifyAsync(token);
    } catch {
      throw new DomainError('auth.token_invalid', 'the token is invalid or has expired');
    }
    // Looked up on every request so that a deactivated account or a changed role takes effect at once.
    const user = await this.users.findActive(payload.sub);
    if (!user) throw new DomainError('auth.account_inactive', 'the account no longer exists or is deactivated');
    const actor: Actor = { id: user.id, email: user.email, role: user.role };
    request.user = actor;

    const permission = this.reflector.getAllAndOverride<Permission>(PERMISSION_KEY, targets) ?? 'records:read';
    if (!can(actor.role, permission)) {
      throw new DomainError('auth.forbidden', `the ${actor.role} role may not do this (needs ${permission})`, undefined, {
        role: actor.role,
        permission,
      });
    }
    return true;
  }
}

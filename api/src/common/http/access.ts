/** Who is signed in and what they may do: the guard reads these marks; the permission table is the domain's. */
import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { type Permission, type Role } from '../../../../domain/src';

export const PUBLIC_KEY = 'auth:public';
export const PERMISSION_KEY = 'auth:permission';

/** The route needs no token (health, login). */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

/** The route needs a role that holds this permission. */
export const RequirePermission = (permission: Permission) => SetMetadata(PERMISSION_KEY, permission);

export interface Actor {
  id: number;
  email: string;
  role: Role;
}

export const CurrentUser = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor => ctx.switchToHttp().getRequest().user);

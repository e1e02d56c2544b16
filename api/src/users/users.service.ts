import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import * as argon2 from 'argon2';
import { DataSource } from 'typeorm';
import type { Actor } from '../common/http/access';
import { AuditService } from '../audit/audit.service';
import { conflict } from '../common/errors/domain-error';
import { AuditedStore } from '../audit/audited-store';
import { enumFilter, findPage, intFilter, type ListQuery, type ListSpec, textFilter, boolFilter } from '../common/http/list-query';
import { type CreateUserDto, toUserResponse, type UpdateUserDto } from './user.dto';
import { User } from './user.entity';
import { ROLES } from '../../../domain/src';

/** How long a signed-in user's account is trusted without looking at it again. */
export const ACTIVE_USER_TTL_MS = 2000;

export const USER_LIST: ListSpec<User> = {
  resource: 'users',
  sortable: { id: 'u.id', email: 'u.email', name: 'u.name', role: 'u.role', active: 'u.active', createdAt: 'u.createdAt' },
  defaultSort: ['name', 'ASC'],
  filters: {
    id: intFilter('u.id', 'id'),
    q: textFilter(['u.email', 'u.name'], 'q'),
    role: enumFilter('u.role', 'role', ROLES),
    active: boolFilter('u.active', 'active'),
  },
};

@Injectable()
export class UsersService {
  private readonly store: AuditedStore<User>;
  private readonly activeUsers = new Map<number, { user: Pick<User, 'id' | 'email' | 'role'> | null; until: number }>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    audit: AuditService,
  ) {
    this.store = new AuditedStore(dataSource, audit, User, 'users', toUserResponse);
  }

  private get repo() {
    return this.dataSource.getRepository(User);
  }

  /**
   * The signed-in user behind a token, checked on every request. Answers are kept for a moment
   * (ACTIVE_USER_TTL_MS) because this runs on every call; a change to an account through this process
   * clears it at once, and other instances see the change within that moment.
   */
  async findActive(id: number): Promise<Pick<User, 'id' | 'email' | 'role'> | null> {
    const cached = this.activeUsers.get(id);
    if (cached && cached.until > Date.now()) return cached.user;
    const [user = null] = await this.dataSource.query('SELECT id, email, role FROM users WHERE id = $1 AND active', [id]);
    this.activeUsers.set(id, { user, until: Date.now() + ACTIVE_USER_TTL_MS });
    return user;
  }

  get(id: number): Promise<User> {
    return this.store.get(id);
  }

  list(query: ListQuery): Promise<[User[], number]> {
    return findPage(this.repo.createQueryBuilder('u'), query, USER_LIST);
  }

  async create(dto: CreateUserDto, actor: Actor | null): Promise<User> {
    const passwordHash = await argon2.hash(dto.password);
    return this.store.create(actor, () => ({
      email: dto.email.toLowerCase(),
      name: dto.name,
      role: dto.role,
      active: dto.active ?? true,
      passwordHash,
    }));
  }

  async update(id: number, dto: UpdateUserDto, actor: Actor): Promise<User> {
    const passwordHash = dto.password ? await argon2.hash(dto.password) : undefined;
    // Forgotten after the change is committed, so that no request caches the old account meanwhile.
    return this.store
      .update(id, dto.version, actor, (user) => {
        if (id === actor.id && (dto.role !== user.role || !dto.active)) {
          throw conflict('user.self_change', 'you cannot change your own role or deactivate yourself; ask another admin');
        }
        Object.assign(user, { email: dto.email.toLowerCase(), name: dto.name, role: dto.role, active: dto.active });
        if (passwordHash) user.passwordHash = passwordHash;
        if (dto.lockedUntil === null || passwordHash) Object.assign(user, { lockedUntil: null, failedLogins: 0 });
      })
      .finally(() => this.activeUsers.delete(id));
  }

  remove(id: number, actor: Actor): Promise<User> {
    return this.store
      .remove(id, actor, () => {
        if (id === actor.id) throw conflict('user.self_delete', 'you cannot delete your own account');
      })
      .finally(() => this.activeUsers.delete(id));
  }

  /** The first admin, from ADMIN_EMAIL / ADMIN_PASSWORD, when no admin exists yet. */
  async ensureAdmin(email: string, password: string): Promise<void> {
    const admins = await this.repo.count({ where: { role: 'admin' } });
    if (admins > 0) return;
    await this.create({ email, password, name: 'Administrator', role: 'admin' }, null);
  }
}

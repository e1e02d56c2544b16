import { createHash, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, IsNull } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { Environment } from '../config/environment';
import { RefreshToken } from './refresh-token.entity';
import { DomainError } from '../common/errors/domain-error';
import { type Role } from '../../../domain/src';

const sha256 = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * Single-use refresh tokens. Presenting one that was already used means it was copied: every token of
 * that account is revoked, so the thief and the owner both have to sign in again (RFC 9700, 4.14).
 */
@Injectable()
export class RefreshTokensService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly env: Environment,
  ) {}

  async issue(userId: number, em: EntityManager = this.dataSource.manager): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    await em.insert(RefreshToken, {
      userId,
      tokenHash: sha256(token),
      expiresAt: new Date(Date.now() + this.env.REFRESH_TOKEN_TTL_HOURS * 3_600_000),
    });
    // The account's expired tokens are of no use any more; clearing them here keeps the table small.
    await em.query('DELETE FROM refresh_tokens WHERE user_id = $1 AND expires_at < now()', [userId]);
    return token;
  }

  /** The account a valid token belongs to, with that token replaced by a new one. */
  async rotate(token: string): Promise<{ userId: number; role: Role; refreshToken: string }> {
    const outcome = await this.dataSource.transaction(async (em) => {
      const [row] = (await em.query(
        `SELECT t.id, t.user_id AS "userId", t.expires_at AS "expiresAt", t.revoked_at AS "revokedAt", u.active, u.role
           FROM refresh_tokens t JOIN users u ON u.id = t.user_id WHERE t.token_hash = $1 FOR UPDATE OF t`,
        [sha256(token)],
      )) as { id: string; userId: number; expiresAt: Date; revokedAt: Date | null; active: boolean; role: Role }[];
      if (!row) return { refused: 'the refresh token is not valid' };
      if (row.revokedAt) {
        await em.update(RefreshToken, { userId: row.userId, revokedAt: IsNull() }, { revokedAt: new Date() });
        await this.audit.record({ userId: row.userId, action: 'refresh-token-reuse', entity: 'users', entityId: row.userId }, em);
        return { refused: 'the refresh token was already used; sign in again' };
      }
      if (row.expiresAt <= new Date() || !row.active) return { refused: 'the session has ended; sign in again' };
      await em.update(RefreshToken, { id: row.id }, { revokedAt: new Date() });
      return { userId: row.userId, role: row.role, refreshToken: await this.issue(row.userId, em) };
    });
    // Thrown after the transaction, so that the revocation on reuse is committed, not rolled back.
    if ('refused' in outcome) throw new DomainError('auth.refresh_refused', outcome.refused ?? 'the session has ended; sign in again');
    return outcome;
  }

  /** Sign-out: this token, or every token of the account when none is given. */
  async revoke(userId: number, token?: string): Promise<void> {
    await this.dataSource
      .getRepository(RefreshToken)
      .update(token ? { userId, tokenHash: sha256(token), revokedAt: IsNull() } : { userId, revokedAt: IsNull() }, {
        revokedAt: new Date(),
      });
  }
}

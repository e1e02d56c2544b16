import { HttpException, HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import * as argon2 from 'argon2';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { Environment } from '../config/environment';
import type { User } from '../users/user.entity';
import { DomainError } from '../common/errors/domain-error';

type Account = Pick<User, 'id' | 'email' | 'role'> & { passwordHash: string; lockedUntil: Date | null };

/**
 * Email and password to an account, with lockout: LOCKOUT_THRESHOLD failed attempts in a row lock the
 * account for LOCKOUT_MINUTES. The counter lives in the database, so every instance sees the same one.
 */
@Injectable()
export class SignInService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly env: Environment,
  ) {}

  async verify(email: string, password: string): Promise<Pick<User, 'id' | 'email' | 'role'>> {
    const [account] = (await this.dataSource.query(
      'SELECT id, email, role, password_hash AS "passwordHash", locked_until AS "lockedUntil" FROM users WHERE email = $1 AND active',
      [email.toLowerCase()],
    )) as Account[];
    // Hashing runs even for unknown emails, so the answer's timing does not tell which emails exist.
    const ok = await argon2.verify(account?.passwordHash ?? DUMMY_HASH, password).catch(() => false);
    if (!account) throw wrongCredentials();
    if (account.lockedUntil && account.lockedUntil > new Date()) throw locked(account.lockedUntil);
    if (ok) {
      await this.dataSource.query('UPDATE users SET failed_logins = 0, locked_until = NULL WHERE id = $1 AND failed_logins > 0', [
        account.id,
      ]);
      return { id: account.id, email: account.email, role: account.role };
    }
    await this.recordFailure(account.id);
    throw wrongCredentials();
  }

  /** One atomic UPDATE, so that concurrent failures on two instances are all counted. */
  private async recordFailure(userId: number): Promise<void> {
    const [[row]] = (await this.dataSource.query(
      `UPDATE users SET failed_logins = failed_logins + 1,
              locked_until = CASE WHEN failed_logins + 1 >= $2 THEN now() + make_interval(mins => $3) END
        WHERE id = $1 RETURNING locked_until AS "lockedUntil"`,
      [userId, this.env.LOCKOUT_THRESHOLD, this.env.LOCKOUT_MINUTES],
    )) as [[{ lockedUntil: Date | null }]];
    if (row?.lockedUntil) {
      await this.audit.record({ userId: null, action: 'lock', entity: 'users', entityId: userId, after: { lockedUntil: row.lockedUntil } });
      throw locked(row.lockedUntil);
    }
  }
}

const wrongCredentials = () => new DomainError('auth.wrong_credentials', 'email or password is wrong');

const locked = (until: Date) =>
  new HttpException(
    {
      statusCode: HttpStatus.LOCKED,
      error: 'Locked',
      code: 'auth.locked',
      message: `this account is locked after too many failed sign-ins, until ${until.toISOString()}; an admin can unlock it`,
      lockedUntil: until.toISOString(),
    },
    HttpStatus.LOCKED,
  );

// A valid argon2 hash of a random string: verified against when the email is unknown.
const DUMMY_HASH = '$argon2id$v=19$m=65536,p=4,t=3$xBK/Qn5YgGsVOoxkqjT71A$weKzLZAHuCjVR7+5PauXN3AoRv8/11DM20K0n87YKVQ';

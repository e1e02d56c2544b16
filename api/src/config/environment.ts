import { passwordProblem, PUBLIC_MIN_CELL_DEFAULT } from '../../../domain/src';
import { DEFAULT_MAX_LAG_SECONDS } from '../database/replica/replica-policy';
import { plainToInstance, Transform } from 'class-transformer';
import {
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  MinLength,
  validateSync,
} from 'class-validator';

const toBool = ({ value }: { value: unknown }) =>
  value === undefined || value === '' ? undefined : value === true || String(value).toLowerCase() === 'true';

const toList = ({ value }: { value: unknown }) =>
  typeof value === 'string'
    ? value
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    : value;

/** Scheduled jobs (see api/src/jobs). Cron expressions are in the server's time zone (UTC in containers). */
export class JobsEnvironment {
  /** false: no job is scheduled (they can still be run by hand). */
  @Transform(toBool)
  @IsBoolean()
  JOBS_ENABLED = true;

  @IsString() DEADLINE_SWEEP_CRON = '0 * * * *';

  /** Hours past dueAt after which the sweep records an 'escalated' event. */
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(0)
  ESCALATION_GRACE_HOURS = 72;

  @IsString() REPORT_MONTHLY_CRON = '0 2 1 * *';
  @IsString() REPORT_QUARTERLY_CRON = '0 3 1 1,4,7,10 *';

  @Transform(toBool)
  @IsBoolean()
  RECHECK_ENABLED = false;

  @IsString() RECHECK_CRON = '0 4 * * *';

  /** Hosts the removal re-check may contact; nothing else is ever requested. */
  @Transform(toList)
  @IsString({ each: true })
  RECHECK_ALLOWED_HOSTS: string[] = [];

  @Transform(({ value }) => Number(value)) @IsInt() @Min(100) RECHECK_TIMEOUT_MS = 10_000;
  @Transform(({ value }) => Number(value)) @IsInt() @Min(1) RECHECK_CONCURRENCY = 4;
  /** Minimum gap between two requests to the same host. */
  @Transform(({ value }) => Number(value)) @IsInt() @Min(0) RECHECK_HOST_INTERVAL_MS = 1000;

  /** Text that, on a page answered 200, means the content was taken down. */
  @Transform(toList)
  @IsString({ each: true })
  RECHECK_REMOVED_MARKERS: string[] = [
    'This content isn’t available',
    "This content isn't available",
    'Video unavailable',
    'Post not found',
  ];

  /** Publish the public snapshot of each half-year that ended (1 January and 1 July); off unless set. */
  @Transform(toBool)
  @IsBoolean()
  PUBLIC_SNAPSHOT_ENABLED = false;

  @IsString() PUBLIC_SNAPSHOT_CRON = '0 6 1 1,7 *';

  /** Pause before retrying a failed job run (multiplied by the attempt number). */
  @Transform(({ value }) => Number(value)) @IsInt() @Min(0) JOB_RETRY_DELAY_MS = 5000;

  /** Attempts per job run before it is recorded as failed. */
  @Transform(({ value }) => Number(value)) @IsInt() @Min(1) JOB_MAX_ATTEMPTS = 3;
}

/** Mail (api/src/correspondence): sending requests, reading the platforms' replies. */
export class MailEnvironment extends JobsEnvironment {
  /** `smtp://user:pass@host:587` or `smtps://…`. Unset: nothing is sent, dispatch prepares a message to download. */
  @Transform(({ value }) => (value === '' ? undefined : value))
  @IsOptional()
  @Matches(/^smtps?:\/\/[^\s]+$/, { message: 'must be an smtp:// or smtps:// URL' })
  SMTP_URL?: string;

  /** The From address of the mail the tracker sends; its domain also names the Message-IDs. */
  @IsString()
  @Matches(/^(.*<)?[^\s<>@]+@[^\s<>@]+>?$/, { message: 'must be an e-mail address, optionally with a name: Name <address>' })
  MAIL_FROM = 'compliance-tracker@localhost';

  /** `imap://user:pass@host:143/INBOX` or `imaps://…`. Unset: no polling. */
  @Transform(({ value }) => (value === '' ? undefined : value))
  @IsOptional()
  @Matches(/^imaps?:\/\/[^\s]+$/, { message: 'must be an imap:// or imaps:// URL' })
  IMAP_URL?: string;

  @Transform(({ value }) => Number(value)) @IsInt() @Min(5) IMAP_POLL_SECONDS = 60;

  /** Larger messages are kept as their headers plus a note saying how large they were. */
  @Transform(({ value }) => Number(value)) @IsInt() @Min(1024) MAIL_MAX_BYTES = 25 * 1024 * 1024;

  /** When the re-notice job looks for reminders due (each platform sets its own interval). */
  @IsString() RENOTICE_CRON = '*/15 * * * *';
}

/** Configuration from the environment (DOMAIN.md, "Configuration"); validated once, at boot. */
export class Environment extends MailEnvironment {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  /** Unset: an embedded PostgreSQL in DATA_DIR. */
  @IsOptional()
  @IsString()
  DATABASE_URL?: string;

  /**
   * A PostgreSQL streaming replica of DATABASE_URL (hot standby) for statistics, lists, exports and
   * report downloads; writes, and a user's reads right after their own writes, stay on the primary.
   */
  @Transform(({ value }) => (value === '' ? undefined : value))
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/[^\s]+$/, { message: 'must be a postgres:// or postgresql:// URL' })
  DATABASE_REPLICA_URL?: string;

  /** A replica further behind the primary than this serves no reads (they go to the primary). */
  @Transform(({ value }) => Number(value))
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  DATABASE_REPLICA_MAX_LAG_SECONDS = DEFAULT_MAX_LAG_SECONDS;

  /** The embedded PostgreSQL's data, and the public snapshots' files (DATA_DIR/public). */
  @IsString()
  DATA_DIR = './.data';

  /** A public snapshot shows no count of fewer requests than this ("fewer than 10"). */
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(1)
  PUBLIC_MIN_CELL = PUBLIC_MIN_CELL_DEFAULT;

  /** Who publishes the public snapshots, named on their pages and in their data (e.g. the regulator's name). */
  @Transform(({ value }) => (value === '' ? undefined : value))
  @IsOptional()
  @IsString()
  PUBLIC_PUBLISHER?: string;

  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  @IsEmail()
  ADMIN_EMAIL = 'admin@example.org';

  /** Checked against the password policy (users/password-policy.ts). */
  @IsString()
  ADMIN_PASSWORD = 'change-me-now';

  /** Default: true with the embedded database, false otherwise. */
  @IsOptional()
  @Transform(toBool)
  @IsBoolean()
  SEED_DEMO?: boolean;

  @IsString()
  @MinLength(16)
  JWT_SECRET = 'development-only-secret-change-me';

  /** Lifetime of an access token; the web console renews it with its refresh token. */
  @IsString()
  JWT_EXPIRES_IN = '15m';

  /** Lifetime of a refresh token (single use: each renewal issues a new one). */
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(1)
  REFRESH_TOKEN_TTL_HOURS = 12;

  /** Sign-in and token-renewal attempts allowed per client address per minute. */
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(1)
  LOGIN_RATE_LIMIT = 10;

  /** Writes (POST, PUT, PATCH, DELETE) allowed per signed-in user per minute. */
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(1)
  WRITE_RATE_LIMIT = 300;

  /** Failed sign-ins in a row that lock an account, and for how long. */
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(1)
  LOCKOUT_THRESHOLD = 5;

  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(1)
  LOCKOUT_MINUTES = 15;

  /** Web origins allowed to call the API from a browser (comma-separated); the console itself needs none. */
  @Transform(toList)
  @IsString({ each: true })
  CORS_ORIGINS: string[] = [];

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  /** The OpenAPI pages at /api/docs, which need no token; default: on except in production. */
  @IsOptional()
  @Transform(toBool)
  @IsBoolean()
  API_DOCS?: boolean;
}

export function validateEnvironment(raw: Record<string, unknown>): Environment {
  const env = plainToInstance(Environment, raw, { exposeDefaultValues: true });
  const errors = validateSync(env, { whitelist: false });
  const details = errors.map((e) => `${e.property}: ${Object.values(e.constraints ?? {}).join(', ')}`);
  // The development defaults are public (they are in the README): production must set its own.
  const adminPassword = passwordProblem(env.ADMIN_PASSWORD, env.ADMIN_EMAIL);
  if (adminPassword) details.push(`ADMIN_PASSWORD: ${adminPassword}`);
  if (env.NODE_ENV === 'production') {
    const defaults = new Environment();
    if (env.JWT_SECRET === defaults.JWT_SECRET) details.push('JWT_SECRET: set a secret of your own in production');
    if (env.ADMIN_PASSWORD === defaults.ADMIN_PASSWORD) details.push('ADMIN_PASSWORD: set a password of your own in production');
  }
  if (env.DATABASE_REPLICA_URL && env.DATABASE_REPLICA_URL === env.DATABASE_URL) {
    details.push('DATABASE_REPLICA_URL: is DATABASE_URL itself; give the URL of a standby, or leave it unset');
  }
  if (details.length > 0) throw new Error(`Invalid configuration:\n  ${details.join('\n  ')}`);
  return env;
}

import { plainToInstance, Transform } from 'class-transformer';
import { IsBoolean, IsEmail, IsIn, IsInt, IsOptional, IsString, Max, Min, MinLength, validateSync } from 'class-validator';

const toBool = ({ value }: { value: unknown }) =>
  value === undefined || value === '' ? undefined : value === true || String(value).toLowerCase() === 'true';

/** Configuration from the environment (DOMAIN.md, "Configuration"); validated once, at boot. */
export class Environment {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  /** Unset: an embedded PostgreSQL in DATA_DIR. */
  @IsOptional()
  @IsString()
  DATABASE_URL?: string;

  @IsString()
  DATA_DIR = './.data';

  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  @IsEmail()
  ADMIN_EMAIL = 'admin@example.org';

  @IsString()
  @MinLength(8)
  ADMIN_PASSWORD = 'change-me-now';

  /** Default: true with the embedded database, false otherwise. */
  @IsOptional()
  @Transform(toBool)
  @IsBoolean()
  SEED_DEMO?: boolean;

  @IsString()
  @MinLength(16)
  JWT_SECRET = 'development-only-secret-change-me';

  @IsString()
  JWT_EXPIRES_IN = '8h';

  /** Login attempts allowed per client address per minute. */
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(1)
  LOGIN_RATE_LIMIT = 10;
}

export function validateEnvironment(raw: Record<string, unknown>): Environment {
  const env = plainToInstance(Environment, raw, { exposeDefaultValues: true });
  const errors = validateSync(env, { whitelist: false });
  if (errors.length > 0) {
    const details = errors.map((e) => `${e.property}: ${Object.values(e.constraints ?? {}).join(', ')}`);
    throw new Error(`Invalid configuration:\n  ${details.join('\n  ')}`);
  }
  return env;
}

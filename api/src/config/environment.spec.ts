import { validateEnvironment } from './environment';

describe('validateEnvironment', () => {
  it('should give the documented defaults', () => {
    expect(validateEnvironment({})).toMatchObject({
      PORT: 3000,
      DATA_DIR: './.data',
      ADMIN_EMAIL: 'admin@example.org',
      JOBS_ENABLED: true,
      RECHECK_ENABLED: false,
    });
  });

  it('should read numbers, booleans and lists from their text', () => {
    expect(validateEnvironment({ PORT: '8080', SEED_DEMO: 'false', RECHECK_ALLOWED_HOSTS: 'a.example, b.example' })).toMatchObject({
      PORT: 8080,
      SEED_DEMO: false,
      RECHECK_ALLOWED_HOSTS: ['a.example', 'b.example'],
    });
  });

  it('should read the mail settings, with their defaults', () => {
    expect(validateEnvironment({})).toMatchObject({ IMAP_POLL_SECONDS: 60, MAIL_MAX_BYTES: 25 * 1024 * 1024, SMTP_URL: undefined });
    expect(
      validateEnvironment({
        SMTP_URL: 'smtps://u:p@mail.example:465',
        IMAP_URL: 'imaps://u:p@mail.example/INBOX',
        IMAP_POLL_SECONDS: '30',
      }),
    ).toMatchObject({ SMTP_URL: 'smtps://u:p@mail.example:465', IMAP_POLL_SECONDS: 30 });
    expect(() => validateEnvironment({ SMTP_URL: 'http://mail.example', MAIL_FROM: 'nobody' })).toThrow(/SMTP_URL: .*\n\s+MAIL_FROM: /s);
  });

  it('should read the read replica settings, and refuse a malformed one', () => {
    expect(validateEnvironment({})).toMatchObject({ DATABASE_REPLICA_URL: undefined, DATABASE_REPLICA_MAX_LAG_SECONDS: 5 });
    expect(
      validateEnvironment({
        DATABASE_URL: 'postgres://app@primary/tracker',
        DATABASE_REPLICA_URL: 'postgresql://app@standby/tracker?sslmode=require',
        DATABASE_REPLICA_MAX_LAG_SECONDS: '0.5',
      }),
    ).toMatchObject({ DATABASE_REPLICA_URL: 'postgresql://app@standby/tracker?sslmode=require', DATABASE_REPLICA_MAX_LAG_SECONDS: 0.5 });
    expect(validateEnvironment({ DATABASE_REPLICA_URL: '' }).DATABASE_REPLICA_URL).toBeUndefined();
    expect(() => validateEnvironment({ DATABASE_REPLICA_URL: 'standby:5432', DATABASE_REPLICA_MAX_LAG_SECONDS: 'soon' })).toThrow(
      /DATABASE_REPLICA_URL: must be a postgres:\/\/ .*\n\s+DATABASE_REPLICA_MAX_LAG_SECONDS: /s,
    );
    expect(() => validateEnvironment({ DATABASE_REPLICA_MAX_LAG_SECONDS: '-1' })).toThrow(/DATABASE_REPLICA_MAX_LAG_SECONDS/);
    expect(() => validateEnvironment({ DATABASE_URL: 'postgres://db/t', DATABASE_REPLICA_URL: 'postgres://db/t' })).toThrow(
      /DATABASE_REPLICA_URL: is DATABASE_URL itself/,
    );
  });

  it('should name every bad variable', () => {
    expect(() => validateEnvironment({ PORT: 'eighty', ADMIN_EMAIL: 'nobody' })).toThrow(/PORT: .*\n\s+ADMIN_EMAIL: /s);
  });

  it('should refuse to start in production with the public default secret or admin password', () => {
    expect(() => validateEnvironment({ NODE_ENV: 'production' })).toThrow(
      /JWT_SECRET: set a secret of your own in production\n\s+ADMIN_PASSWORD: set a password/,
    );
    expect(
      validateEnvironment({ NODE_ENV: 'production', JWT_SECRET: 'a-long-secret-of-our-own', ADMIN_PASSWORD: 'a-password-of-our-own' })
        .NODE_ENV,
    ).toBe('production');
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { validateEnvironment } from '../../api/src/config/environment';

// Docker is not available here, so the compose file is checked for what it promises instead of run.
describe('docker-compose.yml', () => {
  const compose = parse(readFileSync(join(__dirname, '../../docker-compose.yml'), 'utf8'));
  const { db, app } = compose.services;

  it('should keep PostgreSQL on a named volume', () => {
    expect(db.volumes).toContain('pgdata:/var/lib/postgresql/data');
    expect(Object.keys(compose.volumes)).toContain('pgdata');
  });

  it('should run the app as two replicas on that database, checked for readiness, with time to drain', () => {
    expect(app.deploy.replicas).toBe(2);
    expect(app.depends_on.db.condition).toBe('service_healthy');
    const url = new URL(app.environment.DATABASE_URL);
    expect({ host: url.hostname, user: url.username, database: url.pathname.slice(1) }).toEqual({
      host: 'db',
      user: db.environment.POSTGRES_USER,
      database: db.environment.POSTGRES_DB,
    });
    expect(app.healthcheck.test.join(' ')).toContain('/api/health/ready');
    expect(app.ports).toEqual(['3000-3001:3000']);
    expect(parseInt(app.stop_grace_period, 10)).toBeGreaterThanOrEqual(30);
  });

  it("should hold a configuration the app accepts in production (the image's mode)", () => {
    expect(() => validateEnvironment({ ...app.environment, NODE_ENV: 'production' })).not.toThrow();
  });
});

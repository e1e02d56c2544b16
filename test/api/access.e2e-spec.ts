import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { JwtService } from '@nestjs/jwt';
import { ADMIN, createTestApp, PASSWORD, type TestApp } from './support/test-app';
import { type Permission, PERMISSIONS, type Role, ROLES } from '../../domain/src';

/** `public`: no token needed; `signed-in`: any valid token, whatever the role. */
type Access = Permission | 'public' | 'signed-in';

/**
 * Every route of the API and what calling it takes: this file's statement of intent, checked against
 * the README's permission table. A route missing here, or listed here but gone, fails the test.
 */
const ROUTES: Record<string, Access> = {
  'GET /api/health': 'public',
  'GET /api/health/live': 'public',
  'GET /api/health/ready': 'public',
  'POST /api/auth/login': 'public',
  'POST /api/auth/refresh': 'public',
  'GET /api/auth/me': 'signed-in',

  'GET /api/platforms': 'records:read',
  'GET /api/platforms/{id}': 'records:read',
  'POST /api/platforms': 'platforms:write',
  'PUT /api/platforms/{id}': 'platforms:write',
  'DELETE /api/platforms/{id}': 'platforms:write',

  'GET /api/agencies': 'records:read',
  'GET /api/agencies/{id}': 'records:read',
  'POST /api/agencies': 'agencies:write',
  'PUT /api/agencies/{id}': 'agencies:write',
  'DELETE /api/agencies/{id}': 'agencies:write',

  'GET /api/requests': 'records:read',
  'GET /api/requests/{id}': 'records:read',
  'POST /api/requests': 'requests:write',
  'PUT /api/requests/{id}': 'requests:write',
  'DELETE /api/requests/{id}': 'requests:write',
  'GET /api/requests/{id}/events': 'records:read',
  // Liaison officers may record platform answers and notes; which kinds is checked per event (requests.e2e).
  'POST /api/requests/{id}/events': 'requests:respond',
  // Sending, filing and dismissing mail is for those who record platform answers; raw mail carries content URLs.
  'POST /api/requests/{id}/dispatch': 'requests:respond',
  'GET /api/requests/{id}/evidence.zip': 'content:urls',
  'GET /api/messages': 'records:read',
  'GET /api/messages/{id}': 'records:read',
  'GET /api/messages/{id}/raw': 'content:urls',
  'GET /api/messages/{id}/attachments/{index}': 'content:urls',
  'POST /api/messages': 'requests:respond',
  'POST /api/messages/{id}/file': 'requests:respond',
  'POST /api/messages/{id}/dismiss': 'requests:respond',

  'GET /api/consultations': 'records:read',
  'GET /api/consultations/{id}': 'records:read',
  'POST /api/consultations': 'consultations:write',
  'PUT /api/consultations/{id}': 'consultations:write',
  'DELETE /api/consultations/{id}': 'consultations:write',

  'GET /api/stats/responsiveness': 'records:read',
  'GET /api/stats/responsiveness/series': 'records:read',
  'GET /api/stats/responsiveness/breakdown': 'records:read',
  'GET /api/stats/responsiveness/km': 'records:read',
  'GET /api/stats/content': 'records:read',
  'GET /api/stats/overdue': 'records:read',

  'GET /api/reports': 'records:read',
  'GET /api/reports/{id}': 'records:read',
  'GET /api/reports/{id}/pdf': 'records:read',
  'GET /api/reports/{id}/csv': 'records:read',
  'POST /api/reports': 'reports:create',
  'POST /api/reports/briefs': 'reports:create',

  'GET /api/imports/requests/template.csv': 'records:read',
  'POST /api/imports/requests': 'requests:write',
  'GET /api/exports/requests.csv': 'records:read',
  'GET /api/exports/requests.xlsx': 'records:read',
  'GET /api/exports/open-data': 'records:read',

  'GET /api/reminders': 'records:read',

  'GET /api/published-figures': 'records:read',
  'GET /api/published-figures/{id}': 'records:read',
  'GET /api/published-figures/template.csv': 'records:read',
  'POST /api/published-figures': 'figures:write',
  'POST /api/published-figures/import': 'figures:write',
  'GET /api/cross-check': 'records:read',
  'GET /api/cross-check/dsa-table3.csv': 'records:read',
  // The snapshots are public anyway (/public/ needs no token); previewing and publishing are the admin's.
  'GET /api/public/snapshots': 'records:read',
  'GET /api/public/snapshots/{id}': 'records:read',
  'POST /api/public/snapshots/preview': 'snapshots:publish',
  'POST /api/public/snapshots': 'snapshots:publish',
  'GET /api/jobs': 'jobs:manage',
  'GET /api/jobs/runs': 'jobs:manage',
  'POST /api/jobs/{name}/run': 'jobs:manage',

  'GET /api/users': 'users:manage',
  'GET /api/users/{id}': 'users:manage',
  'POST /api/users': 'users:manage',
  'PUT /api/users/{id}': 'users:manage',
  'DELETE /api/users/{id}': 'users:manage',

  'GET /api/audit': 'audit:read',
  'GET /api/audit/verify': 'audit:read',

  // Last: it may end the session of the token it is called with.
  'POST /api/auth/logout': 'signed-in',
};

/** Routes that may end the session of the token they are called with: each call gets a token of its own. */
const ENDS_SESSION = new Set(['POST /api/auth/logout']);

/** The README's permission table: permission -> the roles with a ✓, by the header's role columns. */
function readmePermissions(): { roles: string[]; table: Record<string, string[]> } {
  const lines = readFileSync(resolve(__dirname, '../../README.md'), 'utf8').split('\n');
  const cells = (line: string) =>
    line
      .split('|')
      .slice(1, -1)
      .map((c) => c.trim());
  const header = lines.find((l) => /^\|\s*permission\s*\|/.test(l));
  if (!header) throw new Error('README.md has no permission table');
  const roles = cells(header).slice(1);
  const table: Record<string, string[]> = {};
  for (const line of lines.filter((l) => /^\|.*\(`[a-z]+:[a-z]+`\)/.test(l))) {
    const [label, ...marks] = cells(line);
    table[/`([^`]+)`/.exec(label)![1]] = roles.filter((_, i) => marks[i] === '✓');
  }
  return { roles, table };
}

const readme = readmePermissions();

/** What a call came to: refused for want of a token (401), refused by role (403), or let through. */
const outcome = (status: number) => (status === 401 || status === 403 || status >= 500 ? status : 'let through');

describe('access to every route', () => {
  let t: TestApp;
  let documented: Map<string, { name: string; type?: string }[]>;
  let badCredentials: Record<string, string | undefined>;

  beforeAll(async () => {
    t = await createTestApp();
    const doc = (await t.http.get('/api/docs-json').expect(200)).body as {
      paths: Record<string, Record<string, { parameters?: { name: string; in: string; schema?: { type?: string } }[] }>>;
    };
    documented = new Map(
      Object.entries(doc.paths).flatMap(([path, operations]) =>
        Object.entries(operations).map(([method, op]) => [
          `${method.toUpperCase()} ${path}`,
          (op.parameters ?? []).filter((p) => p.in === 'path').map((p) => ({ name: p.name, type: p.schema?.type })),
        ]),
      ),
    );

    const jwt = t.app.get(JwtService);
    const [{ id: adminId }] = await t.db.query('SELECT id FROM users WHERE email = $1', [ADMIN.email]);
    const encode = (part: object) => Buffer.from(JSON.stringify(part)).toString('base64url');
    badCredentials = {
      'no Authorization header': undefined,
      'an empty bearer token': 'Bearer ',
      'a garbage token': 'Bearer not.a.token',
      'another scheme': `Basic ${Buffer.from(`${ADMIN.email}:${ADMIN.password}`).toString('base64')}`,
      'a token signed with another secret': `Bearer ${jwt.sign({ sub: adminId, role: 'admin' }, { secret: 'another-secret-of-enough-length' })}`,
      'an expired token': `Bearer ${jwt.sign({ sub: adminId, role: 'admin' }, { expiresIn: -60 })}`,
      'an unsigned token (alg none)': `Bearer ${encode({ alg: 'none', typ: 'JWT' })}.${encode({ sub: adminId, role: 'admin', iat: Math.floor(Date.now() / 1000) })}.`,
      'a token of an account that does not exist': `Bearer ${jwt.sign({ sub: 999_999, role: 'admin' })}`,
    };
  });
  afterAll(() => t.close());

  it('should have a README permission table that is PERMISSIONS in api/src/auth/permissions.ts', () => {
    expect([...readme.roles].sort()).toEqual([...ROLES].sort());
    const sorted = (table: Record<string, readonly string[]>) =>
      Object.fromEntries(Object.entries(table).map(([permission, roles]) => [permission, [...roles].sort()]));
    expect(sorted(readme.table)).toEqual(sorted(PERMISSIONS));
  });

  it('should know every route of the OpenAPI document', () => {
    expect([...documented.keys()].filter((route) => !(route in ROUTES))).toEqual([]);
  });

  it('should list no route that the OpenAPI document has lost', () => {
    expect(Object.keys(ROUTES).filter((route) => !documented.has(route))).toEqual([]);
  });

  /** Path parameters name nothing that exists and bodies are empty, so calls let through end harmlessly in 4xx. */
  async function call(route: string, authorization: string | undefined): Promise<number> {
    const [method, path] = route.split(' ');
    const url = path.replace(/\{(\w+)\}/g, (_, name: string) => {
      const type = documented.get(route)!.find((p) => p.name === name)?.type;
      return type === 'number' || type === 'integer' ? '999999' : 'no-such-thing';
    });
    let req = t.http[method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete'](url);
    if (authorization !== undefined) req = req.set('Authorization', authorization);
    const res = method === 'GET' ? await req : await req.send({});
    return res.status;
  }

  async function tokenFor(route: string, role: Role): Promise<string> {
    if (!ENDS_SESSION.has(route)) return t.token(role);
    await t.token(role); // creates the account
    const email = role === 'admin' ? ADMIN.email : `${role}@test.local`;
    const res = await t.http
      .post('/api/auth/login')
      .send({ email, password: role === 'admin' ? ADMIN.password : PASSWORD })
      .expect(200);
    return res.body.accessToken;
  }

  it.each(Object.entries(ROUTES))('%s (%s) should answer each caller as the README says', async (route, access) => {
    if (!documented.has(route)) return; // pending, or reported as gone by the test above
    const expected: Record<string, number | string> = {};
    const actual: Record<string, number | string> = {};
    for (const [name, authorization] of Object.entries(badCredentials)) {
      expected[name] = access === 'public' ? 'let through' : 401;
      actual[name] = outcome(await call(route, authorization));
    }
    for (const role of ROLES) {
      const allowed = access === 'public' || access === 'signed-in' || readme.table[access]?.includes(role);
      expected[role] = allowed ? 'let through' : 403;
      actual[role] = outcome(await call(route, `Bearer ${await tokenFor(route, role)}`));
    }
    expect(actual).toEqual(expected);
  });
});

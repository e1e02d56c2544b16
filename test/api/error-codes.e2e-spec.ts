import { ERROR_STATUS, type ErrorCode, isErrorCode } from '../../domain/src';
import { createAgency, platformId } from './support/fixtures';
import { createTestApp, type TestApp } from './support/test-app';

/**
 * Every error answer, whatever raised it (the app, NestJS, the body parser, the database), carries a
 * stable code of the domain whose status is the answer's own, so that the console can always say it in
 * the reader's language.
 */
describe('error codes', () => {
  let t: TestApp;
  let admin: string;
  let analyst: string;

  beforeAll(async () => {
    t = await createTestApp({ WRITE_RATE_LIMIT: '1000' });
    admin = `Bearer ${await t.token('admin')}`;
    analyst = `Bearer ${await t.token('analyst')}`;
  });
  afterAll(() => t.close());

  type Call = () => Promise<{ status: number; body: { code?: string; statusCode?: number } }>;
  const cases: [string, number, ErrorCode, Call][] = [
    ['no token', 401, 'auth.token_required', () => t.http.get('/api/requests')],
    ['a forged token', 401, 'auth.token_invalid', () => t.http.get('/api/requests').set('Authorization', 'Bearer x.y.z')],
    ['a role without the permission', 403, 'auth.forbidden', () => t.http.get('/api/users').set('Authorization', analyst)],
    ['an address that does not exist', 404, 'route.not_found', () => t.http.get('/api/nothing-here').set('Authorization', admin)],
    ['a record that does not exist', 404, 'record.not_found', () => t.http.get('/api/platforms/999999').set('Authorization', admin)],
    [
      'a body that is too large',
      413,
      'input.too_large',
      () =>
        t.http
          .post('/api/agencies')
          .set('Authorization', admin)
          .send({ name: 'x'.repeat(2_000_000) }),
    ],
    [
      'an import of the wrong type',
      415,
      'input.unsupported_media_type',
      () => t.http.post('/api/imports/requests').set('Authorization', admin).set('Content-Type', 'application/pdf').send('%PDF'),
    ],
    [
      'a delete the database refuses',
      409,
      'record.still_referenced',
      async () => {
        const x = await platformId(t, 'x');
        await t.http
          .post('/api/requests')
          .set('Authorization', admin)
          .send({
            platformId: x,
            agencyId: await createAgency(t, 'Codes'),
            type: 'removal',
            category: 'ncii',
            channel: 'portal',
            reference: 'CODES-1',
          })
          .expect(201);
        return t.http.delete(`/api/platforms/${x}`).set('Authorization', admin);
      },
    ],
  ];

  it.each(cases)('should give %s a code of its own', async (_name, status, code, call) => {
    const res = await call();
    expect([res.status, res.body.statusCode, res.body.code]).toEqual([status, status, code]);
    expect(isErrorCode(res.body.code) && ERROR_STATUS[res.body.code]).toBe(status);
  });
});

import type { AddressInfo } from 'node:net';
import { fetchUtils } from 'ra-core';
import simpleRestProvider from 'ra-data-simple-rest';
import { createAgency, platformId } from './support/fixtures';
import { createTestApp, type TestApp } from './support/test-app';

/** The real react-admin data provider, unchanged, against the running API. */
describe('ra-data-simple-rest against the API', () => {
  let t: TestApp;
  let provider: ReturnType<typeof simpleRestProvider>;
  let agencyId: number;
  let telegram: number;

  beforeAll(async () => {
    t = await createTestApp();
    await t.app.listen(0, '127.0.0.1');
    const { port } = t.app.getHttpServer().address() as AddressInfo;
    const token = await t.token('regulator');
    const httpClient = (url: string, options: fetchUtils.Options = {}) =>
      fetchUtils.fetchJson(url, { ...options, user: { authenticated: true, token: `Bearer ${token}` } });
    provider = simpleRestProvider(`http://127.0.0.1:${port}/api`, httpClient);
    agencyId = await createAgency(t);
    telegram = await platformId(t, 'telegram');
  });
  afterAll(() => t.close());

  const request = (reference: string, sentAt: string) => ({
    platformId: telegram,
    agencyId,
    type: 'investigation',
    category: 'sextortion',
    channel: 'email',
    reference,
    sentAt,
  });

  it('should create, read, list, update and delete', async () => {
    for (let month = 2; month <= 8; month++) {
      const { data } = await provider.create('requests', { data: request(`KNPA-2020-${month}`, `2020-0${month}-10T00:00:00Z`) });
      expect(data).toMatchObject({ id: expect.any(Number), status: 'sent' });
    }

    const page = await provider.getList('requests', {
      pagination: { page: 2, perPage: 3 },
      sort: { field: 'sentAt', order: 'ASC' },
      filter: { platformId: telegram, status: 'sent' },
    });
    expect(page.total).toBe(7);
    expect(page.data.map((r) => r.reference)).toEqual(['KNPA-2020-5', 'KNPA-2020-6', 'KNPA-2020-7']);

    const one = await provider.getOne('requests', { id: page.data[0].id });
    expect(one.data.reference).toBe('KNPA-2020-5');

    const many = await provider.getMany('requests', { ids: [page.data[0].id, page.data[1].id] });
    expect(many.data).toHaveLength(2);

    const updated = await provider.update('requests', {
      id: one.data.id,
      data: { ...one.data, platformRef: 'TG-551' },
      previousData: one.data,
    });
    expect(updated.data).toMatchObject({ platformRef: 'TG-551', version: 2 });

    const { data: draft } = await provider.create('requests', { data: { ...request('DRAFT-1', ''), sentAt: undefined } });
    expect(draft.status).toBe('draft');
    const deleted = await provider.delete('requests', { id: draft.id, previousData: draft });
    expect(deleted.data.id).toBe(draft.id);
    await expect(provider.getOne('requests', { id: draft.id })).rejects.toMatchObject({ status: 404 });
  });

  it('should surface the API message on a refused write', async () => {
    await expect(provider.create('requests', { data: request('KNPA-2020-2', '2020-02-10T00:00:00Z') })).rejects.toMatchObject({
      status: 409,
      message: expect.stringMatching(/reference already exists/),
    });
  });
});

import { createDataProvider } from './dataProvider';

// The data provider takes fetchUtils and HttpError from react-admin, which re-exports them from ra-core
// (react-admin's UI does not load under Jest).
jest.mock('react-admin', () => jest.requireActual('ra-core'));

describe('getList', () => {
  const storage = { getItem: () => null, setItem: () => undefined, removeItem: () => undefined } as unknown as Storage;
  const answer = (headers: Record<string, string>) =>
    jest
      .spyOn(globalThis, 'fetch')
      .mockResolvedValue(new Response('[{"id":1}]', { headers: { 'Content-Type': 'application/json', ...headers } }));
  const getList = () =>
    createDataProvider('http://api.test/api', storage).getList('requests', {
      pagination: { page: 1, perPage: 25 },
      sort: { field: 'id', order: 'ASC' },
      filter: {},
    });
  afterEach(() => jest.restoreAllMocks());

  it('should pass on that the total is an estimate, the total itself as the stock provider reads it', async () => {
    answer({ 'Content-Range': 'requests 0-0/20235', 'X-Total-Estimated': 'true' });
    expect(await getList()).toEqual({ data: [{ id: 1 }], total: 20_235, meta: { totalEstimated: true } });
  });

  it('should leave an exact total as it is', async () => {
    answer({ 'Content-Range': 'requests 0-0/319' });
    expect(await getList()).toEqual({ data: [{ id: 1 }], total: 319 });
  });
});

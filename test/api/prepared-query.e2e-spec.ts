import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../api/src/database/data-source-options';
import { PREPARED_PER_CONNECTION, queryPrepared } from '../../api/src/database/prepared-query';
import { createTestDatabase } from './support/database';

describe('prepared statements', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let dataSource: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase();
    // One connection, so that every call lands on the same session and its statements can be counted.
    dataSource = await new DataSource({ ...dataSourceOptions(db.url), extra: { max: 1 } } as never).initialize();
  });
  afterAll(async () => {
    await dataSource.destroy();
    await db.drop();
  });

  const prepared = async () =>
    (await queryPrepared<{ n: number }>(dataSource, 'SELECT count(*)::int AS n FROM pg_prepared_statements', []))[0].n;

  it('should prepare a statement once per connection and run it again with other parameters', async () => {
    const sql = 'SELECT $1::int * 2 AS doubled';
    expect(await queryPrepared(dataSource, sql, [21])).toEqual([{ doubled: 42 }]);
    const before = await prepared();
    expect(await queryPrepared(dataSource, sql, [5])).toEqual([{ doubled: 10 }]);
    expect(await prepared()).toBe(before);
  });

  it(`should keep at most ${PREPARED_PER_CONNECTION} statements on a connection and still answer past that`, async () => {
    for (let i = 0; i < PREPARED_PER_CONNECTION + 20; i++) {
      expect(await queryPrepared(dataSource, `SELECT ${i} + $1::int AS n`, [1])).toEqual([{ n: i + 1 }]);
    }
    expect(await prepared()).toBe(PREPARED_PER_CONNECTION);
  });
});

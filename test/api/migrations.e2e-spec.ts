import { DataSource } from 'typeorm';
import { dataSourceOptions, ENTITY_FILES } from '../../api/src/database/data-source-options';
import { adminQuery, withDatabase } from './support/database';

/** Every migration's down() works, and up() again gives the same schema. */
describe('migrations', () => {
  const database = `tracker_migrations_${process.pid}`;
  let dataSource: DataSource;
  const schema = () =>
    dataSource.query(`SELECT table_name, column_name, data_type, is_nullable FROM information_schema.columns
                      WHERE table_schema = 'public' ORDER BY table_name, column_name`);

  beforeAll(async () => {
    await adminQuery(process.env.TEST_SERVER_URL!, `CREATE DATABASE ${database}`);
    dataSource = await new DataSource(dataSourceOptions(withDatabase(process.env.TEST_SERVER_URL!, database), [ENTITY_FILES])).initialize();
  });
  afterAll(async () => {
    await dataSource.destroy();
    await adminQuery(process.env.TEST_SERVER_URL!, `DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  });

  it('should migrate up, down to nothing, and up again', async () => {
    const applied = await dataSource.runMigrations();
    expect(applied.length).toBe(dataSource.migrations.length);
    const first = await schema();
    const [{ n }] = await dataSource.query('SELECT count(*)::int AS n FROM platforms');
    expect(n).toBe(6);
    for (let i = 0; i < applied.length; i++) await dataSource.undoLastMigration();
    const tables = await dataSource.query(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'migrations'`,
    );
    expect(tables).toEqual([]);
    await dataSource.runMigrations();
    expect(await schema()).toEqual(first);
  });

  it('should leave nothing for migration:generate to find (entities and migrations agree)', async () => {
    const sql = await dataSource.driver.createSchemaBuilder().log();
    expect(sql.upQueries.map((q) => q.query)).toEqual([]);
  });
});

// The data source the TypeORM CLI uses (npm run migration:generate|run|revert).
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { dataSourceOptions, ENTITY_FILES } from './data-source-options';

const url = process.env.DATABASE_URL;
if (!url) throw new Error('Set DATABASE_URL to the database to migrate, e.g. postgres://postgres@127.0.0.1:5432/tracker');

export default new DataSource(dataSourceOptions(url, [ENTITY_FILES]));

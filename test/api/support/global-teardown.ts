import { adminQuery } from './database';

export default async function globalTeardown(): Promise<void> {
  await adminQuery(process.env.TEST_SERVER_URL!, `DROP DATABASE IF EXISTS ${process.env.TEST_TEMPLATE_DATABASE}`);
  await (globalThis as { embeddedDatabase?: { stop(): Promise<void> } }).embeddedDatabase?.stop();
}

import { createHash } from 'node:crypto';
import type { PoolClient } from 'pg';
import type { DataSource } from 'typeorm';

/**
 * Statements kept prepared on one connection at most; past this, a query is parsed each time. The
 * requests page with its plan holds about 100 KB of the server's memory per connection.
 */
export const PREPARED_PER_CONNECTION = 50;

const preparedOn = new WeakMap<PoolClient, Set<string>>();

// A statement's name is a digest of its text, taken once per text: looking the text up costs far less
// than digesting it again.
const NAMES_KEPT = 1_000;
const names = new Map<string, string>();
function nameOf(sql: string): string {
  let name = names.get(sql);
  if (!name) {
    name = `q_${createHash('sha1').update(sql).digest('base64url')}`;
    if (names.size >= NAMES_KEPT) names.clear();
    names.set(sql, name);
  }
  return name;
}

/**
 * Runs `sql` as a named prepared statement of the connection it gets, so that PostgreSQL parses it
 * once per connection instead of on every call, and after five calls plans it once too (when the
 * plan does not depend on the parameters' values). For hot queries whose text is long and whose shape
 * repeats (the requests list: parsing its JSON expression cost PostgreSQL as much as running it).
 * The text names the statement, so different queries never share a name. For reads only: inside a
 * request that may read from the replica (replica/), it runs there.
 */
export async function queryPrepared<R>(dataSource: DataSource, sql: string, params: unknown[]): Promise<R[]> {
  const runner = dataSource.createQueryRunner('slave');
  try {
    const client = (await runner.connect()) as PoolClient;
    const name = nameOf(sql);
    let prepared = preparedOn.get(client);
    if (!prepared) preparedOn.set(client, (prepared = new Set()));
    const named = prepared.has(name) || prepared.size < PREPARED_PER_CONNECTION;
    const result = await client.query(named ? { name, text: sql, values: params } : { text: sql, values: params });
    if (named) prepared.add(name);
    return result.rows as R[];
  } finally {
    await runner.release();
  }
}

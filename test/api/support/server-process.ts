import { type ChildProcess, spawn } from 'node:child_process';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { freePort } from '../../../api/src/database/free-port';
import { ADMIN } from './test-app';

const ROOT = join(__dirname, '../../..');

export interface ServerProcess {
  child: ChildProcess;
  port: number;
  base: string;
  /** Its JSON log lines so far. */
  logs: string[];
  /** The exit code, once it has exited (null when killed by a signal). */
  exited: Promise<number | null>;
  login(): Promise<string>;
}

/** The real entry point (api/src/main.ts) in a process of its own, on the given database; resolves once it is ready. */
export async function startServer(databaseUrl: string, env: Record<string, string> = {}): Promise<ServerProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, ['-r', '@swc-node/register', join(ROOT, 'api/src/main.ts')], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_OPTIONS: '',
      SWC_NODE_PROJECT: join(ROOT, 'test/tsconfig.json'),
      NODE_ENV: 'test',
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      JWT_SECRET: 'test-secret-that-is-long-enough',
      JOBS_ENABLED: 'false',
      LOGIN_RATE_LIMIT: '100000',
      WRITE_RATE_LIMIT: '1000000',
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: string[] = [];
  child.stdout!.on('data', (chunk) => logs.push(...String(chunk).split('\n').filter(Boolean)));
  child.stderr!.on('data', (chunk) => logs.push(...String(chunk).split('\n').filter(Boolean)));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const base = `http://127.0.0.1:${port}`;

  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited at start:\n${logs.join('\n')}`);
    if ((await statusOf(`${base}/api/health/ready`)) === 200) break;
    if (Date.now() > deadline) throw new Error(`the server did not become ready:\n${logs.join('\n')}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    child,
    port,
    base,
    logs,
    exited,
    async login() {
      const res = await fetch(`${base}/api/auth/login`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(ADMIN),
      });
      return ((await res.json()) as { accessToken: string }).accessToken;
    },
  };
}

/** The status of a GET, or 0 when nothing answers. */
export function statusOf(url: string): Promise<number> {
  return new Promise((resolve) => {
    const req = httpRequest(url, { agent: false }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', () => resolve(0));
    req.end();
  });
}

export interface PostgresProcess {
  url: string;
  /** Stops the server (fast shutdown) and waits for it. */
  stop(): Promise<void>;
}

/** An embedded PostgreSQL in a child process, with its data in `dataDir`; start it again on the same dir and port to restart it. */
export async function startPostgres(dataDir: string, port: number): Promise<PostgresProcess> {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', join(__dirname, 'postgres-process.ts'), dataDir, String(port)], {
    cwd: ROOT,
    env: { ...process.env, NODE_OPTIONS: '', SWC_NODE_PROJECT: join(ROOT, 'test/tsconfig.json') },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk) => {
      out += chunk;
      if (out.includes('\n')) resolve(out.trim());
    });
    child.once('exit', (code) => reject(new Error(`PostgreSQL did not start (exit ${code})`)));
  });
  return {
    url,
    async stop() {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

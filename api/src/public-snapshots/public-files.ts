import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { cp, mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { Injectable } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { Environment } from '../config/environment';
import { PUBLIC_LATEST, PUBLIC_SHORT_MAX_AGE } from '../../../domain/src';
import { MEDIA_TYPES, sha256 } from './snapshot-files';

const LONG = 'public, max-age=31536000, immutable';
const SHORT = `public, max-age=${PUBLIC_SHORT_MAX_AGE}`;

interface Served {
  body: Buffer;
  gzip: Buffer | null;
  etag: string;
  type: string;
  cache: string;
}

const temporary = (root: string, what: string) => join(root, `.${what}-${process.pid}-${randomBytes(4).toString('hex')}`);

/**
 * The public tree on disk (DATA_DIR/public: a folder per snapshot, latest/, the index) and the same
 * files served from memory at /public/. Everything is written to a temporary name and renamed into
 * place, so a reader or a copy to a static host never sees half a file or half a folder. A snapshot's
 * folder never changes once written; the index and latest/ are replaced whole.
 */
@Injectable()
export class PublicFiles {
  readonly root: string;
  private served = new Map<string, Served>();

  constructor(env: Environment) {
    this.root = resolve(env.DATA_DIR, 'public');
  }

  /** Writes a snapshot's folder: all its files in a temporary folder, then one rename. */
  async writeSnapshot(folder: string, files: { name: string; content: Buffer }[]): Promise<void> {
    await mkdir(this.root, { recursive: true });
    const tmp = temporary(this.root, 'new');
    try {
      await mkdir(tmp);
      for (const f of files) await writeFile(join(tmp, f.name), f.content);
      const target = join(this.root, folder);
      // A folder of that name the database does not know (a database restored or reset under the
      // same DATA_DIR) is moved aside, never mixed with the new files.
      if (existsSync(target)) await rename(target, temporary(this.root, `orphan-${folder}`));
      await rename(tmp, target);
    } catch (err) {
      await rm(tmp, { recursive: true, force: true });
      throw err;
    }
  }

  /** Takes back a folder written for a snapshot whose transaction did not commit. */
  async removeSnapshot(folder: string): Promise<void> {
    await rm(join(this.root, folder), { recursive: true, force: true });
  }

  /** The SHA-256 of a snapshot's manifest as it is on disk, or null when it is missing. */
  async manifestSha256(folder: string, manifest: string): Promise<string | null> {
    try {
      return sha256(await readFile(join(this.root, folder, manifest)));
    } catch {
      return null;
    }
  }

  /** The index files, each replaced by a rename, and latest/ as a copy of the latest snapshot's folder. */
  async writeTop(files: { name: string; content: Buffer }[], latestFolder: string | null): Promise<void> {
    await mkdir(this.root, { recursive: true });
    for (const f of files) {
      const tmp = temporary(this.root, f.name);
      await writeFile(tmp, f.content);
      await rename(tmp, join(this.root, f.name));
    }
    const latest = join(this.root, PUBLIC_LATEST);
    if (latestFolder === null) {
      await rm(latest, { recursive: true, force: true });
      return;
    }
    const tmp = temporary(this.root, PUBLIC_LATEST);
    await cp(join(this.root, latestFolder), tmp, { recursive: true });
    const old = temporary(this.root, `old-${PUBLIC_LATEST}`);
    if (existsSync(latest)) await rename(latest, old);
    await rename(tmp, latest);
    await rm(old, { recursive: true, force: true });
  }

  /**
   * Reads the tree into memory: what /public/ serves, so that no request touches the disk or the
   * database. Only the index, latest/ and the folders named (the snapshots the database knows).
   */
  async reload(folders: Set<string>): Promise<void> {
    const served = new Map<string, Served>();
    const add = async (path: string, key: string) => {
      const ext = key.slice(key.lastIndexOf('.') + 1);
      const type = MEDIA_TYPES[ext];
      if (!type) return;
      const body = await readFile(path);
      const etag = `"${sha256(body).slice(0, 40)}"`;
      // Pages and data compress five to ten times: kept compressed too, for clients that take gzip.
      const gzip = body.length > 1024 ? gzipSync(body, { level: 9 }) : null;
      served.set(key, { body, gzip, etag, type, cache: key.includes('/') && !key.startsWith(`${PUBLIC_LATEST}/`) ? LONG : SHORT });
    };
    // No snapshot in the database: nothing is served, whatever an old DATA_DIR holds.
    const entries = folders.size > 0 && existsSync(this.root) ? await readdir(this.root, { withFileTypes: true }) : [];
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      if (entry.isFile()) await add(join(this.root, entry.name), entry.name);
      if (entry.isDirectory() && (entry.name === PUBLIC_LATEST || folders.has(entry.name))) {
        for (const name of await readdir(join(this.root, entry.name)))
          await add(join(this.root, entry.name, name), `${entry.name}/${name}`);
      }
    }
    this.served = served;
  }

  /** The express handler of /public/: files from memory, with ETags and cache lifetimes; no token, no database. */
  handler() {
    return (req: Request, res: Response, next: NextFunction): void => {
      if (req.method !== 'GET' && req.method !== 'HEAD') return next();
      let key: string;
      try {
        key = decodeURIComponent(req.path).replace(/^\/+/, '');
      } catch {
        key = '';
      }
      if (key === '' || key.endsWith('/')) key += 'index.html';
      const file = this.served.get(key);
      if (!file) {
        // A folder asked for without its slash: its pages link to their neighbours relatively.
        if (this.served.has(`${key}/index.html`)) return res.redirect(301, `${req.baseUrl}/${key}/`);
        res.status(404).type('text/plain').send('Not found');
        return;
      }
      const gzip = file.gzip && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? '')) ? file.gzip : null;
      const etag = gzip ? `${file.etag.slice(0, -1)}-gz"` : file.etag;
      res.setHeader('Content-Type', file.type);
      res.setHeader('Cache-Control', file.cache);
      res.setHeader('ETag', etag);
      res.setHeader('Vary', 'Accept-Encoding');
      // Open data: any site may fetch it.
      res.setHeader('Access-Control-Allow-Origin', '*');
      const match = req.headers['if-none-match'];
      if (match && match.split(',').some((tag) => tag.trim() === etag || tag.trim() === `W/${etag}`)) {
        res.status(304).end();
        return;
      }
      const body = gzip ?? file.body;
      if (gzip) res.setHeader('Content-Encoding', 'gzip');
      res.setHeader('Content-Length', body.length);
      res.status(200).end(req.method === 'HEAD' ? undefined : body);
    };
  }
}

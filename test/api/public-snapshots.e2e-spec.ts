import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PublicSnapshotsService } from '../../api/src/public-snapshots/public-snapshots.service';
import { countRows, platformId } from './support/fixtures';
import { createTestApp, type TestApp } from './support/test-app';
import { PUBLIC_LICENCE, PUBLIC_METRICS, type PublicFigures } from '../../domain/src';

const HEADER =
  'agency,reference,platform,type,category,channel,sentAt,status,outcome,firstResponseAt,resolvedAt,itemUrl,itemContentHash,itemState';
const AGENCY = 'Korea Communications Standards Commission';
const sha256 = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');
const hours = (iso: string, h: number) => new Date(new Date(iso).getTime() + h * 3_600_000).toISOString();

/** What must never leave: every reference, content address and content hash the ledger holds. */
const secrets = { references: [] as string[], urls: [] as string[], hashes: [] as string[] };

/** A YouTube removal request with one item: answered (and its item removed or not) after `answeredAfter` hours, or never. */
function youtubeRow(reference: string, sentAt: string, answeredAfter: number | null, removed: boolean): string {
  const url = `https://www.youtube.example/watch?v=${reference.toLowerCase()}-private`;
  const hash = sha256(`content of ${reference}`);
  secrets.references.push(reference);
  secrets.urls.push(url);
  secrets.hashes.push(hash);
  if (answeredAfter === null) return `${AGENCY},${reference},youtube,removal,ncii,portal,${sentAt},sent,,,,${url},${hash},`;
  const at = hours(sentAt, answeredAfter);
  return `${AGENCY},${reference},youtube,removal,ncii,portal,${sentAt},resolved,${removed ? 'removed' : 'refused'},${at},${at},${url},${hash},${removed ? 'removed' : 'still_online'}`;
}

/** An investigation request without items, answered after `answeredAfter` hours or never. */
function plainRow(platform: string, reference: string, sentAt: string, answeredAfter: number | null): string {
  secrets.references.push(reference);
  const answered = answeredAfter === null ? 'sent,,,' : `acknowledged,,${hours(sentAt, answeredAfter)},`;
  return `${AGENCY},${reference},${platform},investigation,sextortion,email,${sentAt},${answered},,,`;
}

/** Every file under a folder, with its path relative to it. */
function filesUnder(root: string, prefix = ''): { path: string; content: Buffer }[] {
  return readdirSync(join(root, prefix)).flatMap((name) => {
    const path = prefix ? `${prefix}/${name}` : name;
    return statSync(join(root, path)).isDirectory() ? filesUnder(root, path) : [{ path, content: readFileSync(join(root, path)) }];
  });
}

describe('public snapshots', () => {
  let t: TestApp;
  let admin: string;
  let dataDir: string;
  const publicDir = () => join(dataDir, 'public');

  const importCsv = async (rows: string[]) => {
    const res = await t.http
      .post('/api/imports/requests')
      .set('Authorization', admin)
      .set('Content-Type', 'text/csv')
      .send([HEADER, ...rows].join('\n'));
    expect(res.body.errors).toEqual([]);
  };
  const preview = (body: object) => t.http.post('/api/public/snapshots/preview').set('Authorization', admin).send(body);
  const publish = (body: object) => t.http.post('/api/public/snapshots').set('Authorization', admin).send(body);
  const H1 = { from: '2024-01-01', to: '2024-07-01' };
  const byPlatform = (document: { platforms: { platform: string; figures: PublicFigures }[] }) =>
    Object.fromEntries(document.platforms.map((p) => [p.platform, p.figures]));

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'tracker-public-'));
    t = await createTestApp({ DATA_DIR: dataDir, PUBLIC_PUBLISHER: 'The Test Regulator' });
    admin = `Bearer ${await t.token('admin')}`;
    await t.http.post('/api/agencies').set('Authorization', admin).send({ name: AGENCY, kind: 'regulator', country: 'KR' }).expect(201);
    const rows: string[] = [];
    // 2023-H2: YouTube, 12 requests, all answered.
    for (let i = 0; i < 12; i++) rows.push(youtubeRow(`KCSC-2023-YT-${i}`, `2023-09-${String(i + 1).padStart(2, '0')}T03:00:00Z`, 5, true));
    // 2024-H1: YouTube 40 (30 answered within 30 h, 20 items removed); X 25 (5 never answered); Telegram 3 (none answered).
    for (let i = 0; i < 40; i++) {
      const sentAt = `2024-02-${String((i % 28) + 1).padStart(2, '0')}T0${i % 10}:00:00Z`;
      rows.push(youtubeRow(`KCSC-2024-YT-${i}`, sentAt, i < 30 ? i + 1 : null, i < 20));
    }
    for (let i = 0; i < 25; i++)
      rows.push(plainRow('x', `KCSC-2024-X-${i}`, `2024-03-${String(i + 1).padStart(2, '0')}T09:00:00Z`, i < 20 ? 10 : null));
    for (let i = 0; i < 3; i++) rows.push(plainRow('telegram', `KCSC-2024-TG-${i}`, `2024-04-0${i + 1}T09:00:00Z`, null));
    await importCsv(rows);
  });
  afterAll(async () => {
    await t.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('should preview what a snapshot would show, small cells suppressed, without recording or writing anything', async () => {
    const res = await preview(H1).expect(200);
    expect(res.body).toMatchObject({ id: null, status: 'preview', label: '2024-H1', path: null, sha256: null, minCell: 10 });
    const figures = byPlatform(res.body.document);
    expect(Object.keys(figures)).toEqual(['telegram', 'x', 'youtube']); // by name, never by a figure
    expect(figures.youtube).toEqual({
      sent: { value: 40, status: 'shown' },
      responded: { value: 30, status: 'shown' },
      responseRate: { value: 0.75, status: 'shown' },
      medianResponseHours: { value: 15.5, status: 'shown' },
      kmMedianResponseHours: { value: 20, status: 'shown' },
      onTimeRate: { value: 0.75, status: 'shown' },
      removalRate: { value: 0.5, status: 'shown' },
    });
    // Telegram: 3 requests, "fewer than 10", and nothing else of it.
    expect(figures.telegram.sent).toEqual({ value: null, status: 'fewer_than_min' });
    expect(PUBLIC_METRICS.filter((m) => m !== 'sent').map((m) => figures.telegram[m].status)).toEqual(
      PUBLIC_METRICS.slice(1).map(() => 'withheld'),
    );
    // X: 5 unanswered of 25. Sent minus answered would give them, so the answered count and the rate are withheld.
    expect(figures.x).toMatchObject({ sent: { value: 25 }, responded: { status: 'withheld' }, responseRate: { status: 'withheld' } });
    expect(res.body.document.agencies).toBeNull();
    expect(await countRows(t, 'public_snapshots')).toBe(0);
    expect(() => readdirSync(publicDir())).toThrow(/ENOENT/);
  });

  it('should show no total that a suppressed cell could be recovered from, and the totals once that platform is left out', async () => {
    const all = (await preview(H1).expect(200)).body.document;
    for (const metric of PUBLIC_METRICS) {
      const hidden = all.platforms.some((p: { figures: PublicFigures }) => p.figures[metric].status !== 'shown');
      if (hidden) expect({ metric, total: all.totals[metric].status }).toEqual({ metric, total: expect.stringMatching(/withheld|none/) });
    }
    expect(all.totals.sent).toEqual({ value: null, status: 'withheld' }); // 68 - 40 - 25 would be Telegram's 3
    const shownSent = all.platforms
      .map((p: { figures: PublicFigures }) => p.figures.sent.value ?? 0)
      .reduce((a: number, b: number) => a + b, 0);
    expect(shownSent).toBe(65);

    const ids = [await platformId(t, 'youtube'), await platformId(t, 'x')];
    const two = (await preview({ ...H1, platformIds: ids }).expect(200)).body.document;
    expect(two.platforms.map((p: { platform: string }) => p.platform)).toEqual(['x', 'youtube']);
    expect(two.totals.sent).toEqual({ value: 65, status: 'shown' });
    expect(two.totals.responded.status).toBe('withheld'); // X's answered count is withheld
  });

  it('should refuse bad input with a 4xx naming the field, and record nothing', async () => {
    const cases: [object, number, string, string?][] = [
      [{ ...H1, from: '2024-01-01T10:00:00Z' }, 400, 'input.invalid', 'from'],
      [{ from: '2024-07-01', to: '2024-01-01' }, 400, 'input.period_reversed', 'to'],
      [{ from: '2026-01-01', to: '2099-01-01' }, 400, 'input.in_future', 'to'],
      [{ ...H1, asOf: '2024-06-01T00:00:00Z' }, 400, 'input.invalid', 'asOf'],
      [{ ...H1, platformIds: [999_999] }, 400, 'record.unknown_reference', 'platformIds'],
      [{ ...H1, replaces: 999_999 }, 400, 'record.unknown_reference', 'replaces'],
      [{ from: '2021-01-01', to: '2021-07-01' }, 400, 'snapshot.nothing_to_publish', 'platformIds'],
      [{ ...H1, showAgencies: 'yes' }, 400, 'input.invalid', 'showAgencies'],
      [{ ...H1, previewSha256: 'abc' }, 400, 'input.invalid', 'previewSha256'],
      [{ to: '2024-07-01' }, 400, 'input.not_a_date', 'from'],
    ];
    for (const [body, status, code, field] of cases) {
      const res = await publish(body);
      expect({ body, status: res.status, code: res.body.code, field: res.body.field }).toEqual({ body, status, code, field });
    }
    const analyst = `Bearer ${await t.token('analyst')}`;
    await t.http.post('/api/public/snapshots/preview').set('Authorization', analyst).send(H1).expect(403);
    await t.http
      .post('/api/public/snapshots')
      .set('Authorization', `Bearer ${await t.token('regulator')}`)
      .send(H1)
      .expect(403);
    expect(await countRows(t, 'public_snapshots')).toBe(0);
  });

  it('should record nothing when the files cannot be written', async () => {
    // DATA_DIR/public is a file: no folder can be made in it.
    writeFileSync(publicDir(), 'not a folder');
    try {
      const res = await publish(H1);
      expect(res.status).toBe(500);
      expect(await countRows(t, 'public_snapshots')).toBe(0);
      expect(await countRows(t, 'public_snapshot_files')).toBe(0);
      const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM audit_log WHERE entity = 'public_snapshots'`);
      expect(n).toBe(0);
    } finally {
      rmSync(publicDir(), { force: true });
    }
  });

  describe('once published', () => {
    let first: { id: number; path: string; sha256: string; dataSha256: string };
    let filesBefore: { path: string; content: Buffer }[];

    beforeAll(async () => {
      // The half-yearly job publishes 2023-H2 (the half-year that ended before 2024-01-02), once.
      const snapshots = t.app.get(PublicSnapshotsService);
      expect(await snapshots.publishHalfYear(new Date('2024-01-02T00:00:00Z'))).toEqual({ published: 1 });
      expect(await snapshots.publishHalfYear(new Date('2024-03-02T00:00:00Z'))).toEqual({ published: 0 });
      // Then 2024-H1 by hand, exactly as previewed.
      const previewed = (await preview(H1).expect(200)).body;
      const res = await publish({ ...H1, asOf: previewed.asOf, previewSha256: previewed.dataSha256 }).expect(201);
      first = res.body;
      filesBefore = filesUnder(publicDir());
    });

    it('should answer with the snapshot record and write it to the audit log', async () => {
      expect(first).toMatchObject({
        id: 2,
        from: '2024-01-01T00:00:00.000Z',
        to: '2024-07-01T00:00:00.000Z',
        status: 'published',
        path: '/public/2024-H1-2/',
        sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      });
      const audit = (
        await t.http
          .get('/api/audit')
          .query({ filter: JSON.stringify({ entity: 'public_snapshots' }) })
          .set('Authorization', admin)
          .expect(200)
      ).body;
      expect(audit.map((a: { action: string; entityId: string }) => [a.action, a.entityId])).toEqual([
        ['publish', '2'],
        ['publish', '1'],
      ]);
      expect(audit[0].after).toMatchObject({ label: '2024-H1', platforms: ['telegram', 'x', 'youtube'], manifestSha256: first.sha256 });
      // The job's publication has no user; the admin's has theirs.
      expect(audit[1].userId).toBeNull();
      expect(audit[0].userId).not.toBeNull();
    });

    it('should serve files whose SHA-256 match the manifest, which the record and the index pin', async () => {
      const manifestRes = await t.http.get(`${first.path}manifest.json`).expect(200);
      const manifestBytes = Buffer.from(manifestRes.text);
      expect(sha256(manifestBytes)).toBe(first.sha256);
      const manifest = JSON.parse(manifestRes.text);
      expect(manifest.files.map((f: { name: string }) => f.name)).toEqual([
        'index.html',
        'index.ko.html',
        'index.id.html',
        'data.json',
        'data.csv',
      ]);
      for (const f of manifest.files) {
        const res = await t.http
          .get(`${first.path}${f.name}`)
          .buffer(true)
          .parse((r, done) => {
            const chunks: Buffer[] = [];
            r.on('data', (c: Buffer) => chunks.push(c));
            r.on('end', () => done(null, Buffer.concat(chunks)));
          });
        expect({ name: f.name, status: res.status, sha256: sha256(res.body), bytes: res.body.length }).toEqual({
          name: f.name,
          status: 200,
          sha256: f.sha256,
          bytes: f.bytes,
        });
        // The same bytes on disk, in DATA_DIR/public/<snapshot>/.
        expect(sha256(readFileSync(join(publicDir(), '2024-H1-2', f.name)))).toBe(f.sha256);
      }
      const index = JSON.parse((await t.http.get('/public/index.json').expect(200)).text);
      expect(index).toMatchObject({ schema: 'platform-responsiveness-snapshots', schemaVersion: 1, latest: { id: 2, path: 'latest/' } });
      expect(index.licence.url).toBe(PUBLIC_LICENCE.url);
      expect(index.snapshots.map((s: { id: number; label: string }) => [s.id, s.label])).toEqual([
        [1, '2023-H2'],
        [2, '2024-H1'],
      ]);
      expect(index.snapshots[1]).toMatchObject({ path: '2024-H1-2/', manifestSha256: first.sha256, dataSha256: first.dataSha256 });
      expect(index.snapshots[1].files).toEqual(
        [
          ...manifest.files,
          { name: 'manifest.json', mediaType: 'application/json', bytes: manifestBytes.length, sha256: first.sha256 },
        ].sort((a, b) => a.name.localeCompare(b.name)),
      );
    });

    it('should carry the licence, the schema and the figures in the JSON and CSV, the trend from the earlier period', async () => {
      const data = JSON.parse((await t.http.get(`${first.path}data.json`).expect(200)).text);
      expect(data).toMatchObject({
        schema: 'platform-responsiveness-snapshot',
        schemaVersion: 1,
        licence: { id: 'CC-BY-4.0', line: expect.stringContaining(PUBLIC_LICENCE.url) },
        snapshot: {
          id: 2,
          label: '2024-H1',
          periodStart: '2024-01-01',
          periodEnd: '2024-06-30',
          minCell: 10,
          dataSha256: first.dataSha256,
        },
        publisher: 'The Test Regulator',
      });
      const youtube = data.platforms.find((p: { platform: string }) => p.platform === 'youtube');
      expect(youtube.trend).toEqual([
        expect.objectContaining({
          snapshot: 1,
          label: '2023-H2',
          figures: expect.objectContaining({ sent: { value: 12, status: 'shown' } }),
        }),
      ]);
      const csv = (await t.http.get(`${first.path}data.csv`).expect(200)).text.split('\n');
      expect(csv[0]).toBe(`# ${data.licence.line}. Schema: platform-responsiveness-snapshot version 1.`);
      expect(csv[1]).toBe('snapshot,periodStart,periodEnd,platform,platformName,metric,value,status,unit');
      expect(csv).toContain('2,2024-01-01,2024-06-30,youtube,YouTube,responseRate,0.75,shown,share');
      expect(csv).toContain('2,2024-01-01,2024-06-30,telegram,Telegram,sent,,fewer_than_min,count');
      expect(csv).toContain('2,2024-01-01,2024-06-30,*,All platforms shown,sent,,withheld,count');
      expect(csv.filter((line) => line && !line.startsWith('#'))).toHaveLength(1 + 4 * PUBLIC_METRICS.length);
    });

    it('should let no reference, address, hash or agency name into any public file', async () => {
      const files = filesUnder(publicDir());
      expect(files.map((f) => f.path)).toEqual(expect.arrayContaining(['index.json', 'latest/index.ko.html', '2024-H1-2/data.csv']));
      const index = JSON.parse(readFileSync(join(publicDir(), 'index.json'), 'utf8'));
      // The only SHA-256 in public files are of the files themselves and of the published figures.
      const allowed = new Set<string>(
        index.snapshots.flatMap((s: { dataSha256: string; manifestSha256: string; files: { sha256: string }[] }) => [
          s.dataSha256,
          s.manifestSha256,
          ...s.files.map((f) => f.sha256),
        ]),
      );
      const [{ source }] = await t.db.query('SELECT source_sha256 AS source FROM public_snapshots WHERE id = 2');
      expect(secrets.references.length + secrets.urls.length + secrets.hashes.length).toBeGreaterThan(100);
      for (const file of files) {
        const text = file.content.toString('utf8');
        const found = [...secrets.references, ...secrets.urls, ...secrets.hashes, AGENCY, source].filter((s) => text.includes(s));
        expect({ file: file.path, found }).toEqual({ file: file.path, found: [] });
        const urls = (text.match(/https?:\/\/[^\s"'<>)]+/g) ?? [])
          .map((u) => u.replace(/[.,;]+$/, ''))
          .filter((u) => u !== PUBLIC_LICENCE.url);
        expect({ file: file.path, urls }).toEqual({ file: file.path, urls: [] });
        const hashes = (text.match(/\b[0-9a-f]{64}\b/g) ?? []).filter((h) => !allowed.has(h));
        expect({ file: file.path, hashes }).toEqual({ file: file.path, hashes: [] });
      }
    });

    it('should serve /public/ without a token, with long cache lifetimes and ETags, while /api/ still needs one', async () => {
      const page = await t.http.get(first.path).set('Accept-Encoding', 'identity').expect(200);
      expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(page.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(page.headers.etag).toMatch(/^"[0-9a-f]{40}"$/);
      expect(page.text).toContain('<html lang="en">');
      await t.http.get(first.path).set('Accept-Encoding', 'identity').set('If-None-Match', page.headers.etag).expect(304);
      // A folder without its slash goes to the folder, so that its relative links work.
      await t.http.get('/public/2024-H1-2').expect(301).expect('Location', '/public/2024-H1-2/');

      const korean = await t.http.get('/public/latest/index.ko.html').expect(200);
      expect(korean.headers['cache-control']).toBe('public, max-age=60');
      expect(korean.text).toContain('<html lang="ko">');
      expect(korean.text).toContain('10건 미만');
      expect(korean.text).toContain('<th scope="row">Telegram</th>');
      const index = await t.http.get('/public/index.json').expect(200);
      expect(index.headers['cache-control']).toBe('public, max-age=60');
      expect(index.headers['access-control-allow-origin']).toBe('*');
      await t.http.get('/public/index.html').expect(200);
      await t.http.get('/public/no-such-snapshot/index.html').expect(404);
      await t.http.get('/public/../README.md').expect(404);

      const gz = await t.http.get(`${first.path}index.id.html`).set('Accept-Encoding', 'gzip').expect(200);
      expect(gz.headers['content-encoding']).toBe('gzip');
      expect(gz.text).toContain('<html lang="id">');

      await t.http.get('/api/requests').expect(401);
      await t.http.get('/api/public/snapshots').expect(401);
      await t.http.post('/api/public/snapshots').send(H1).expect(401);
    });

    it('should leave a snapshot unchanged after new requests are recorded, and publish a correction as a new one', async () => {
      await importCsv([0, 1, 2, 3, 4].map((i) => youtubeRow(`KCSC-2024-YT-LATE-${i}`, `2024-05-0${i + 1}T00:00:00Z`, 2, true)));
      // The same period again: refused, a correction is the way.
      const again = await publish(H1).expect(409);
      expect(again.body).toMatchObject({ code: 'snapshot.period_overlaps', params: { id: 2 } });
      // A preview's figures that changed since: refused.
      const stale = await publish({ ...H1, replaces: 2, previewSha256: first.dataSha256 }).expect(409);
      expect(stale.body.code).toBe('snapshot.changed_since_preview');
      await publish({ from: '2024-01-01', to: '2024-04-01', replaces: 2 }).expect(400, /snapshot.replaces_other_period/);

      const correction = (await publish({ ...H1, replaces: 2, showAgencies: true }).expect(201)).body;
      expect(correction).toMatchObject({ id: 3, replaces: 2, status: 'published', path: '/public/2024-H1-3/' });
      expect((await t.http.get('/api/public/snapshots/2').set('Authorization', admin).expect(200)).body).toMatchObject({
        status: 'replaced',
        replacedBy: 3,
        sha256: first.sha256,
        dataSha256: first.dataSha256,
      });
      const corrected = JSON.parse((await t.http.get('/public/2024-H1-3/data.json').expect(200)).text);
      expect(byPlatform(corrected).youtube.sent.value).toBe(45);
      expect(corrected.agencies).toEqual([AGENCY]); // named, this time, by choice
      expect(corrected.snapshot.replaces).toEqual({ id: 2, label: '2024-H1', folder: '2024-H1-2' });
      await publish({ ...H1, replaces: 2 }).expect(409, /snapshot.already_replaced/);

      // Snapshot 2's files: the same bytes, on disk and served.
      const after = new Map(filesUnder(publicDir()).map((f) => [f.path, sha256(f.content)]));
      for (const f of filesBefore.filter((x) => x.path.startsWith('2024-H1-2/') || x.path.startsWith('2023-H2-1/')))
        expect({ path: f.path, sha256: after.get(f.path) }).toEqual({ path: f.path, sha256: sha256(f.content) });
      expect(sha256(Buffer.from((await t.http.get('/public/2024-H1-2/manifest.json').expect(200)).text))).toBe(first.sha256);
      // latest/ now holds the correction; the index says what corrects what.
      expect(JSON.parse((await t.http.get('/public/latest/data.json').expect(200)).text).snapshot.id).toBe(3);
      const index = JSON.parse((await t.http.get('/public/index.json').expect(200)).text);
      expect(index.snapshots.find((s: { id: number }) => s.id === 2)).toMatchObject({ replacedBy: 3 });

      // The database itself refuses to change or remove a published snapshot or its files.
      await expect(t.db.query(`UPDATE public_snapshots SET label = 'x' WHERE id = 2`)).rejects.toThrow(/frozen/);
      await expect(t.db.query('DELETE FROM public_snapshot_files WHERE snapshot_id = 2')).rejects.toThrow(/frozen/);
      await expect(t.db.query('TRUNCATE public_snapshots')).rejects.toThrow(/frozen/);
    });

    it('should write the files out again, byte for byte, into a new DATA_DIR (another instance)', async () => {
      const otherDir = mkdtempSync(join(tmpdir(), 'tracker-public-b-'));
      const other = await createTestApp({ DATA_DIR: otherDir }, { shareDatabase: t.database });
      try {
        const copy = new Map(filesUnder(join(otherDir, 'public')).map((f) => [f.path, sha256(f.content)]));
        for (const f of filesUnder(publicDir()))
          expect({ path: f.path, sha256: copy.get(f.path) }).toEqual({ path: f.path, sha256: sha256(f.content) });
        await other.http.get('/public/latest/index.ko.html').expect(200);
      } finally {
        await other.app.close();
        rmSync(otherDir, { recursive: true, force: true });
      }
    });

    it('should run the half-yearly job by hand (nothing sent in the half-year that ended: nothing published)', async () => {
      const run = await t.http.post('/api/jobs/public-snapshot/run').set('Authorization', admin).expect(201);
      expect(run.body).toMatchObject({ status: 'succeeded', counts: { published: 0 } });
      expect(await countRows(t, 'public_snapshots')).toBe(3);
    });
  });
});

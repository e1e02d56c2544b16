import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { conflict, DomainError, invalid, notFound } from '../common/errors/domain-error';
import type { Actor } from '../common/http/access';
import { Environment } from '../config/environment';
import { dataFingerprint } from '../reports/report-data.service';
import { ResponsivenessService } from '../responsiveness/responsiveness.service';
import {
  ADVISORY_LOCKS,
  countedSql,
  countsOf,
  lastHalfYear,
  PUBLIC_FILES,
  PUBLIC_LICENCE,
  PUBLIC_LICENCE_LINE,
  PUBLIC_METRIC_UNIT,
  PUBLIC_PATH,
  PUBLIC_SCHEMA_VERSION,
  periodLabel,
  publicFigures,
  publicTotals,
  type ResponsivenessFigures,
  snapshotFolder,
} from '../../../domain/src';
import { PublicFiles } from './public-files';
import { PublicSnapshot } from './public-snapshot.entity';
import { PublicSnapshotFile } from './public-snapshot-file.entity';
import type { PublishSnapshotDto, SnapshotInputDto, SnapshotRecord } from './public-snapshot.dto';
import { SNAPSHOT_SCHEMA, type SnapshotDocument, type TrendPoint } from './snapshot-document';
import { type FileEntry, fileEntry, type IndexEntry, renderIndexFiles, renderSnapshotFiles } from './snapshot-files';

const DAY = 86_400_000;
const isoDay = (d: Date) => d.toISOString().slice(0, 10);
/** Earlier periods a snapshot's trend goes back to at most. */
const TREND_PERIODS = 12;
/** How often an instance looks for snapshots another instance published (one small query; requests never query). */
const SYNC_MS = 60_000;

const NOTHING: ResponsivenessFigures = {
  sent: 0,
  responded: 0,
  onTimeRate: null,
  itemsRequested: 0,
  itemsRemoved: 0,
  removedCompletely: 0,
  removedPartially: 0,
  notRemoved: 0,
  medianResponseHours: null,
  kmMedianResponseHours: null,
};

/** A whole UTC day (`2024-01-01` or its midnight), else a 400 naming the field. */
function wholeDay(field: string, text: string): Date {
  const date = new Date(text);
  if (date.getTime() % DAY !== 0) throw invalid(field, 'must be a whole UTC day (YYYY-MM-DD)');
  return date;
}

interface Composed {
  document: SnapshotDocument;
  sourceSha256: string;
  platformIds: number[];
  from: Date;
  to: Date;
  asOf: Date;
}

/**
 * Public snapshots: the figures of a period per platform, small cells suppressed (the domain's rules),
 * previewed, then published once and for all as static files with their rows, in one transaction.
 */
@Injectable()
export class PublicSnapshotsService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('PublicSnapshots');
  private timer?: NodeJS.Timeout;
  private seen = '';

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly stats: ResponsivenessService,
    private readonly audit: AuditService,
    private readonly files: PublicFiles,
    private readonly env: Environment,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.sync().catch((err) => this.logger.error(`public files: ${err}`));
    this.timer = setInterval(() => void this.syncIfChanged().catch((err) => this.logger.error(`public files: ${err}`)), SYNC_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** What a snapshot of this period would show, now: nothing is recorded or written. */
  async preview(input: SnapshotInputDto): Promise<SnapshotRecord> {
    const c = await this.compose(input, this.dataSource.manager, null, null);
    return {
      id: null,
      from: c.from,
      to: c.to,
      label: c.document.snapshot.label,
      status: 'preview',
      path: null,
      sha256: null,
      dataSha256: c.document.snapshot.dataSha256,
      asOf: c.asOf,
      publishedAt: null,
      platformIds: c.platformIds,
      showAgencies: !!input.showAgencies,
      minCell: this.env.PUBLIC_MIN_CELL,
      replaces: input.replaces ?? null,
      replacedBy: null,
      files: [],
      document: c.document,
    };
  }

  /**
   * Publishes a snapshot: its row, its files' bytes and the audit entry in one transaction, the files
   * written (to a temporary folder, renamed into place) before it commits. If writing fails, nothing is
   * recorded; if the commit fails, the files are taken back.
   */
  async publish(input: PublishSnapshotDto, actor: Actor | null): Promise<SnapshotRecord> {
    let written = null as string | null;
    let id: number;
    try {
      id = await this.dataSource.transaction(async (m) => {
        // One publication at a time: the overlap check and the index see every snapshot.
        await m.query('SELECT pg_advisory_xact_lock($1)', [ADVISORY_LOCKS.publicSnapshots]);
        // Public numbers without gaps: the next one, taken under the lock.
        const [{ id }] = await m.query('SELECT coalesce(max(id), 0)::int + 1 AS id FROM public_snapshots');
        const publishedAt = new Date();
        const c = await this.compose(input, m, id, publishedAt);
        const { dataSha256, label } = c.document.snapshot;
        if (input.previewSha256 && input.previewSha256 !== dataSha256)
          throw conflict(
            'snapshot.changed_since_preview',
            'the figures have changed since the preview (dataSha256 differs); preview again',
          );
        const folder = snapshotFolder(id, label);
        const files = renderSnapshotFiles(c.document, folder);
        const manifestSha256 = files.find((f) => f.name === PUBLIC_FILES.manifest)!.sha256;
        await m.insert(PublicSnapshot, {
          id,
          periodFrom: c.from,
          periodTo: c.to,
          asOf: c.asOf,
          label,
          folder,
          platformIds: c.platformIds,
          showAgencies: !!input.showAgencies,
          minCell: this.env.PUBLIC_MIN_CELL,
          replacesId: input.replaces ?? null,
          document: c.document,
          dataSha256,
          sourceSha256: c.sourceSha256,
          manifestSha256,
          publishedById: actor?.id ?? null,
          publishedAt,
        });
        await m.insert(
          PublicSnapshotFile,
          files.map((f) => ({ snapshotId: id, name: f.name, mediaType: f.mediaType, sha256: f.sha256, content: f.content })),
        );
        await this.audit.record(
          {
            userId: actor?.id ?? null,
            action: 'publish',
            entity: 'public_snapshots',
            entityId: id,
            after: {
              label,
              from: c.from,
              to: c.to,
              asOf: c.asOf,
              platforms: c.document.platforms.map((p) => p.platform),
              showAgencies: !!input.showAgencies,
              minCell: this.env.PUBLIC_MIN_CELL,
              replaces: input.replaces ?? null,
              folder,
              dataSha256,
              manifestSha256,
            },
          },
          m,
        );
        // The files last, inside the transaction: if they cannot be written, nothing is recorded.
        written = folder;
        await this.files.writeSnapshot(folder, files);
        await this.writeTop(m);
        return id;
      });
    } catch (err) {
      // Not recorded: the folder written for it goes, and the index is the database's again.
      if (written) {
        await this.files.removeSnapshot(written).catch(() => undefined);
        await this.writeTop(this.dataSource.manager)
          .then(() => this.reload())
          .catch(() => undefined);
      }
      throw err;
    }
    // Recorded and written: served from now on (a failure here is mended by the next sync, never by removing files).
    await this.reload().catch((err) => this.logger.error(`public files: ${err}`));
    return this.get(id);
  }

  async list(): Promise<SnapshotRecord[]> {
    const snapshots = await this.dataSource.getRepository(PublicSnapshot).find({ order: { id: 'DESC' } });
    const [files, replacedBy] = await Promise.all([this.fileEntries(this.dataSource.manager), this.corrections(this.dataSource.manager)]);
    return snapshots.map((s) => this.record(s, files.get(s.id) ?? [], replacedBy.get(s.id) ?? null));
  }

  async get(id: number): Promise<SnapshotRecord> {
    const snapshot = await this.dataSource.getRepository(PublicSnapshot).findOneBy({ id });
    if (!snapshot) throw notFound('public snapshot', id);
    const [files, replacedBy] = await Promise.all([this.fileEntries(this.dataSource.manager), this.corrections(this.dataSource.manager)]);
    return { ...this.record(snapshot, files.get(id) ?? [], replacedBy.get(id) ?? null), document: snapshot.document };
  }

  /** The half-year that ended last, published unless a snapshot of it exists: the scheduled job's work. */
  async publishHalfYear(now: Date): Promise<{ published: number }> {
    const { start, end } = lastHalfYear(now);
    const [from, to] = [Date.parse(`${start}T00:00:00Z`), Date.parse(`${end}T00:00:00Z`) + DAY];
    const exists = await this.dataSource
      .getRepository(PublicSnapshot)
      .exists({ where: { periodFrom: new Date(from), periodTo: new Date(to) } });
    if (exists) return { published: 0 };
    try {
      await this.publish({ from: new Date(from).toISOString(), to: new Date(to).toISOString() }, null);
      return { published: 1 };
    } catch (err) {
      // Nothing sent in the half-year, or a snapshot published by hand already covers part of it.
      if (err instanceof DomainError && (err.code === 'snapshot.nothing_to_publish' || err.code === 'snapshot.period_overlaps'))
        return { published: 0 };
      throw err;
    }
  }

  /**
   * Writes out every snapshot the database has and the disk lacks (another instance published it, or
   * DATA_DIR is new), byte for byte from the stored files, then the index and latest/.
   */
  async sync(): Promise<void> {
    const snapshots = await this.dataSource
      .getRepository(PublicSnapshot)
      .find({ select: { id: true, folder: true, manifestSha256: true }, order: { id: 'ASC' } });
    this.seen = snapshots.map((s) => s.id).join(',');
    if (snapshots.length > 0) {
      for (const s of snapshots) {
        if ((await this.files.manifestSha256(s.folder, PUBLIC_FILES.manifest)) === s.manifestSha256) continue;
        const stored = await this.dataSource
          .getRepository(PublicSnapshotFile)
          .createQueryBuilder('f')
          .addSelect('f.content')
          .where('f.snapshotId = :id', { id: s.id })
          .getMany();
        await this.files.writeSnapshot(s.folder, stored);
      }
      await this.writeTop(this.dataSource.manager);
    }
    await this.reload(snapshots.map((s) => s.folder));
  }

  private async syncIfChanged(): Promise<void> {
    const rows: { id: number }[] = await this.dataSource.query('SELECT id FROM public_snapshots ORDER BY id');
    if (rows.map((r) => r.id).join(',') !== this.seen) await this.sync();
  }

  /** The files in memory again, for the folders the database knows (never a stray folder of another database). */
  private async reload(folders?: string[]): Promise<void> {
    // sync() has just read the snapshots (and noted what it saw); otherwise read them once here.
    if (!folders) {
      const snapshots = await this.dataSource
        .getRepository(PublicSnapshot)
        .find({ select: { id: true, folder: true }, order: { id: 'ASC' } });
      this.seen = snapshots.map((s) => s.id).join(',');
      folders = snapshots.map((s) => s.folder);
    }
    await this.files.reload(new Set(folders));
  }

  /** The index of every snapshot (index.json and its pages) and latest/, from the database as this transaction sees it. */
  private async writeTop(m: EntityManager): Promise<void> {
    const snapshots = await m.getRepository(PublicSnapshot).find({ order: { periodFrom: 'ASC', id: 'ASC' } });
    const [files, replacedBy] = await Promise.all([this.fileEntries(m), this.corrections(m)]);
    const entries: IndexEntry[] = snapshots.map((s) => ({
      id: s.id,
      label: s.label,
      periodStart: s.document.snapshot.periodStart,
      periodEnd: s.document.snapshot.periodEnd,
      asOf: s.asOf.toISOString(),
      publishedAt: s.publishedAt.toISOString(),
      replaces: s.replacesId,
      replacedBy: replacedBy.get(s.id) ?? null,
      path: `${s.folder}/`,
      dataSha256: s.dataSha256,
      manifestSha256: s.manifestSha256,
      platforms: s.document.platforms.map((p) => p.platform),
      files: files.get(s.id) ?? [],
    }));
    // The latest: the current snapshot (not corrected since) of the latest period.
    const latest =
      entries
        .filter((e) => e.replacedBy === null)
        .sort((a, b) => (a.periodEnd === b.periodEnd ? a.id - b.id : a.periodEnd < b.periodEnd ? -1 : 1))
        .at(-1) ?? null;
    await this.files.writeTop(renderIndexFiles(entries, latest), latest ? latest.path.slice(0, -1) : null);
  }

  private async fileEntries(m: EntityManager): Promise<Map<number, FileEntry[]>> {
    const rows: (Omit<FileEntry, 'bytes'> & { snapshotId: number; bytes: number })[] = await m.query(
      `SELECT snapshot_id AS "snapshotId", name, media_type AS "mediaType", sha256, octet_length(content) AS bytes
         FROM public_snapshot_files ORDER BY snapshot_id, name`,
    );
    const bySnapshot = new Map<number, FileEntry[]>();
    for (const r of rows) bySnapshot.set(r.snapshotId, [...(bySnapshot.get(r.snapshotId) ?? []), fileEntry(r)]);
    return bySnapshot;
  }

  /** Snapshot id -> the id of the snapshot that corrects it. */
  private async corrections(m: EntityManager): Promise<Map<number, number>> {
    const rows: { id: number; replaces: number }[] = await m.query(
      'SELECT id, replaces_id AS replaces FROM public_snapshots WHERE replaces_id IS NOT NULL',
    );
    return new Map(rows.map((r) => [r.replaces, r.id]));
  }

  private record(s: PublicSnapshot, files: FileEntry[], replacedBy: number | null): SnapshotRecord {
    return {
      id: s.id,
      from: s.periodFrom,
      to: s.periodTo,
      label: s.label,
      status: replacedBy === null ? 'published' : 'replaced',
      path: `${PUBLIC_PATH}/${s.folder}/`,
      sha256: s.manifestSha256,
      dataSha256: s.dataSha256,
      asOf: s.asOf,
      publishedAt: s.publishedAt,
      platformIds: s.platformIds,
      showAgencies: s.showAgencies,
      minCell: s.minCell,
      replaces: s.replacesId,
      replacedBy,
      files,
    };
  }

  /** Checks the input against the snapshots already published (through `m`: inside the publishing transaction), and builds the document. */
  private async compose(input: SnapshotInputDto, m: EntityManager, id: number | null, publishedAt: Date | null): Promise<Composed> {
    const from = wholeDay('from', input.from);
    const to = wholeDay('to', input.to);
    if (from >= to) throw invalid('to', 'must be after from', 'input.period_reversed');
    const now = new Date();
    if (to > now) throw invalid('to', 'cannot be in the future: a period is published once it has ended', 'input.in_future');
    const asOf = input.asOf ? new Date(input.asOf) : now;
    if (asOf > now) throw invalid('asOf', 'cannot be in the future', 'input.in_future');
    if (asOf < to) throw invalid('asOf', 'must not be before to: answers are counted once the period has ended');
    const minCell = this.env.PUBLIC_MIN_CELL;
    const period = { start: isoDay(from), end: isoDay(new Date(to.getTime() - DAY)) };
    const label = periodLabel(period);

    const replaces = input.replaces ? await this.replaced(m, input.replaces, from, to) : null;
    const [overlap] = await m.query(
      `SELECT s.id FROM public_snapshots s
        WHERE s.period_from < $2 AND s.period_to > $1 AND s.id <> $3
          AND NOT EXISTS (SELECT 1 FROM public_snapshots c WHERE c.replaces_id = s.id) ORDER BY s.id LIMIT 1`,
      [from, to, replaces?.id ?? 0],
    );
    if (overlap)
      throw conflict('snapshot.period_overlaps', `snapshot ${overlap.id} already covers part of this period; publish a correction of it`, {
        id: overlap.id,
      });

    const platforms: { id: number; slug: string; name: string }[] = await m.query('SELECT id, slug, name FROM platforms ORDER BY name, id');
    const chosen = [...new Set(input.platformIds ?? [])];
    const unknown = chosen.filter((id) => !platforms.some((p) => p.id === id));
    if (unknown.length)
      throw invalid('platformIds', `names a platform that does not exist (${unknown.join(', ')})`, 'record.unknown_reference');
    // The published figures: the same service as the API's statistics, for the period, as of asOf.
    const metrics = new Map(
      (await this.stats.perPlatform({ from: from.toISOString(), to: to.toISOString(), asOf: asOf.toISOString() })).map((r) => [
        r.platformId,
        r,
      ]),
    );
    // Sorted by name, never by a figure: the order of the rows must not tell anything about a hidden one.
    const included = platforms.filter((p) => (chosen.length ? chosen.includes(p.id) : (metrics.get(p.id)?.sent ?? 0) > 0));
    const rows = included.map((p) => {
      const counts = countsOf(metrics.get(p.id) ?? NOTHING);
      return { platform: p, counts, figures: publicFigures(counts, minCell) };
    });
    if (rows.every((r) => r.counts.sent === 0))
      throw new DomainError('snapshot.nothing_to_publish', 'no platform shown had requests sent in this period', 'platformIds');

    const ids = included.map((p) => p.id);
    const agencies: string[] | null = input.showAgencies
      ? (
          await m.query(
            `SELECT DISTINCT a.name FROM requests r JOIN agencies a ON a.id = r.agency_id
              WHERE ${countedSql('r')} AND r.sent_at >= $1 AND r.sent_at < $2 AND r.platform_id = ANY($3) ORDER BY a.name`,
            [from, to, ids],
          )
        ).map((r: { name: string }) => r.name)
      : null;
    const trend = await this.trend(m, from);
    const totals = publicTotals(rows, minCell);

    const parameters = {
      periodStart: period.start,
      periodEnd: period.end,
      asOf: asOf.toISOString(),
      minCell,
      platforms: included.map((p) => p.slug),
      showAgencies: !!input.showAgencies,
      replaces: replaces?.id ?? null,
    };
    const published = { platforms: rows.map((r) => ({ platform: r.platform.slug, figures: r.figures })), totals, agencies };
    const document: SnapshotDocument = {
      schema: SNAPSHOT_SCHEMA,
      schemaVersion: PUBLIC_SCHEMA_VERSION,
      licence: { ...PUBLIC_LICENCE, line: PUBLIC_LICENCE_LINE },
      snapshot: {
        id,
        label,
        periodStart: period.start,
        periodEnd: period.end,
        asOf: asOf.toISOString(),
        publishedAt: publishedAt?.toISOString() ?? null,
        replaces: replaces && { id: replaces.id, label: replaces.label, folder: replaces.folder },
        minCell,
        dataSha256: dataFingerprint({ parameters, data: published }),
      },
      publisher: this.env.PUBLIC_PUBLISHER ?? null,
      agencies,
      units: PUBLIC_METRIC_UNIT,
      platforms: rows.map((r) => ({
        platform: r.platform.slug,
        name: r.platform.name,
        figures: r.figures,
        trend: trend.flatMap((t) => {
          const earlier = t.document.platforms.find((p) => p.platform === r.platform.slug);
          return earlier ? [{ ...t.point, figures: earlier.figures }] : [];
        }),
      })),
      totals,
    };
    // The figures before suppression have a fingerprint too, kept in the database only.
    const source = rows.map((r) => ({ platform: r.platform.slug, metrics: metrics.get(r.platform.id) ?? NOTHING }));
    return { document, sourceSha256: dataFingerprint({ parameters, data: source }), platformIds: chosen, from, to, asOf };
  }

  /** The snapshot a correction replaces: it exists, covers the same period, and has no correction yet. */
  private async replaced(m: EntityManager, id: number, from: Date, to: Date): Promise<PublicSnapshot> {
    const snapshot = await m.getRepository(PublicSnapshot).findOneBy({ id });
    if (!snapshot) throw invalid('replaces', `${id} does not match any snapshot`, 'record.unknown_reference');
    if (snapshot.periodFrom.getTime() !== from.getTime() || snapshot.periodTo.getTime() !== to.getTime())
      throw new DomainError(
        'snapshot.replaces_other_period',
        `a correction covers the same period as snapshot ${id} (${snapshot.label})`,
        'replaces',
        { period: snapshot.label },
      );
    const [correction] = await m.query('SELECT id FROM public_snapshots WHERE replaces_id = $1', [id]);
    if (correction)
      throw conflict('snapshot.already_replaced', `snapshot ${id} has already been corrected by snapshot ${correction.id}`, {
        id,
        by: correction.id,
      });
    return snapshot;
  }

  /** The periods published before `from` and not corrected since, the latest TREND_PERIODS of them, oldest first. */
  private async trend(m: EntityManager, from: Date): Promise<{ point: Omit<TrendPoint, 'figures'>; document: SnapshotDocument }[]> {
    const rows: PublicSnapshot[] = await m
      .getRepository(PublicSnapshot)
      .createQueryBuilder('s')
      .where('s.periodTo <= :from', { from })
      .andWhere('NOT EXISTS (SELECT 1 FROM public_snapshots c WHERE c.replaces_id = s.id)')
      .orderBy('s.periodFrom', 'DESC')
      .addOrderBy('s.id', 'DESC')
      .limit(TREND_PERIODS)
      .getMany();
    return rows.reverse().map((s) => ({
      point: { snapshot: s.id, label: s.label, periodStart: s.document.snapshot.periodStart, periodEnd: s.document.snapshot.periodEnd },
      document: s.document,
    }));
  }
}

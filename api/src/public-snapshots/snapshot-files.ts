import { createHash } from 'node:crypto';
import {
  DOMAIN_MESSAGES,
  type Language,
  LANGUAGES,
  PUBLIC_CSV_COLUMNS,
  PUBLIC_FILES,
  PUBLIC_INDEX_JSON,
  PUBLIC_LATEST,
  PUBLIC_LICENCE,
  PUBLIC_LICENCE_LINE,
  PUBLIC_METRIC_UNIT,
  PUBLIC_METRICS,
  PUBLIC_SCHEMA_VERSION,
  PUBLIC_TOTAL_KEY,
  type PublicFigures,
} from '../../../domain/src';
import { csvLine } from '../exports/csv';
import { esc, page, say } from './html';
import { INDEX_SCHEMA, SNAPSHOT_SCHEMA, type SnapshotDocument } from './snapshot-document';
import { licenceLine, pageLocale, renderSnapshotPage } from './snapshot-page';

/** A file of the public tree: its name (relative to its folder), media type, bytes and their SHA-256. */
export interface RenderedFile {
  name: string;
  mediaType: string;
  content: Buffer;
  sha256: string;
}

/** A file as the manifest and the index list it. */
export interface FileEntry {
  name: string;
  mediaType: string;
  bytes: number;
  sha256: string;
}

/** One snapshot as index.json lists it. */
export interface IndexEntry {
  id: number;
  label: string;
  periodStart: string;
  periodEnd: string;
  asOf: string;
  publishedAt: string;
  replaces: number | null;
  replacedBy: number | null;
  /** The snapshot's folder, relative to the index. */
  path: string;
  dataSha256: string;
  manifestSha256: string;
  /** The slugs of the platforms it shows. */
  platforms: string[];
  files: FileEntry[];
}

export const sha256 = (content: Buffer | string): string => createHash('sha256').update(content).digest('hex');

export const MEDIA_TYPES: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  json: 'application/json',
  csv: 'text/csv; charset=utf-8',
};
const mediaTypeOf = (name: string) => MEDIA_TYPES[name.slice(name.lastIndexOf('.') + 1)] ?? 'application/octet-stream';

const file = (name: string, text: string): RenderedFile => {
  const content = Buffer.from(text, 'utf8');
  return { name, mediaType: mediaTypeOf(name), content, sha256: sha256(content) };
};

export const fileEntry = (f: Pick<RenderedFile, 'name' | 'mediaType' | 'sha256'> & { bytes: number }): FileEntry => ({
  name: f.name,
  mediaType: f.mediaType,
  bytes: f.bytes,
  sha256: f.sha256,
});

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/** The CSV: a licence line starting with #, the header, then one row per platform and figure (the totals last). */
export function snapshotCsv(doc: SnapshotDocument): string {
  const s = doc.snapshot;
  const rows = (platform: string, name: string, figures: PublicFigures) =>
    PUBLIC_METRICS.map((m) =>
      csvLine([s.id, s.periodStart, s.periodEnd, platform, name, m, figures[m].value, figures[m].status, PUBLIC_METRIC_UNIT[m]]),
    ).join('');
  return (
    `# ${PUBLIC_LICENCE_LINE}. Schema: ${SNAPSHOT_SCHEMA} version ${PUBLIC_SCHEMA_VERSION}.\n` +
    csvLine([...PUBLIC_CSV_COLUMNS]) +
    doc.platforms.map((p) => rows(p.platform, p.name, p.figures)).join('') +
    rows(PUBLIC_TOTAL_KEY, DOMAIN_MESSAGES.en.publicData.total, doc.totals)
  );
}

/**
 * Every file of a snapshot's folder: a page per language, data.json, data.csv, and manifest.json with
 * the SHA-256 of each of them. The same document always gives the same bytes.
 */
export function renderSnapshotFiles(doc: SnapshotDocument, folder: string): RenderedFile[] {
  const files = [
    ...LANGUAGES.map((language) => file(PUBLIC_FILES.page[language], renderSnapshotPage(doc, language))),
    file(PUBLIC_FILES.json, json(doc)),
    file(PUBLIC_FILES.csv, snapshotCsv(doc)),
  ];
  const manifest = {
    schema: `${SNAPSHOT_SCHEMA}-manifest`,
    schemaVersion: PUBLIC_SCHEMA_VERSION,
    snapshot: doc.snapshot.id,
    folder,
    licence: PUBLIC_LICENCE_LINE,
    files: files.map((f) => fileEntry({ ...f, bytes: f.content.length })),
  };
  return [...files, file(PUBLIC_FILES.manifest, json(manifest))];
}

/** The top of the public tree: index.json (every snapshot, oldest period first) and a page per language. */
export function renderIndexFiles(entries: IndexEntry[], latest: IndexEntry | null): RenderedFile[] {
  const index = {
    schema: INDEX_SCHEMA,
    schemaVersion: PUBLIC_SCHEMA_VERSION,
    licence: { ...PUBLIC_LICENCE, line: PUBLIC_LICENCE_LINE },
    latest: latest && { id: latest.id, path: `${PUBLIC_LATEST}/` },
    snapshots: entries,
  };
  return [
    file(PUBLIC_INDEX_JSON, json(index)),
    ...LANGUAGES.map((language) => file(PUBLIC_FILES.page[language], indexPage(entries, latest, language))),
  ];
}

function indexPage(entries: IndexEntry[], latest: IndexEntry | null, language: Language): string {
  const l = pageLocale(language);
  const { t, f } = l;
  const pageOf = (path: string) => `${path}${PUBLIC_FILES.page[language]}`;
  const items = [...entries]
    .reverse()
    .map((e) => {
      const status = e.replacedBy ? ` <span class="muted">(${say(t.index.corrected, { id: e.replacedBy })})</span>` : '';
      const period = say(t.period, {
        from: f.calendarDay(e.periodStart),
        to: f.calendarDay(e.periodEnd),
        asOf: f.dateTime(new Date(e.asOf)),
      });
      return `<li><a href="${esc(pageOf(e.path))}">${esc(e.label)}</a> · #${e.id}${status}<br><span class="muted">${period}</span></li>`;
    })
    .join('\n');
  const header = `<h1>${esc(t.index.heading)}</h1>\n<p>${esc(t.index.intro)}</p>`;
  const main = [
    latest ? `<p><a href="${esc(pageOf(`${PUBLIC_LATEST}/`))}">${esc(t.index.latest)}: ${esc(latest.label)}</a></p>` : '',
    `<section aria-labelledby="list-h"><h2 id="list-h">${esc(t.index.snapshots)}</h2><ul>\n${items}\n</ul></section>`,
    `<section aria-labelledby="data-h"><h2 id="data-h">${esc(t.downloadsHeading)}</h2>`,
    `<p><a href="${PUBLIC_INDEX_JSON}" type="application/json">${PUBLIC_INDEX_JSON}</a></p><p>${licenceLine(t)}</p></section>`,
  ].join('\n');
  return page({
    language,
    title: t.index.title,
    description: t.index.intro,
    pages: PUBLIC_FILES.page,
    languagesLabel: t.languages,
    skipLabel: t.skip,
    alternates: [{ type: 'application/json', href: PUBLIC_INDEX_JSON }],
    header,
    main,
  });
}

import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { parse } from 'csv-parse/sync';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { DomainError } from '../common/errors/domain-error';
import type { Actor } from '../common/http/access';
import { enumFilter, findPage, intFilter, type ListQuery, type ListSpec, textFilter } from '../common/http/list-query';
import { ADVISORY_LOCKS, type FigureSource, PUBLISHED_METRICS, REQUESTER_TYPES, SUBJECT_KINDS } from '../../../domain/src';
import type { CsvRow, FigureError, FigureRow } from './formats/figure';
import { FORMATS, formatOf } from './formats';
import { type TrackerFigure, trackerFigure } from './formats/tracker';
import { PublishedFigure } from './published-figure.entity';

export interface FigureImportResult {
  format: FigureSource;
  /** Rows of the file read. */
  read: number;
  /** Figures: new, changed by this file (the old value kept in their history), and already so. */
  added: number;
  revised: number;
  unchanged: number;
}

/** Errors reported at most; a file with more says how many rows have them. */
const MAX_ERRORS = 200;

export const FIGURE_LIST: ListSpec<PublishedFigure> = {
  resource: 'published-figures',
  sortable: {
    id: 'f.id',
    publisher: 'f.publisher',
    subject: 'f.subject',
    periodStart: 'f.periodStart',
    jurisdiction: 'f.jurisdiction',
    requesterType: 'f.requesterType',
    metric: 'f.metric',
    value: 'f.value',
    revision: 'f.revision',
    updatedAt: 'f.updatedAt',
  },
  defaultSort: ['periodStart', 'DESC'],
  filters: {
    id: intFilter('f.id', 'id'),
    q: textFilter(['f.publisher', 'f.subject', 'f.requester', 'f.category'], 'q'),
    publisher: textFilter(['f.publisher'], 'publisher'),
    subject: textFilter(['f.subject'], 'subject'),
    subjectKind: enumFilter('f.subjectKind', 'subjectKind', SUBJECT_KINDS),
    jurisdiction: (qb, value, p) => qb.andWhere(`f.jurisdiction = :${p}`, { [p]: String(value).toUpperCase() }),
    requesterType: enumFilter('f.requesterType', 'requesterType', REQUESTER_TYPES),
    metric: enumFilter('f.metric', 'metric', PUBLISHED_METRICS),
    periodStart_gte: (qb, value, p) => qb.andWhere(`f.periodStart >= :${p}`, { [p]: String(value) }),
    periodEnd_lte: (qb, value, p) => qb.andWhere(`f.periodEnd <= :${p}`, { [p]: String(value) }),
  },
};

const rowsInvalid = (errors: FigureError[]) => {
  const rows = new Set(errors.map((e) => e.line)).size;
  const message = `${rows} row${rows === 1 ? ' has' : 's have'} errors; nothing was imported`;
  return new DomainError('import.rows_invalid', message, undefined, { rows }, { errors: errors.slice(0, MAX_ERRORS) });
};

/** The columns that say which figure a row is; two rows with the same key are the same figure. */
const KEY = ['publisher', 'subject', 'period_start', 'period_end', 'jurisdiction', 'requester_type', 'requester', 'category', 'metric'];
const keyOf = (f: Omit<FigureRow, 'sourceUrl'>) =>
  JSON.stringify([f.publisher, f.subject, f.periodStart, f.periodEnd, f.jurisdiction, f.requesterType, f.requester, f.category, f.metric]);

/**
 * Published figures: imported from the publishers' own files (the format is told by the header), from
 * our CSV, or typed in. A file is all or nothing; importing it again changes nothing, and a corrected
 * file revises the figures it changes, keeping each earlier value with its source.
 */
@Injectable()
export class PublishedFiguresService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  list(query: ListQuery): Promise<[PublishedFigure[], number]> {
    return findPage(this.dataSource.getRepository(PublishedFigure).createQueryBuilder('f'), query, FIGURE_LIST);
  }

  async get(id: number): Promise<PublishedFigure & { history: object[] }> {
    const figure = await this.dataSource.getRepository(PublishedFigure).findOneBy({ id });
    if (!figure)
      throw new DomainError('record.not_found', `published figure ${id} does not exist`, undefined, { resource: 'published-figures', id });
    const history = await this.dataSource.query(
      `SELECT revision, value::float8 AS value, value_text AS "valueText", source, source_url AS "sourceUrl",
              source_sha256 AS "sourceSha256", retrieved_at AS "retrievedAt", replaced_at AS "replacedAt"
         FROM published_figure_revisions WHERE figure_id = $1 ORDER BY revision DESC`,
      [id],
    );
    return { ...figure, history };
  }

  async importFile(bytes: Buffer, options: { publisher?: string; sourceUrl?: string }, actor: Actor): Promise<FigureImportResult> {
    const { header, rows } = readCsv(bytes);
    const format = formatOf(header);
    if (!format) {
      const expected = FORMATS.map((f) => ({ format: f.source, headers: f.headers }));
      const message = 'the file is in none of the formats the tracker reads; `expected` lists the headers of each';
      throw new DomainError('import.unknown_format', message, 'file', undefined, { expected });
    }
    const parsed = format.parse(rows, options.publisher?.trim() || null);
    if (parsed.errors.length > 0) throw rowsInvalid(parsed.errors);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const counts = await this.store(
      parsed.figures.map((f) => ({ ...f, sourceUrl: options.sourceUrl?.trim() || null })),
      { source: format.source, sha256 },
      actor,
    );
    return { format: format.source, read: rows.length, ...counts };
  }

  /** One figure typed in from a PDF or a bot, with its source named. */
  async create(
    input: Partial<Record<keyof TrackerFigure, string | number>> & { sourceUrl?: string },
    actor: Actor,
  ): Promise<PublishedFigure> {
    const figure = trackerFigure(1, input);
    const errors = Array.isArray(figure) ? figure : [];
    if (!input.sourceUrl?.trim())
      errors.push({ line: 1, field: 'sourceUrl', message: 'sourceUrl is required: name where the figure was read' });
    if (errors.length > 0 || Array.isArray(figure)) throw new DomainError('input.invalid', errors[0].message, errors[0].field);
    await this.store([{ ...figure, sourceUrl: input.sourceUrl!.trim() }], { source: 'form', sha256: null }, actor);
    const [stored] = await this.dataSource.query(
      `SELECT id FROM published_figures WHERE ${KEY.map((k, i) => `${k} IS NOT DISTINCT FROM $${i + 1}`).join(' AND ')}`,
      [
        figure.publisher,
        figure.subject,
        figure.periodStart,
        figure.periodEnd,
        figure.jurisdiction,
        figure.requesterType,
        figure.requester,
        figure.category,
        figure.metric,
      ],
    );
    return this.get(stored.id);
  }

  /** Adds new figures and revises changed ones in one transaction, one import at a time. */
  private async store(
    figures: FigureRow[],
    source: { source: FigureSource; sha256: string | null },
    actor: Actor,
  ): Promise<Pick<FigureImportResult, 'added' | 'revised' | 'unchanged'>> {
    const byKey = new Map<string, FigureRow>();
    const errors: FigureError[] = [];
    for (const f of figures) {
      const seen = byKey.get(keyOf(f));
      if (seen && seen.valueText !== f.valueText) {
        errors.push({
          line: f.line,
          field: 'value',
          message: `the same figure has another value on line ${seen.line} (${seen.valueText})`,
        });
      }
      byKey.set(keyOf(f), f);
    }
    if (errors.length > 0) throw rowsInvalid(errors);

    return this.dataSource.transaction(async (m: EntityManager) => {
      await m.query('SELECT pg_advisory_xact_lock($1)', [ADVISORY_LOCKS.publishedFigures]);
      await m.query(
        `CREATE TEMP TABLE staged_figures ON COMMIT DROP AS
        SELECT * FROM jsonb_to_recordset($1::jsonb) AS s(publisher text, subject text, subject_kind text, period_start date,
          period_end date, jurisdiction text, requester_type text, requester text, category text, metric text, value numeric,
          value_text text, unit text, source_url text)`,
        [JSON.stringify([...byKey.values()].map(stagedRow))],
      );
      const same = KEY.map((k) => `f.${k} IS NOT DISTINCT FROM s.${k}`).join(' AND ');
      const [{ revised }] = await m.query(
        `WITH old AS (
           SELECT f.id, f.revision, f.value, f.value_text, f.source, f.source_url, f.source_sha256, f.retrieved_at, s.value AS new_value,
                  s.value_text AS new_text, s.source_url AS new_url
             FROM published_figures f JOIN staged_figures s ON ${same} WHERE f.value_text <> s.value_text FOR UPDATE OF f),
         kept AS (
           INSERT INTO published_figure_revisions (figure_id, revision, value, value_text, source, source_url, source_sha256, retrieved_at)
           SELECT id, revision, value, value_text, source, source_url, source_sha256, retrieved_at FROM old),
         changed AS (
           UPDATE published_figures f SET value = old.new_value, value_text = old.new_text, source = $1, source_url = old.new_url,
                  source_sha256 = $2, retrieved_at = now(), revision = f.revision + 1, updated_at = now()
             FROM old WHERE f.id = old.id RETURNING 1)
         SELECT count(*)::int AS revised FROM changed`,
        [source.source, source.sha256],
      );
      const [{ added }] = await m.query(
        `WITH added AS (
           INSERT INTO published_figures (${KEY.join(', ')}, subject_kind, value, value_text, unit, source, source_url, source_sha256, retrieved_at)
           SELECT ${KEY.map((k) => `s.${k}`).join(', ')}, s.subject_kind, s.value, s.value_text, s.unit, $1, s.source_url, $2, now()
             FROM staged_figures s
           ON CONFLICT ON CONSTRAINT uq_published_figures_figure DO NOTHING RETURNING 1)
         SELECT count(*)::int AS added FROM added`,
        [source.source, source.sha256],
      );
      const counts = { added, revised, unchanged: byKey.size - added - revised };
      await this.audit.record(
        { userId: actor.id, action: 'import', entity: 'published_figures', entityId: null, after: { ...source, ...counts } },
        m,
      );
      return counts;
    });
  }
}

function stagedRow(f: FigureRow) {
  return {
    publisher: f.publisher,
    subject: f.subject,
    subject_kind: f.subjectKind,
    period_start: f.periodStart,
    period_end: f.periodEnd,
    jurisdiction: f.jurisdiction,
    requester_type: f.requesterType,
    requester: f.requester,
    category: f.category,
    metric: f.metric,
    value: f.value,
    value_text: f.valueText,
    unit: f.unit,
    source_url: f.sourceUrl,
  };
}

/** The file's header and its rows keyed by header (trimmed), with their line numbers; a malformed CSV is a 400 naming the line. */
function readCsv(bytes: Buffer): { header: string[]; rows: CsvRow[] } {
  const text = bytes.toString('utf8');
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r?\n/)[0] ?? '';
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, { bom: true, delimiter, skip_empty_lines: true, info: true }) as never;
  } catch (err) {
    const line = (err as { lines?: number }).lines ?? 0;
    throw rowsInvalid([{ line, field: 'file', message: (err as Error).message }]);
  }
  if (records.length === 0) throw new DomainError('import.unknown_format', 'the file is empty', 'file');
  const header = records[0].record.map((h) => h.trim());
  const rows = records.slice(1).map(({ record, info }) => ({
    line: info.lines,
    cells: Object.fromEntries(header.map((h, i) => [h, record[i] ?? ''])),
  }));
  return { header, rows };
}

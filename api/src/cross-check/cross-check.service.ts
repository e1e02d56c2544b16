import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  categoriesOf,
  type CrossCheckRow,
  crossCheckFindings,
  derivedFromPublished,
  findingText,
  type Language,
  type MetricUnit,
  type PublishedMetric,
  publishedInterval,
  type PublishedValue,
  requesterTypesOf,
  type RequesterType,
  type SubjectKind,
} from '../../../domain/src';
import { dayAfter, ourFigures, type Scope } from './our-side';

export interface CrossCheckFilter {
  jurisdiction?: string;
  requesterType?: RequesterType;
  subject?: string;
  platformId?: number;
  /** The rows whose subject stands for any of these platforms (a report's platforms). */
  platformIds?: number[];
  publisher?: string;
  /** Periods that start on or after `from` and end before `to` (YYYY-MM-DD). */
  from?: string;
  to?: string;
}

interface FigureRecord {
  publisher: string;
  subject: string;
  subject_kind: SubjectKind;
  period_start: string;
  period_end: string;
  jurisdiction: string | null;
  requester_type: RequesterType | null;
  requester: string | null;
  category: string | null;
  metric: PublishedMetric;
  value: number;
  value_text: string;
  unit: MetricUnit;
}

/** One row's published figures, by metric, and what identifies the row. */
export interface FigureGroup {
  head: FigureRecord;
  published: CrossCheckRow['published'];
}

interface PlatformRecord {
  id: number;
  name: string;
  slug: string;
  parent_company: string | null;
}

const lower = (s: string | null) => (s ?? '').trim().toLowerCase();

/** The platforms a published subject stands for: a company's (by parent company, or the platform named like it: Telegram), or one service's. */
export function platformsOf(subject: string, kind: SubjectKind, platforms: PlatformRecord[]): { id: number; name: string }[] {
  const s = lower(subject);
  const matches = platforms.filter((p) =>
    kind === 'company' ? lower(p.parent_company) === s || lower(p.name) === s : lower(p.name) === s || p.slug === s,
  );
  return matches.map((p) => ({ id: p.id, name: p.name }));
}

/**
 * The cross-check: each publisher period's figures beside ours over the same subject, period,
 * jurisdiction, requester types and category, with the gaps in plain words and what could explain them.
 */
@Injectable()
export class CrossCheckService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async rows(filter: CrossCheckFilter, language: Language): Promise<CrossCheckRow[]> {
    return (await this.page(filter, language, Infinity)).rows;
  }

  /** The first `limit` rows (most recent periods first), and how many there are: only those shown are measured. */
  async page(filter: CrossCheckFilter, language: Language, limit: number): Promise<{ rows: CrossCheckRow[]; total: number }> {
    const { groups, scopes, scopeOf } = await this.plan(filter, limit);
    const ours = await ourFigures(this.dataSource, scopes);
    const rows = groups.slice(0, limit).map(({ head, published }, i) => {
      const scope = scopes[scopeOf[i]];
      const our = ours[scopeOf[i]];
      const derived = derivedFromPublished(published);
      const tracked = scope.categories === null || scope.categories.length > 0;
      const row = { published, derived, ours: our, subjectKind: head.subject_kind, category: head.category };
      const { findings, explanations, difference } = crossCheckFindings(row, tracked);
      const words = (f: (typeof findings)[number]) => ({ ...f, message: findingText(language, f.code, f.params) });
      return {
        publisher: head.publisher,
        subject: head.subject,
        subjectKind: head.subject_kind,
        periodStart: head.period_start,
        periodEnd: head.period_end,
        jurisdiction: head.jurisdiction,
        requesterType: head.requester_type,
        requester: head.requester,
        category: head.category,
        published,
        derived,
        ours: scope.platforms.length > 0 ? our : null,
        difference,
        findings: findings.map(words),
        explanations: explanations.map(words),
      };
    });
    return { rows, total: groups.length };
  }

  /** The published figures by row, and the scopes of our ledger to measure for the first `limit` of them (`scopeOf[i]` is row i's). */
  async plan(filter: CrossCheckFilter, limit = Infinity): Promise<{ groups: FigureGroup[]; scopes: Scope[]; scopeOf: number[] }> {
    const platforms: PlatformRecord[] = await this.dataSource.query('SELECT id, name, slug, parent_company FROM platforms');
    // A platform's rows are those whose subject stands for it: its service, or its company.
    const wanted = filter.platformIds ?? (filter.platformId === undefined ? null : [filter.platformId]);
    const covers = (f: FigureRecord) => !wanted || platformsOf(f.subject, f.subject_kind, platforms).some((p) => wanted.includes(p.id));
    const figures = (await this.figures(filter)).filter(covers);

    // One row per publisher period and breakdown, its figures by metric.
    const groups = new Map<string, FigureGroup>();
    for (const f of figures) {
      const key = JSON.stringify([
        f.publisher,
        f.subject,
        f.subject_kind,
        f.period_start,
        f.period_end,
        f.jurisdiction,
        f.requester_type,
        f.requester,
        f.category,
      ]);
      const group = groups.get(key) ?? { head: f, published: {} };
      group.published[f.metric] = {
        value: Number(f.value),
        text: f.value_text,
        unit: f.unit,
        ...publishedInterval(f.value_text, f.unit),
      } satisfies PublishedValue;
      groups.set(key, group);
    }

    // Scopes that several rows share are measured once.
    const scopeKeys = new Map<string, number>();
    const scopes: Scope[] = [];
    const scopeOf = [...groups.values()].slice(0, limit).map(({ head }) => {
      const scope: Scope = {
        platforms: platformsOf(head.subject, head.subject_kind, platforms),
        start: head.period_start,
        end: dayAfter(head.period_end),
        jurisdiction: head.jurisdiction,
        requesterTypes: requesterTypesOf(head.requester_type, head.requester),
        categories: categoriesOf(head.category),
      };
      const key = JSON.stringify(scope);
      if (!scopeKeys.has(key)) {
        scopeKeys.set(key, scopes.length);
        scopes.push(scope);
      }
      return scopeKeys.get(key)!;
    });
    return { groups: [...groups.values()], scopes, scopeOf };
  }

  private figures(filter: CrossCheckFilter): Promise<FigureRecord[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (filter.jurisdiction) add('jurisdiction = ?', filter.jurisdiction);
    if (filter.requesterType) add('requester_type = ?', filter.requesterType);
    if (filter.publisher) add('lower(publisher) = lower(?)', filter.publisher);
    if (filter.subject) add('lower(subject) = lower(?)', filter.subject);
    if (filter.from) add('period_start >= ?::date', filter.from);
    if (filter.to) add('period_end < ?::date', filter.to);
    return this.dataSource.query(
      `SELECT publisher, subject, subject_kind, to_char(period_start, 'YYYY-MM-DD') AS period_start, to_char(period_end, 'YYYY-MM-DD') AS period_end,
              jurisdiction, requester_type, requester, category, metric, value::float8 AS value, value_text, unit
         FROM published_figures ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY period_start DESC, publisher, subject, jurisdiction NULLS FIRST, requester_type NULLS FIRST, requester NULLS FIRST, category NULLS FIRST, metric`,
      params,
    );
  }
}

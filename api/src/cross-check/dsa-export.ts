import { Injectable } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Matches, Min } from 'class-validator';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  categoriesOf,
  countedSql,
  DSA_CATEGORY,
  DSA_TABLE3_COLUMNS,
  DSA_TABLE3_METRICS,
  type OurFigures,
  parsePeriod,
  type Period,
  type PublishedMetric,
  REQUEST_CATEGORIES,
} from '../../../domain/src';
import { csvLine } from '../exports/csv';
import { dayAfter, ourFigures, type Scope } from './our-side';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export class DsaExportQueryDto {
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(1) platformId?: number;
  @ApiPropertyOptional({ description: 'half-years starting on or after this date (YYYY-MM-DD)' })
  @IsOptional()
  @Matches(DATE, { message: 'from must be a date YYYY-MM-DD' })
  from?: string;
  @ApiPropertyOptional({ description: 'half-years ending before this date (YYYY-MM-DD)' })
  @IsOptional()
  @Matches(DATE, { message: 'to must be a date YYYY-MM-DD' })
  to?: string;
}

/** The half-years from the one holding `first` to the one holding `last`. */
function halfYears(first: string, last: string): Period[] {
  const out: Period[] = [];
  for (let y = Number(first.slice(0, 4)); y <= Number(last.slice(0, 4)); y++) out.push(parsePeriod(`${y}-H1`)!, parsePeriod(`${y}-H2`)!);
  return out.filter((p) => p.end >= first && p.start <= last);
}

/**
 * Our ledger in the shape of DSA table 3: per service (platform), half-year, DSA category and scope
 * (TOTAL, then each jurisdiction our agencies are in), measured as the cross-check measures ours. The
 * medians for orders to provide information are left empty: we do not time them.
 */
@Injectable()
export class DsaExportService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async csv(query: DsaExportQueryDto): Promise<string> {
    const platforms: { id: number; name: string }[] = await this.dataSource.query(
      `SELECT p.id, p.name FROM platforms p WHERE ($1::int IS NULL OR p.id = $1) ORDER BY p.name`,
      [query.platformId ?? null],
    );
    const [span] = await this.dataSource.query(
      `SELECT to_char(min(r.sent_at), 'YYYY-MM-DD') AS first, to_char(max(r.sent_at), 'YYYY-MM-DD') AS last FROM requests r
        WHERE ${countedSql('r')} AND ($1::date IS NULL OR r.sent_at >= $1::date) AND ($2::date IS NULL OR r.sent_at < $2::date)`,
      [query.from ?? null, query.to ?? null],
    );
    const jurisdictions: string[] = (
      await this.dataSource.query(`SELECT DISTINCT jurisdiction FROM agencies WHERE jurisdiction IS NOT NULL ORDER BY 1`)
    ).map((r: { jurisdiction: string }) => r.jurisdiction);
    if (!span.first) return csvLine([...DSA_TABLE3_COLUMNS]);

    const categories = [...new Set(REQUEST_CATEGORIES.map((c) => DSA_CATEGORY[c]))];
    const periods = halfYears(span.first, span.last).filter(
      (p) => (!query.from || p.start >= query.from) && (!query.to || p.end < query.to),
    );
    const cells: { platform: string; period: Period; category: string; scope: string; s: Scope }[] = [];
    for (const platform of platforms)
      for (const period of periods)
        for (const category of categories)
          for (const scope of ['TOTAL', ...jurisdictions]) {
            const s: Scope = {
              platforms: [platform],
              start: period.start,
              end: dayAfter(period.end),
              jurisdiction: scope === 'TOTAL' ? null : scope,
              requesterTypes: null,
              categories: categoriesOf(category),
            };
            cells.push({ platform: platform.name, period, category, scope, s });
          }
    const figures = await ourFigures(
      this.dataSource,
      cells.map((c) => c.s),
    );
    const hours = (h: number | null) => (h === null ? '' : String(h));
    // Each figure under its metric; the medians for orders to provide information stay empty.
    const figureCells = (f: OurFigures): Partial<Record<PublishedMetric, string>> => ({
      requests: String(f.requests),
      items: String(f.items),
      median_hours_to_confirm_receipt: hours(f.medianHoursToConfirmReceipt),
      median_hours_to_give_effect: hours(f.medianHoursToGiveEffect),
      info_orders: String(f.infoOrders),
    });
    const rows = cells
      .map((c, i) => ({ c, f: figures[i] }))
      .filter(({ f }) => f.requests > 0 || f.infoOrders > 0)
      .map(({ c, f }) => {
        const values = figureCells(f);
        return [
          'Applicable',
          c.platform,
          `${c.period.start}/${c.period.end}`,
          c.category,
          '',
          c.scope,
          ...DSA_TABLE3_METRICS.map(([, metric]) => values[metric] ?? ''),
        ];
      });
    return [DSA_TABLE3_COLUMNS, ...rows].map((r) => csvLine([...r])).join('');
  }
}

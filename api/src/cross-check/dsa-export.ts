import { Injectable } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Matches, Min } from 'class-validator';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { countedSql, DSA_CATEGORY, type Period, REQUEST_CATEGORIES } from '../../../domain/src';
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

/** Table 3's columns, as the harmonised template names them (the DSA importer reads this file back). */
export const DSA_TABLE3_COLUMNS = [
  'Applicability',
  'Service',
  'Reporting period',
  'Category of illegal content',
  'Description of the sub-category "Other"',
  'Scope',
  'Number of orders to act against illegal content received',
  'Number of specific items of information included in the total number of orders to act against illegal content',
  'Median time to inform the authority of the receipt of the order to act against illegal content',
  'Median time to give effect to the order to act against illegal content',
  'Number of orders to provide information',
  'Median time to inform the authority of the receipt of the order to provide information',
  'Median time to give effect to the order to provide information',
] as const;

/** The half-years from the one holding `first` to the one holding `last`. */
function halfYears(first: string, last: string): Period[] {
  const out: Period[] = [];
  for (let y = Number(first.slice(0, 4)); y <= Number(last.slice(0, 4)); y++) {
    out.push({ start: `${y}-01-01`, end: `${y}-06-30` }, { start: `${y}-07-01`, end: `${y}-12-31` });
  }
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
            const ours = REQUEST_CATEGORIES.filter((c) => DSA_CATEGORY[c] === category);
            const s: Scope = {
              platforms: [platform],
              start: period.start,
              end: dayAfter(period.end),
              jurisdiction: scope === 'TOTAL' ? null : scope,
              requesterTypes: null,
              categories: ours,
            };
            cells.push({ platform: platform.name, period, category, scope, s });
          }
    const figures = await ourFigures(
      this.dataSource,
      cells.map((c) => c.s),
    );
    const hours = (h: number | null) => (h === null ? '' : String(h));
    const rows = cells
      .map((c, i) => ({ c, f: figures[i] }))
      .filter(({ f }) => f.requests > 0 || f.infoOrders > 0)
      .map(({ c, f }) => [
        'Applicable',
        c.platform,
        `${c.period.start}/${c.period.end}`,
        c.category,
        '',
        c.scope,
        String(f.requests),
        String(f.items),
        hours(f.medianHoursToConfirmReceipt),
        hours(f.medianHoursToGiveEffect),
        String(f.infoOrders),
        '',
        '',
      ]);
    return [DSA_TABLE3_COLUMNS, ...rows].map((r) => csvLine([...r])).join('');
  }
}

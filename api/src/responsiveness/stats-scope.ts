import { invalid } from '../common/errors/domain-error';
import type { StatsQueryDto } from './stats-query.dto';
import { countedSql } from '../../../domain/src';

/** The requests a statistic is about, with its parameters as SQL conditions on `requests r`. */
export interface StatsScope {
  asOf: Date;
  /** SQL conditions, ANDed, referring to $1 = asOf and the following params. */
  conditions: string[];
  params: unknown[];
}

const date = (field: string, value: unknown): Date | undefined => {
  if (value === undefined) return undefined;
  const d = new Date(String(value));
  if (Number.isNaN(d.getTime())) throw invalid(field, 'must be an ISO-8601 date', 'input.not_a_date');
  return d;
};

/** The asOf parameter, default now. */
export const parseAsOf = (value: unknown): Date => date('asOf', value) ?? new Date();

/**
 * Requests counted by every metric (DOMAIN.md): sent in [from, to), already sent at asOf, never
 * drafts or withdrawn requests.
 */
export function statsScope(query: StatsQueryDto): StatsScope {
  const from = date('from', query.from);
  const to = date('to', query.to);
  const asOf = parseAsOf(query.asOf);
  if (from && to && from >= to) throw invalid('to', 'must be after from', 'input.period_reversed');
  const params: unknown[] = [asOf];
  const conditions = [countedSql('r'), `r.sent_at <= $1`];
  const add = (sql: string, value: unknown) => {
    params.push(value);
    conditions.push(sql.replace('?', `$${params.length}`));
  };
  if (from) add('r.sent_at >= ?', from);
  if (to) add('r.sent_at < ?', to);
  if (query.type) add('r.type = ?', query.type);
  if (query.category) add('r.category = ?', query.category);
  if (query.channel) add('r.channel = ?', query.channel);
  if (query.agencyId) add('r.agency_id = ?', query.agencyId);
  if (query.platformId) add('r.platform_id = ?', query.platformId);
  return { asOf, conditions, params };
}

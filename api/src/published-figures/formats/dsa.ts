import { parsePeriod, type PublishedMetric } from '../../../../domain/src';
import { checkJurisdiction, collect, type FileFormat, figureFrom, type Parsed } from './figure';

/**
 * Table 3 of the EU's harmonised DSA transparency report template (Implementing Regulation 2024/2835):
 * orders from Member States' authorities, per service, reporting period, category and scope (TOTAL or
 * a country), with the two medians in hours. The "Contextual information" columns are not figures.
 */
const METRICS: [column: string, metric: PublishedMetric][] = [
  ['Number of orders to act against illegal content received', 'requests'],
  ['Number of specific items of information included in the total number of orders to act against illegal content', 'items'],
  ['Median time to inform the authority of the receipt of the order to act against illegal content', 'median_hours_to_confirm_receipt'],
  ['Median time to give effect to the order to act against illegal content', 'median_hours_to_give_effect'],
  ['Number of orders to provide information', 'info_orders'],
  ['Median time to inform the authority of the receipt of the order to provide information', 'info_median_hours_to_confirm_receipt'],
  ['Median time to give effect to the order to provide information', 'info_median_hours_to_give_effect'],
];

/** The EU writes Greece EL; ISO 3166-1 writes GR. */
const EU_TO_ISO: Record<string, string> = { EL: 'GR' };

export const DSA_TABLE3: FileFormat = {
  source: 'dsa_table3',
  headers: ['Service', 'Reporting period', 'Category of illegal content', 'Scope', ...METRICS.map(([c]) => c)],
  parse(rows, publisher) {
    const parsed: Parsed = { figures: [], errors: [] };
    for (const row of rows) {
      const c = (name: string) => (row.cells[name] ?? '').trim();
      if (/^not/i.test(c('Applicability'))) continue;
      const service = c('Service');
      if (!service) parsed.errors.push({ line: row.line, field: 'Service', message: 'Service is empty' });
      const period = parsePeriod(c('Reporting period'));
      if (!period) {
        parsed.errors.push({
          line: row.line,
          field: 'Reporting period',
          message: `Reporting period "${c('Reporting period')}" is not a half-year (2024-H1) or a YYYY-MM-DD/YYYY-MM-DD range`,
        });
      }
      const scope = c('Scope').toUpperCase();
      const jurisdiction = scope === 'TOTAL' || scope === '' ? null : (EU_TO_ISO[scope] ?? scope);
      const bad = jurisdiction ? checkJurisdiction(jurisdiction, row.line, 'Scope') : null;
      if (bad) parsed.errors.push(bad);
      if (!service || !period || bad) continue;
      const category = c('Category of illegal content');
      const base = {
        line: row.line,
        publisher: publisher ?? service,
        subject: service,
        subjectKind: 'service' as const,
        periodStart: period.start,
        periodEnd: period.end,
        jurisdiction,
        requesterType: null,
        requester: null,
        category: category === '' || /^total$/i.test(category) ? null : category,
      };
      // An empty cell is a figure the provider did not give.
      collect(
        parsed,
        METRICS.map(([column, metric]) => (c(column) === '' ? null : figureFrom(base, metric, column, c(column)))),
      );
    }
    return parsed;
  },
};

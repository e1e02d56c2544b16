import { DSA_TABLE3_METRICS, parsePeriod } from '../../../../domain/src';
import { checkJurisdiction, collect, type FileFormat, figureFrom, type Parsed } from './figure';

/** DSA table 3, per service, period, category and scope (TOTAL or a country); its columns are the domain's DSA_TABLE3_METRICS. */
/** The EU writes Greece EL; ISO 3166-1 writes GR. */
const EU_TO_ISO: Record<string, string> = { EL: 'GR' };

export const DSA_TABLE3: FileFormat = {
  source: 'dsa_table3',
  headers: ['Service', 'Reporting period', 'Category of illegal content', 'Scope', ...DSA_TABLE3_METRICS.map(([c]) => c)],
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
        DSA_TABLE3_METRICS.map(([column, metric]) => (c(column) === '' ? null : figureFrom(base, metric, column, c(column)))),
      );
    }
    return parsed;
  },
};

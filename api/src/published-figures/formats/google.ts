import { GOOGLE_REQUESTERS, halfYearEnding, type PublishedMetric } from '../../../../domain/src';
import { checkJurisdiction, collect, type CsvRow, figureFrom, type FileFormat, type Parsed } from './figure';

/**
 * Google's government removal requests (transparencyreport.google.com): one row per half-year,
 * country and requester. Figures are about Google as a company (YouTube, Search, Blogger…).
 */
const CURRENT_METRICS: [column: string, metric: PublishedMetric][] = [
  ['Number of Requests', 'requests'],
  ['Items Requested To Be Removed', 'items'],
  ['% Removed-Legal', 'items_removed_legal_pct'],
  ['% Removed-Policy', 'items_removed_policy_pct'],
  ['% Content Not Found', 'items_not_found_pct'],
  // Google's header has a space before the comma; headers are compared trimmed.
  ['% Not Enough Information', 'items_not_enough_info_pct'],
  ['% No Action Taken', 'items_no_action_pct'],
  ['% Content Already Removed', 'items_already_removed_pct'],
];

function periodAndCountry(row: CsvRow, country: string, parsed: Parsed) {
  const period = halfYearEnding(row.cells['Period Ending'] ?? '');
  if (!period) {
    parsed.errors.push({
      line: row.line,
      field: 'Period Ending',
      message: `Period Ending "${row.cells['Period Ending']}" is not the end of a half-year (YYYY-06-30 or YYYY-12-31)`,
    });
  }
  const code = (row.cells[country] ?? '').trim().toUpperCase();
  const bad = checkJurisdiction(code, row.line, country);
  if (bad) parsed.errors.push(bad);
  return period && !bad ? { periodStart: period.start, periodEnd: period.end, jurisdiction: code } : null;
}

const company = (publisher: string | null) => ({ publisher: publisher ?? 'Google', subject: 'Google', subjectKind: 'company' as const });

export const GOOGLE_CURRENT: FileFormat = {
  source: 'google_current',
  headers: ['Period Ending', 'Country/Region', 'CLDR Territory Code', 'Requester', ...CURRENT_METRICS.map(([c]) => c)],
  parse(rows, publisher) {
    const parsed: Parsed = { figures: [], errors: [] };
    for (const row of rows) {
      const where = periodAndCountry(row, 'CLDR Territory Code', parsed);
      const requester = (row.cells.Requester ?? '').trim();
      const requesterType = GOOGLE_REQUESTERS[requester];
      if (!requesterType) {
        const known = Object.keys(GOOGLE_REQUESTERS).join(', ');
        parsed.errors.push({ line: row.line, field: 'Requester', message: `Requester "${requester}" is not one of Google's (${known})` });
      }
      if (!where || !requesterType) continue;
      const base = { line: row.line, ...company(publisher), ...where, requesterType, requester, category: null };
      // In this file an empty cell is a zero.
      collect(
        parsed,
        CURRENT_METRICS.map(([column, metric]) => figureFrom(base, metric, column, (row.cells[column] ?? '').trim() || '0')),
      );
    }
    return parsed;
  },
};

/** The historical file splits requests into court orders and the rest, and marks small counts "<10". */
const HISTORICAL_GROUPS: [prefix: string, requesterType: 'court' | null][] = [
  ['All Requests', null],
  ['Court Orders', 'court'],
  ['Other Requests (Executive, Police, etc.)', null],
];
const HISTORICAL_METRICS: [suffix: string, metric: PublishedMetric][] = [
  ['Number of Requests', 'requests'],
  ['% Fully Or Partially Complied With', 'requests_complied_pct'],
  ['Items Requested To Be Removed', 'items'],
];

export const GOOGLE_HISTORICAL: FileFormat = {
  source: 'google_historical',
  headers: ['Period Ending', 'CLDR Territory Code', 'All Requests: Number of Requests'],
  parse(rows, publisher) {
    const parsed: Parsed = { figures: [], errors: [] };
    for (const row of rows) {
      const where = periodAndCountry(row, 'CLDR Territory Code', parsed);
      if (!where) continue;
      for (const [prefix, requesterType] of HISTORICAL_GROUPS) {
        // "All Requests" covers every requester; the others name theirs.
        const base = {
          line: row.line,
          ...company(publisher),
          ...where,
          requesterType,
          requester: requesterType || prefix !== 'All Requests' ? prefix : null,
          category: null,
        };
        collect(
          parsed,
          HISTORICAL_METRICS.map(([suffix, metric]) => {
            const column = `${prefix}: ${suffix}`;
            const cell = (row.cells[column] ?? '').trim();
            // Here an empty cell or "?" means not published, not zero.
            return cell === '' || cell === '?' ? null : figureFrom(base, metric, column, cell, true);
          }),
        );
      }
    }
    return parsed;
  },
};

import {
  FIGURE_CSV_COLUMNS,
  type FigureSource,
  parsePeriod,
  PUBLISHED_METRICS,
  type PublishedMetric,
  SUBJECT_KINDS,
  type SubjectKind,
} from '../../../../domain/src';
import { checkJurisdiction, type FigureError, figureFrom, type FigureRow, type FileFormat, isRequesterType, type Parsed } from './figure';

export type TrackerFigure = Record<(typeof FIGURE_CSV_COLUMNS)[number], string>;

/** One figure in our own terms (a CSV row or the form), checked; the errors name the field. */
export function trackerFigure(
  line: number,
  f: Partial<Record<keyof TrackerFigure, string | number>>,
): Omit<FigureRow, 'sourceUrl'> | FigureError[] {
  const errors: FigureError[] = [];
  const get = (k: keyof TrackerFigure) => String(f[k] ?? '').trim();
  for (const k of ['publisher', 'subject', 'period', 'metric', 'value'] as const) {
    if (!get(k)) errors.push({ line, field: k, message: `${k} is required` });
  }
  const subjectKind = get('subjectKind') || 'company';
  if (!(SUBJECT_KINDS as readonly string[]).includes(subjectKind))
    errors.push({ line, field: 'subjectKind', message: `subjectKind must be one of ${SUBJECT_KINDS.join(', ')}` });
  const period = parsePeriod(get('period'));
  if (get('period') && !period)
    errors.push({ line, field: 'period', message: 'period must be a half-year (2024-H1) or a YYYY-MM-DD/YYYY-MM-DD range' });
  const jurisdiction = get('jurisdiction').toUpperCase() || null;
  const bad = jurisdiction ? checkJurisdiction(jurisdiction, line, 'jurisdiction') : null;
  if (bad) errors.push(bad);
  const requesterType = get('requesterType') || null;
  if (requesterType && !isRequesterType(requesterType))
    errors.push({ line, field: 'requesterType', message: `requesterType "${requesterType}" is not a requester type` });
  const metric = get('metric');
  if (metric && !(PUBLISHED_METRICS as readonly string[]).includes(metric))
    errors.push({ line, field: 'metric', message: `metric must be one of ${PUBLISHED_METRICS.join(', ')}` });
  if (errors.length > 0 || !period) return errors;
  const figure = figureFrom(
    {
      line,
      publisher: get('publisher'),
      subject: get('subject'),
      subjectKind: subjectKind as SubjectKind,
      periodStart: period.start,
      periodEnd: period.end,
      jurisdiction,
      requesterType: requesterType && isRequesterType(requesterType) ? requesterType : null,
      requester: null,
      category: get('category') || null,
    },
    metric as PublishedMetric,
    'value',
    get('value'),
  );
  return 'message' in figure ? [figure] : figure;
}

export const TRACKER_CSV: FileFormat & { source: FigureSource } = {
  source: 'tracker_csv',
  headers: FIGURE_CSV_COLUMNS,
  parse(rows) {
    const parsed: Parsed = { figures: [], errors: [] };
    for (const row of rows) {
      const r = trackerFigure(row.line, row.cells);
      if (Array.isArray(r)) parsed.errors.push(...r);
      else parsed.figures.push(r);
    }
    return parsed;
  },
};

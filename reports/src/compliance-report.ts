import { rateBars, trendLines } from './charts';
import { type Column, createDocument, type Doc, heading, paragraph, table } from './document';
import { count, dateTime, day, hours, percent } from './format';
import type { ComplianceReportModel, PlatformMetrics, WaitingRequest } from './model';
import { THEME } from './theme';

export const METRIC_COLUMNS: Column[] = [
  { header: 'Platform', width: 0.12 },
  { header: 'Sent', width: 0.07, align: 'right' },
  { header: 'Answered', width: 0.09, align: 'right' },
  { header: 'Response rate', width: 0.09, align: 'right' },
  { header: 'On time', width: 0.08, align: 'right' },
  { header: 'Overdue', width: 0.08, align: 'right' },
  { header: 'Median response', width: 0.09, align: 'right' },
  { header: 'p90 response', width: 0.09, align: 'right' },
  { header: 'KM median', width: 0.09, align: 'right' },
  { header: 'Items removed / requested', width: 0.11, align: 'right' },
  { header: 'Median removal', width: 0.09, align: 'right' },
];

export const metricCells = (p: PlatformMetrics): string[] => [
  p.platform,
  count(p.sent),
  count(p.responded),
  percent(p.responseRate),
  percent(p.onTimeRate),
  count(p.overdue),
  hours(p.medianResponseHours),
  hours(p.p90ResponseHours),
  p.kmMedianResponseHours === null && p.sent > 0 ? 'not reached' : hours(p.kmMedianResponseHours),
  `${count(p.itemsRemoved)} / ${count(p.itemsRequested)}`,
  hours(p.medianRemovalHours),
];

export const WAITING_COLUMNS: Column[] = [
  { header: 'Reference', width: 0.26 },
  { header: 'Platform', width: 0.16 },
  { header: 'Type', width: 0.15 },
  { header: 'Channel', width: 0.13 },
  { header: 'Sent', width: 0.14 },
  { header: 'Days waiting', width: 0.16, align: 'right' },
];

export const waitingCells = (r: WaitingRequest): string[] => [r.reference, r.platform, r.type, r.channel, day(r.sentAt), count(r.daysWaiting)];

/** Requests waiting for an answer, one per line; when there are very many, the first ones and a pointer to the CSV. */
export function waitingList(doc: Doc, rows: WaitingRequest[], total: number, none: string): void {
  if (total === 0) return paragraph(doc, none);
  const shown = rows.length < total ? ` The ${count(rows.length)} oldest are listed; the CSV that comes with this report lists all ${count(total)}.` : '';
  paragraph(doc, `Requests with no answer from the platform at the as-of time, oldest first. Those past their deadline are in red.${shown}`, THEME.colour.muted);
  table(doc, WAITING_COLUMNS, rows.map(waitingCells), (i) => rows[i].overdue);
}

/** The executive summary: the key numbers in words. */
export function summarise(model: ComplianceReportModel): string[] {
  const sent = model.platforms.reduce((n, p) => n + p.sent, 0);
  const answered = model.platforms.reduce((n, p) => n + p.responded, 0);
  const overdue = model.platforms.reduce((n, p) => n + p.overdue, 0);
  const lines = [
    `${count(sent)} requests were sent to ${model.platforms.filter((p) => p.sent > 0).length} platforms between ${day(model.periodFrom)} and ${day(model.periodTo)}; ` +
      `${count(answered)} had been answered by ${dateTime(model.asOf)} (${percent(sent ? answered / sent : null)}), ` +
      `${count(sent - answered)} had not, and ${count(overdue)} of those were past their deadline.`,
  ];
  for (const p of model.platforms.filter((p) => p.sent > 0)) {
    const none = p.responded === 0 ? ' It answered none of them.' : '';
    lines.push(`${p.platform}: ${count(p.sent)} sent, ${count(p.responded)} answered (${percent(p.responseRate)}), ${count(p.overdue)} overdue.${none}`);
  }
  return lines;
}

/** The compliance report: cover, summary, metrics, charts, unanswered requests, consultations, methodology. */
export async function renderComplianceReport(model: ComplianceReportModel): Promise<Buffer> {
  const { doc, finish } = createDocument(model.title, model.generatedAt);

  // Cover
  doc.moveDown(6).font('bold').fontSize(THEME.font.title).fillColor(THEME.colour.text).text(model.title);
  doc.moveDown(0.5).font('body').fontSize(THEME.font.subheading).fillColor(THEME.colour.muted);
  doc.text(`Requests sent from ${day(model.periodFrom)} up to ${day(model.periodTo)} (exclusive)`);
  doc.text(`Answers counted as of ${dateTime(model.asOf)}`);
  if (model.agency) doc.text(`Requesting agency: ${model.agency}`);
  doc.text(`Generated ${dateTime(model.generatedAt)}`);
  doc.moveDown(2).fontSize(THEME.font.small).text(`Data fingerprint (SHA-256): ${model.dataSha256}`);

  doc.addPage();
  heading(doc, 'Summary');
  for (const line of summarise(model)) paragraph(doc, line);

  heading(doc, 'Responsiveness by platform');
  table(doc, METRIC_COLUMNS, model.platforms.map(metricCells));
  rateBars(doc, 'Response rate by platform', model.platforms.map((p) => ({ label: p.platform, value: p.responseRate })));
  trendLines(doc, 'Requests sent and answered, by month', model.trend);

  heading(doc, `Unanswered requests (${count(model.unansweredTotal)})`);
  waitingList(doc, model.unanswered, model.unansweredTotal, 'Every request sent in the period had been answered.');

  heading(doc, 'Consultations held in the period');
  if (model.consultations.length === 0) paragraph(doc, 'No consultation was recorded in the period.');
  for (const c of model.consultations) {
    doc.font('bold').fontSize(THEME.font.body).text(`${day(c.heldAt)} · ${c.platform} · ${c.format.replace('_', ' ')} · ${c.title}`);
    doc.moveDown(0.2);
    if (c.actionItems.length) {
      table(doc, [{ header: 'Owner', width: 0.14 }, { header: 'Action', width: 0.56 }, { header: 'Due', width: 0.15 }, { header: 'State', width: 0.15 }],
        c.actionItems.map((a) => [a.ownerSide, a.text, a.dueDate ?? '–', a.state]), (i) => c.actionItems[i].state === 'missed');
    } else paragraph(doc, 'No action items.', THEME.colour.muted);
  }

  doc.addPage();
  heading(doc, 'Methodology');
  for (const line of METHODOLOGY) paragraph(doc, line);
  return finish();
}

export const METHODOLOGY = [
  'Requests counted: those with a sending time in the period [from, to), excluding drafts and withdrawn requests. Every figure is evaluated as of the as-of time: an answer recorded after it does not count, and an item state is the one set by its last check at or before it, so a report for a past as-of time never changes.',
  'Sent: requests in the period. Answered: of those, requests with a platform-originated event (acknowledged, information requested, outcome, refused) at or before the as-of time. Unanswered = sent − answered. Response rate = answered / sent (shown as – when nothing was sent).',
  'Response time of a request: first platform-originated event − sending time, in hours. Median and p90: continuous percentiles (as PostgreSQL percentile_cont) over the answered requests only.',
  'KM median: the Kaplan-Meier estimate of the median time to first response, counting unanswered requests as censored at the as-of time; the smallest time at which the estimated share still unanswered is at most one half ("not reached" when it never is). Unlike the plain median, it does not flatter a platform that leaves most requests unanswered.',
  'Deadline: sending time + the platform\'s response deadline for the request type at the time of sending (72 h unless set otherwise; always 24 h for child sexual abuse material). Overdue: unanswered and past the deadline at the as-of time. On time = answered by the deadline (and by the as-of time) / sent.',
  'Removal requests: items requested, removed and still online as of the as-of time; requests with items are counted as removed completely (every item removed), partially (some) or not at all (none). Median removal: median of resolution time − sending time over requests resolved as removed or partially removed by the as-of time.',
  'The data fingerprint is a SHA-256 of the figures and rows this report was built from; the same parameters and as-of time give the same fingerprint.',
];

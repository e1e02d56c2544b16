import { CSAM_SLA_HOURS, DEFAULT_LANGUAGE, DEFAULT_SLA_HOURS, type Language, PLATFORM_EVENT_KINDS } from '../../domain/src';
import { rateBars, trendLines } from './charts';
import { crossCheckMethodology, crossCheckSection } from './cross-check-section';
import { type Column, createDocument, type Doc, heading, paragraph, table } from './document';
import { type ReportLocale, reportLocale } from './i18n';
import type { ComplianceReportModel, PlatformMetrics, WaitingRequest } from './model';
import { THEME } from './theme';

export const metricColumns = ({ t }: ReportLocale): Column[] => {
  const c = t.metrics.columns;
  return [
    { header: c.platform, width: 0.12 },
    { header: c.sent, width: 0.07, align: 'right' },
    { header: c.answered, width: 0.09, align: 'right' },
    { header: c.responseRate, width: 0.09, align: 'right' },
    { header: c.onTime, width: 0.08, align: 'right' },
    { header: c.overdue, width: 0.08, align: 'right' },
    { header: c.medianResponse, width: 0.09, align: 'right' },
    { header: c.p90Response, width: 0.09, align: 'right' },
    { header: c.kmMedian, width: 0.09, align: 'right' },
    { header: c.itemsRemoved, width: 0.11, align: 'right' },
    { header: c.medianRemoval, width: 0.09, align: 'right' },
  ];
};

export const metricCells = ({ t, f }: ReportLocale, p: PlatformMetrics): string[] => [
  p.platform,
  f.count(p.sent),
  f.count(p.responded),
  f.percent(p.responseRate),
  f.percent(p.onTimeRate),
  f.count(p.overdue),
  f.hours(p.medianResponseHours),
  f.hours(p.p90ResponseHours),
  p.kmMedianResponseHours === null && p.sent > 0 ? t.metrics.notReached : f.hours(p.kmMedianResponseHours),
  `${f.count(p.itemsRemoved)} / ${f.count(p.itemsRequested)}`,
  f.hours(p.medianRemovalHours),
];

const waitingColumns = ({ t }: ReportLocale): Column[] => {
  const c = t.waiting.columns;
  return [
    { header: c.reference, width: 0.22 },
    { header: c.platform, width: 0.15 },
    { header: c.type, width: 0.14 },
    { header: c.channel, width: 0.12 },
    { header: c.sent, width: 0.13 },
    { header: c.emails, width: 0.1, align: 'right' },
    { header: c.daysWaiting, width: 0.14, align: 'right' },
  ];
};

const waitingCells = ({ f, label }: ReportLocale, r: WaitingRequest): string[] => [
  r.reference,
  r.platform,
  label('type', r.type),
  label('channel', r.channel),
  f.day(r.sentAt),
  f.count(r.emails),
  f.count(r.daysWaiting),
];

/** Requests waiting for an answer, one per line; when there are very many, the first ones and a pointer to the CSV. */
export function waitingList(doc: Doc, locale: ReportLocale, rows: WaitingRequest[], total: number, none: string): void {
  const { t, f } = locale;
  if (total === 0) return paragraph(doc, none);
  const listed = rows.length < total ? ` ${t.waiting.listed(f.count(rows.length), f.count(total))}` : '';
  paragraph(doc, `${t.waiting.intro}${listed}`, THEME.colour.muted);
  table(
    doc,
    waitingColumns(locale),
    rows.map((r) => waitingCells(locale, r)),
    (i) => rows[i].overdue,
  );
}

/** The executive summary: the key numbers in words. */
export function summarise(model: ComplianceReportModel, { t, f }: ReportLocale): string[] {
  const sent = model.platforms.reduce((n, p) => n + p.sent, 0);
  const answered = model.platforms.reduce((n, p) => n + p.responded, 0);
  const overdue = model.platforms.reduce((n, p) => n + p.overdue, 0);
  const lines = [
    t.summary.overall({
      sent: f.count(sent),
      platforms: f.count(model.platforms.filter((p) => p.sent > 0).length),
      from: f.day(model.periodFrom),
      to: f.day(model.periodTo),
      answered: f.count(answered),
      asOf: f.dateTime(model.asOf),
      rate: f.percent(sent ? answered / sent : null),
      unanswered: f.count(sent - answered),
      overdue: f.count(overdue),
    }),
  ];
  for (const p of model.platforms.filter((p) => p.sent > 0)) {
    const line = t.summary.platform({
      platform: p.platform,
      sent: f.count(p.sent),
      answered: f.count(p.responded),
      rate: f.percent(p.responseRate),
      overdue: f.count(p.overdue),
    });
    lines.push(p.responded === 0 ? `${line} ${t.summary.answeredNone}` : line);
  }
  return lines;
}

/** How every figure is counted; the domain's rules (which events answer, the deadlines) filled in from the domain. */
export function methodology(locale: ReportLocale): string[] {
  const { t, f, label } = locale;
  const m = t.methodology;
  const lower = (text: string) => text.toLocaleLowerCase(t.format.locale);
  return [
    m.counted,
    m.answered(PLATFORM_EVENT_KINDS.map((kind) => lower(label('eventKind', kind))).join(', ')),
    m.responseTime,
    m.kmMedian,
    m.deadline(f.count(DEFAULT_SLA_HOURS), f.count(CSAM_SLA_HOURS), lower(label('category', 'csam'))),
    m.removal,
    ...crossCheckMethodology(locale),
    m.fingerprint,
  ];
}

/** The compliance report: cover, summary, metrics, charts, unanswered requests, consultations, the platforms' published figures beside ours, methodology. */
export async function renderComplianceReport(model: ComplianceReportModel, language: Language = DEFAULT_LANGUAGE): Promise<Buffer> {
  const locale = reportLocale(language);
  const { t, f, label } = locale;
  const { doc, finish } = createDocument(model.title, model.generatedAt, locale);

  // Cover
  doc.moveDown(6).font('bold').fontSize(THEME.font.title).fillColor(THEME.colour.text).text(model.title);
  doc.moveDown(0.5).font('body').fontSize(THEME.font.subheading).fillColor(THEME.colour.muted);
  doc.text(t.cover.period(f.day(model.periodFrom), f.day(model.periodTo)));
  doc.text(t.cover.asOf(f.dateTime(model.asOf)));
  if (model.agency) doc.text(t.cover.agency(model.agency));
  doc.text(t.document.generated(f.dateTime(model.generatedAt)));
  doc.moveDown(2).fontSize(THEME.font.small).text(t.document.fingerprint(model.dataSha256));

  doc.addPage();
  heading(doc, t.summary.heading);
  for (const line of summarise(model, locale)) paragraph(doc, line);

  heading(doc, t.metrics.heading);
  table(
    doc,
    metricColumns(locale),
    model.platforms.map((p) => metricCells(locale, p)),
  );
  rateBars(
    doc,
    locale,
    t.charts.responseRate,
    model.platforms.map((p) => ({ label: p.platform, value: p.responseRate })),
  );
  trendLines(doc, locale, t.charts.trend, model.trend);

  heading(doc, t.waiting.heading(f.count(model.unansweredTotal)));
  waitingList(doc, locale, model.unanswered, model.unansweredTotal, t.waiting.none);

  heading(doc, t.consultations.heading);
  if (model.consultations.length === 0) paragraph(doc, t.consultations.none);
  const c = t.consultations.columns;
  for (const consultation of model.consultations) {
    doc
      .font('bold')
      .fontSize(THEME.font.body)
      .text(`${f.day(consultation.heldAt)} · ${consultation.platform} · ${label('format', consultation.format)} · ${consultation.title}`);
    doc.moveDown(0.2);
    const items = consultation.actionItems;
    if (items.length) {
      table(
        doc,
        [
          { header: c.owner, width: 0.14 },
          { header: c.action, width: 0.56 },
          { header: c.due, width: 0.15 },
          { header: c.state, width: 0.15 },
        ],
        items.map((a) => [label('ownerSide', a.ownerSide), a.text, f.calendarDay(a.dueDate), label('actionState', a.state)]),
        (i) => items[i].state === 'missed',
      );
    } else paragraph(doc, t.consultations.noActionItems, THEME.colour.muted);
  }

  crossCheckSection(doc, locale, model.crossCheck, model.crossCheckTotal);

  doc.addPage();
  heading(doc, t.methodology.heading);
  for (const line of methodology(locale)) paragraph(doc, line);
  return finish();
}

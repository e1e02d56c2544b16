import {
  type CrossCheckRow,
  type Interval,
  INFORMATION_ORDER_TYPES,
  MEDIAN_GAP_HOURS,
  MEDIAN_GAP_SHARE,
  ORDER_TO_ACT_TYPES,
  publishedInterval,
  RECEIPT_EVENT_KINDS,
  REMOVAL_OUTCOMES,
  REMOVAL_RATE_GAP_POINTS,
  REMOVED_ITEM_STATES,
  shareOf,
  type PublishedValue,
} from '../../domain/src';
import { type Column, type Doc, heading, paragraph, table } from './document';
import type { ReportLocale } from './i18n';
import { THEME } from './theme';

/** One decimal, as the other figures of a report: the DSA's medians and our shares. */
const decimalOf = (locale: string) =>
  new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1, useGrouping: false });

/** Numbers of this section. Hours stay hours (the DSA's unit, and the findings' words), never days. */
function numbers({ t, f }: ReportLocale) {
  const decimal = decimalOf(t.format.locale);
  const none = f.percent(null);
  const span = (i: Interval, write: (n: number) => string) => (i.low === i.high ? write(i.low) : `${write(i.low)}–${write(i.high)}`);
  return {
    none,
    /** A published count as published ("<10" stays so), else grouped as the language groups it. */
    count: (p: PublishedValue | undefined) => (p === undefined ? none : /^\d+$/.test(p.text.trim()) ? f.count(p.value) : p.text),
    countSpan: (i: Interval | null) => (i === null ? none : span(i, f.count)),
    pctSpan: (i: Interval | null) => (i === null ? none : t.format.percent(span(i, (n) => decimal.format(n)))),
    pct: (n: number | null) => (n === null ? none : t.format.percent(decimal.format(n))),
    hours: (h: number | null | undefined) => (h === null || h === undefined ? none : t.format.hours(decimal.format(h))),
    decimal: (n: number) => decimal.format(n),
  };
}

function columns({ t }: ReportLocale): Column[] {
  const c = t.crossCheck.columns;
  return [
    { header: '', width: 0.16 },
    { header: c.requests, width: 0.12, align: 'right' },
    { header: c.items, width: 0.12, align: 'right' },
    { header: c.itemsRemoved, width: 0.14, align: 'right' },
    { header: c.removalRate, width: 0.14, align: 'right' },
    { header: c.confirmReceipt, width: 0.16, align: 'right' },
    { header: c.giveEffect, width: 0.16, align: 'right' },
  ];
}

/** The published line and ours: the counts, the items removed and their share as the rounding allows, the DSA medians. */
function cells(locale: ReportLocale, row: CrossCheckRow): string[][] {
  const { t } = locale;
  const n = numbers(locale);
  const p = row.published;
  const published = [
    t.crossCheck.published,
    n.count(p.requests),
    n.count(p.items),
    n.countSpan(row.derived.itemsRemoved),
    n.pctSpan(row.derived.itemsRemovedPct),
    n.hours(p.median_hours_to_confirm_receipt?.value),
    n.hours(p.median_hours_to_give_effect?.value),
  ];
  const o = row.ours;
  if (!o) return [published, [t.crossCheck.ours, ...published.slice(1).map(() => n.none)]];
  // The Kaplan-Meier median under ours: it counts the orders still waiting, which a plain median leaves out.
  const withKm = (median: number | null, km: number | null) =>
    o.requests === 0 ? n.none : `${n.hours(median)}\n${t.crossCheck.km(km === null ? t.metrics.notReached : n.hours(km))}`;
  const ours = [
    t.crossCheck.ours,
    locale.f.count(o.requests),
    locale.f.count(o.items),
    locale.f.count(o.itemsRemoved),
    n.pct(o.itemsRemovedPct),
    withKm(o.medianHoursToConfirmReceipt, o.kmMedianHoursToConfirmReceipt),
    withKm(o.medianHoursToGiveEffect, o.kmMedianHoursToGiveEffect),
  ];
  return [published, ours];
}

/** "Google · Google · 2020-H1 · KR · Police", with the category when the figure is about one. */
function caption({ t, label, f }: ReportLocale, row: CrossCheckRow): string {
  const year = row.periodStart.slice(0, 4);
  const half =
    row.periodStart === `${year}-01-01` && row.periodEnd === `${year}-06-30`
      ? t.crossCheck.halfYear(year, 1)
      : row.periodStart === `${year}-07-01` && row.periodEnd === `${year}-12-31`
        ? t.crossCheck.halfYear(year, 2)
        : `${f.calendarDay(row.periodStart)} – ${f.calendarDay(row.periodEnd)}`;
  const requester = row.requesterType ? label('requesterType', row.requesterType) : (row.requester ?? t.crossCheck.allRequesters);
  const parts = [row.publisher, row.subject, half, row.jurisdiction ?? t.crossCheck.allJurisdictions, requester];
  return [...parts, ...(row.category ? [row.category] : [])].join(' · ');
}

/**
 * "What the platforms say and what we recorded": per publisher period, the published figures beside
 * ours, the findings in plain words and, muted under them, what could explain a gap.
 */
export function crossCheckSection(doc: Doc, locale: ReportLocale, rows: CrossCheckRow[], total: number): void {
  const { t, f } = locale;
  heading(doc, t.crossCheck.heading);
  if (total === 0) return paragraph(doc, t.crossCheck.none);
  paragraph(doc, t.crossCheck.intro, THEME.colour.muted);
  for (const row of rows) {
    // A caption with no room for its table under it goes to the next page with it.
    if (doc.y > doc.page.height - doc.page.margins.bottom - 90) doc.addPage();
    doc.moveDown(0.3).font('bold').fontSize(THEME.font.body).fillColor(THEME.colour.text).text(caption(locale, row), THEME.margin);
    doc.moveDown(0.2);
    table(doc, columns(locale), cells(locale, row));
    if (row.findings.length === 0) paragraph(doc, t.crossCheck.noFinding);
    for (const finding of row.findings) paragraph(doc, `• ${finding.message}`);
    for (const explanation of row.explanations) paragraph(doc, explanation.message, THEME.colour.muted);
  }
  if (rows.length < total) paragraph(doc, t.crossCheck.more(f.count(rows.length), f.count(total - rows.length)), THEME.colour.muted);
}

/** The methodology's paragraphs on the comparison: what is counted on our side, and what rounding and thresholds allow. */
export function crossCheckMethodology(locale: ReportLocale): string[] {
  const { t, f, label } = locale;
  const n = numbers(locale);
  const m = t.methodology;
  const lower = (text: string) => text.toLocaleLowerCase(t.format.locale);
  const labels = (name: Parameters<typeof label>[0], values: readonly string[]) => values.map((v) => lower(label(name, v))).join(', ');
  // The worked example is computed by the domain's own rule, so the text cannot disagree with the figures.
  const example = { pct: '65', items: 1373 };
  const pct = publishedInterval(example.pct, 'percent');
  const removed = shareOf(example.pct, { low: example.items, high: example.items });
  return [
    m.crossCheck({
      orders: labels('type', ORDER_TO_ACT_TYPES),
      infoOrders: labels('type', INFORMATION_ORDER_TYPES),
      legal: labels('itemState', [REMOVED_ITEM_STATES.legal]),
      policy: labels('itemState', [REMOVED_ITEM_STATES.policy]),
      receipt: labels('eventKind', RECEIPT_EVENT_KINDS),
      effect: labels('outcome', REMOVAL_OUTCOMES),
    }),
    m.crossCheckRanges({
      pct: example.pct,
      items: f.count(example.items),
      low: f.count(removed.low),
      high: f.count(removed.high),
      from: n.decimal(pct.low),
      to: n.decimal(pct.high),
      points: f.count(REMOVAL_RATE_GAP_POINTS),
      hours: f.count(MEDIAN_GAP_HOURS),
      share: f.count(MEDIAN_GAP_SHARE * 100),
    }),
  ];
}

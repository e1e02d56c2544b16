import { THEME } from './theme';
import { type Doc, contentWidth } from './document';
import type { ReportLocale } from './i18n';
import type { TrendPoint } from './model';

/** Horizontal bars, one per label, for values between 0 and 1 (shown as percentages). Vector paths. */
export function rateBars(doc: Doc, { t, f }: ReportLocale, title: string, bars: { label: string; value: number | null }[]): void {
  const width = contentWidth(doc);
  const labelWidth = 90;
  const barHeight = 12;
  const height = bars.length * (barHeight + 6) + 30;
  if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
  const top = doc.y;
  doc.font('bold').fontSize(THEME.font.subheading).fillColor(THEME.colour.text).text(title, THEME.margin, top);
  const plotX = THEME.margin + labelWidth;
  const plotWidth = width - labelWidth - 50;
  let y = top + 20;
  for (const bar of bars) {
    doc
      .font('body')
      .fontSize(THEME.font.body)
      .fillColor(THEME.colour.text)
      .text(bar.label, THEME.margin, y + 1, { width: labelWidth - 6, lineBreak: false });
    doc.rect(plotX, y, plotWidth, barHeight).fill(THEME.colour.band);
    if (bar.value !== null && bar.value > 0) doc.rect(plotX, y, plotWidth * Math.min(1, bar.value), barHeight).fill(THEME.colour.accent);
    const text = bar.value === null ? t.charts.noRequests : f.percent(bar.value);
    doc.fillColor(THEME.colour.text).text(text, plotX + plotWidth + 4, y + 1, { lineBreak: false });
    y += barHeight + 6;
  }
  doc.y = y + 8;
  doc.x = THEME.margin;
}

/** Two lines over the months: requests sent and requests answered (by asOf). Vector paths. */
export function trendLines(doc: Doc, { t, f }: ReportLocale, title: string, points: TrendPoint[]): void {
  const width = contentWidth(doc);
  const height = 170;
  if (doc.y + height + 30 > doc.page.height - doc.page.margins.bottom) doc.addPage();
  const top = doc.y;
  doc.font('bold').fontSize(THEME.font.subheading).fillColor(THEME.colour.text).text(title, THEME.margin, top);
  const plot = { x: THEME.margin + 35, y: top + 24, w: width - 45, h: height - 50 };
  const max = Math.max(1, ...points.map((p) => p.sent));
  const x = (i: number) => plot.x + (points.length === 1 ? plot.w / 2 : (i * plot.w) / (points.length - 1));
  const y = (v: number) => plot.y + plot.h - (v / max) * plot.h;

  doc.lineWidth(0.5).strokeColor(THEME.colour.rule);
  for (let k = 0; k <= 4; k++) {
    const v = (max * k) / 4;
    doc
      .moveTo(plot.x, y(v))
      .lineTo(plot.x + plot.w, y(v))
      .stroke();
    doc
      .font('body')
      .fontSize(THEME.font.small)
      .fillColor(THEME.colour.muted)
      .text(String(Math.round(v)), THEME.margin, y(v) - 4, { width: 30, align: 'right', lineBreak: false });
  }
  const step = Math.max(1, Math.ceil(points.length / 12));
  points.forEach((p, i) => {
    if (i % step === 0)
      doc.text(f.month(new Date(p.period)), x(i) - 18, plot.y + plot.h + 4, { width: 36, align: 'center', lineBreak: false });
  });
  const line = (values: number[], colour: string) => {
    if (values.length === 0) return;
    doc.lineWidth(1.5).strokeColor(colour);
    values.forEach((v, i) => (i === 0 ? doc.moveTo(x(i), y(v)) : doc.lineTo(x(i), y(v))));
    doc.stroke();
    values.forEach((v, i) => doc.circle(x(i), y(v), 1.8).fill(colour));
  };
  line(
    points.map((p) => p.sent),
    THEME.colour.accentLight,
  );
  line(
    points.map((p) => p.responded),
    THEME.colour.accent,
  );
  const legendY = plot.y + plot.h + 18;
  doc.rect(plot.x, legendY, 10, 4).fill(THEME.colour.accentLight);
  doc
    .fillColor(THEME.colour.text)
    .fontSize(THEME.font.small)
    .text(t.charts.sent, plot.x + 14, legendY - 3, { lineBreak: false });
  doc.rect(plot.x + 60, legendY, 10, 4).fill(THEME.colour.accent);
  doc.fillColor(THEME.colour.text).text(t.charts.answered, plot.x + 74, legendY - 3, { lineBreak: false });
  doc.y = top + height + 10;
  doc.x = THEME.margin;
}

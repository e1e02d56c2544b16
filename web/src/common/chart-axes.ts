/**
 * Axis geometry for the console's charts, computed from the labels the user will actually read (in
 * their locale) rather than fixed pixel widths: a fixed 48 px axis cut "16,000" to "6,000".
 *
 * Pure functions; the one that touches the DOM (canvasTextWidth) falls back to an estimate without it.
 */

/** Measures a label in pixels, at the axis' font size. */
export type MeasureText = (text: string) => number;

/** What recharts draws beside a tick label: the tick mark (tickSize 6) and the gap to the text (tickMargin 2). */
const TICK_SIZE = 6;
const TICK_MARGIN = 2;
/** Slack for fonts that render a little wider than measured (fallback fonts, hinting). */
const SLACK = 4;

/** The font the console's charts draw with (MUI's default family; the size is the axes' tick size). */
export const CHART_FONT_SIZE = 12;
export const CHART_FONT_FAMILY = '"Roboto", "Helvetica", "Arial", sans-serif';

/**
 * Ticks from 0 to a "nice" maximum at or above `max` (steps of 1, 2, 2.5 or 5 × 10ⁿ), about `count` of
 * them; whole numbers unless `allowDecimals`. The chart is given these ticks so that the labels whose
 * width sizes the axis are exactly those it draws.
 */
export function niceTicks(max: number, count = 5, allowDecimals = false): number[] {
  const top = Number.isFinite(max) && max > 0 ? max : 0;
  if (top === 0) return [0, 1];
  const rough = top / Math.max(1, count - 1);
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  let step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= rough * (1 - 1e-9)) ?? 10 * magnitude;
  if (!allowDecimals) step = Math.max(1, Math.ceil(step));
  const ticks: number[] = [];
  for (let i = 0; ; i += 1) {
    const tick = Number((i * step).toPrecision(12));
    ticks.push(tick);
    if (tick >= top) break;
  }
  return ticks;
}

/** Rough text width when nothing can measure it: wide (CJK, Hangul) characters 1 em, others 0.62 em. */
export function estimateTextWidth(text: string, fontSize = CHART_FONT_SIZE): number {
  let ems = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    const wide =
      (code >= 0x1100 && code <= 0x11ff) ||
      (code >= 0x2e80 && code <= 0xa4cf) ||
      (code >= 0xac00 && code <= 0xd7a3) ||
      (code >= 0xff00 && code <= 0xffef);
    ems += wide ? 1 : /[\s.,:;'’!|iIl]/.test(ch) ? 0.32 : 0.62;
  }
  return ems * fontSize;
}

let canvasContext: CanvasRenderingContext2D | null | undefined;

/** The width the browser will draw `text` at (a canvas' measureText), or an estimate where there is no canvas. */
export function canvasTextWidth(text: string, fontSize = CHART_FONT_SIZE, fontFamily = CHART_FONT_FAMILY): number {
  if (canvasContext === undefined) {
    canvasContext = typeof document === 'undefined' ? null : (document.createElement('canvas').getContext?.('2d') ?? null);
  }
  if (!canvasContext) return estimateTextWidth(text, fontSize);
  canvasContext.font = `${fontSize}px ${fontFamily}`;
  return canvasContext.measureText(text).width;
}

/** The widest of the labels, in whole pixels. */
export function widestLabel(labels: readonly string[], measure: MeasureText): number {
  return Math.ceil(labels.reduce((widest, label) => Math.max(widest, measure(label)), 0));
}

/**
 * The width a recharts YAxis needs so that none of `labels` is cut: the widest label, the tick mark,
 * its margin and a little slack. `max` caps it (long category names then wrap or end in "…").
 */
export function axisWidth(labels: readonly string[], measure: MeasureText, max = Infinity): number {
  return Math.min(max, widestLabel(labels, measure) + TICK_SIZE + TICK_MARGIN + SLACK);
}

/** How platforms are laid out in a per-platform bar chart. */
export type PlatformLayout = 'columns' | 'rows';

/** Past this many platforms the bars are horizontal whatever the width: columns get too thin to compare. */
export const MAX_PLATFORM_COLUMNS = 8;
/** Pixels kept between two neighbouring labels under columns. */
const LABEL_GAP = 8;

/**
 * Vertical columns while every platform's name fits under its own column (the plot's width shared
 * equally); otherwise, or past MAX_PLATFORM_COLUMNS, horizontal bars with the names one per row on
 * the left, where they cannot overlap however many or long they are. With no width known (0) only
 * the count decides.
 */
export function platformLayout(labelWidths: readonly number[], plotWidth: number, maxColumns = MAX_PLATFORM_COLUMNS): PlatformLayout {
  const n = labelWidths.length;
  if (n > maxColumns) return 'rows';
  if (n === 0 || plotWidth <= 0) return 'columns';
  const widest = Math.max(...labelWidths);
  return widest + LABEL_GAP <= plotWidth / n ? 'columns' : 'rows';
}

import { esc } from './html';

/** A bar: its label, its share (0 to 1) or null for no bar, and the text written beside it. */
export interface Bar {
  label: string;
  value: number | null;
  text: string;
}

const WIDTH = 400;
const LABEL = 118;
const VALUE = 86;
const ROW = 24;
const BAR = 14;

const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
const n = (x: number) => Number(x.toFixed(1));

/**
 * Horizontal bars for shares, as inline SVG: a title and a description that says every value (what a
 * screen reader reads), the same values as the table beside it. Scales to the width of the page.
 */
export function barChart(id: string, title: string, bars: Bar[]): string {
  const plot = WIDTH - LABEL - VALUE;
  const height = bars.length * ROW + 8;
  const rows = bars
    .map((bar, i) => {
      const y = 4 + i * ROW;
      const mid = y + ROW / 2;
      const width = bar.value === null ? 0 : Math.max(0, Math.min(1, bar.value)) * plot;
      return (
        `<text class="label" x="${LABEL - 8}" y="${n(mid + 4)}" text-anchor="end">${esc(clip(bar.label, 18))}</text>` +
        `<rect class="track" x="${LABEL}" y="${n(mid - BAR / 2)}" width="${plot}" height="${BAR}"/>` +
        (width > 0 ? `<rect class="bar" x="${LABEL}" y="${n(mid - BAR / 2)}" width="${n(width)}" height="${BAR}"/>` : '') +
        `<text class="value" x="${LABEL + plot + 6}" y="${n(mid + 4)}">${esc(bar.text)}</text>`
      );
    })
    .join('');
  const description = bars.map((b) => `${b.label}: ${b.text}`).join('; ');
  return (
    `<svg class="chart" id="${id}" viewBox="0 0 ${WIDTH} ${height}" role="img" aria-labelledby="${id}-title ${id}-desc" focusable="false">` +
    `<title id="${id}-title">${esc(title)}</title><desc id="${id}-desc">${esc(description)}</desc>${rows}</svg>`
  );
}

/** One line of a trend chart: a share per period, null where it is not shown (the line breaks there). */
export interface Line {
  label: string;
  values: (number | null)[];
  texts: string[];
}

/** Colours that stay apart for readers with the common colour-vision deficiencies (Okabe-Ito), each with its own dash. */
const STROKES = [
  ['#0072B2', ''],
  ['#D55E00', '6 3'],
  ['#009E73', '2 2'],
  ['#CC79A7', '8 3 2 3'],
  ['#E69F00', '4 4'],
  ['#56B4E9', '1 3'],
  ['#000000', '10 4'],
] as const;

/** Shares over periods, one line per platform, a legend beside it (HTML), and a description with every value. */
export function lineChart(id: string, title: string, periods: string[], lines: Line[]): string {
  const [w, h, left, right, top, bottom] = [WIDTH, 200, 44, 30, 10, 28];
  const plotW = w - left - right;
  const plotH = h - top - bottom;
  const x = (i: number) => left + (periods.length === 1 ? plotW / 2 : (i * plotW) / (periods.length - 1));
  const y = (v: number) => top + plotH - v * plotH;
  const grid = [0, 0.25, 0.5, 0.75, 1]
    .map(
      (v) =>
        `<line class="grid" x1="${left}" x2="${w - right}" y1="${n(y(v))}" y2="${n(y(v))}"/>` +
        `<text class="axis" x="${left - 6}" y="${n(y(v) + 4)}" text-anchor="end">${v * 100}%</text>`,
    )
    .join('');
  const axis = periods
    .map((p, i) => `<text class="axis" x="${n(x(i))}" y="${h - 8}" text-anchor="middle">${esc(clip(p, 12))}</text>`)
    .join('');
  const paths = lines
    .map((line, k) => {
      const [colour, dash] = STROKES[k % STROKES.length];
      // A new segment after each gap: a withheld value is not drawn as if it were known.
      const segments: string[] = [];
      let current: string[] = [];
      line.values.forEach((v, i) => {
        if (v === null) {
          if (current.length) segments.push(current.join(' '));
          current = [];
        } else current.push(`${current.length ? 'L' : 'M'}${n(x(i))} ${n(y(v))}`);
      });
      if (current.length) segments.push(current.join(' '));
      const dots = line.values
        .map((v, i) => (v === null ? '' : `<circle cx="${n(x(i))}" cy="${n(y(v))}" r="3" fill="${colour}"/>`))
        .join('');
      return (
        segments
          .map((d) => `<path d="${d}" fill="none" stroke="${colour}" stroke-width="2"${dash ? ` stroke-dasharray="${dash}"` : ''}/>`)
          .join('') + dots
      );
    })
    .join('');
  const description = lines.map((l) => `${l.label}: ${periods.map((p, i) => `${p} ${l.texts[i]}`).join(', ')}`).join('; ');
  const svg =
    `<svg class="chart" id="${id}" viewBox="0 0 ${w} ${h}" role="img" aria-labelledby="${id}-title ${id}-desc" focusable="false">` +
    `<title id="${id}-title">${esc(title)}</title><desc id="${id}-desc">${esc(description)}</desc>${grid}${axis}${paths}</svg>`;
  const key = lines
    .map((line, k) => {
      const [colour, dash] = STROKES[k % STROKES.length];
      return (
        `<li><svg width="28" height="10" aria-hidden="true" focusable="false"><line x1="0" x2="28" y1="5" y2="5" stroke="${colour}" stroke-width="2"` +
        `${dash ? ` stroke-dasharray="${dash}"` : ''}/></svg>${esc(line.label)}</li>`
      );
    })
    .join('');
  return `${svg}<ul class="key" aria-hidden="true">${key}</ul>`;
}

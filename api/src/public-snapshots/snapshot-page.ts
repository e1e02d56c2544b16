import { reportLocale } from '../../../reports/src/i18n';
import type { Formats } from '../../../reports/src/format';
import {
  DOMAIN_MESSAGES,
  type Language,
  PUBLIC_FILES,
  PUBLIC_LICENCE,
  PUBLIC_METRIC_UNIT,
  PUBLIC_METRICS,
  type PublicCell,
  type PublicFigures,
  type PublicMetric,
  type PublicDataTexts,
} from '../../../domain/src';
import { barChart, lineChart } from './charts';
import { esc, page, say } from './html';
import type { SnapshotDocument } from './snapshot-document';

/** Everything a page needs to write a figure in one language. */
export interface PageLocale {
  language: Language;
  t: PublicDataTexts;
  f: Formats;
}

export const pageLocale = (language: Language): PageLocale => ({
  language,
  t: DOMAIN_MESSAGES[language].publicData,
  f: reportLocale(language).f,
});

/** A cell as the page writes it: a number in the reader's way, or what stands in its place. */
export function cellText({ t, f }: PageLocale, metric: PublicMetric, cell: PublicCell, minCell: number, sent: PublicCell): string {
  if (cell.status === 'shown' && cell.value !== null) {
    const unit = PUBLIC_METRIC_UNIT[metric];
    return unit === 'count' ? f.count(cell.value) : unit === 'share' ? f.percent(cell.value) : f.hours(cell.value);
  }
  // A Kaplan-Meier median of requests sent, with too few answered to reach one half.
  if (cell.status === 'none' && metric === 'kmMedianResponseHours' && (sent.value ?? 0) > 0) return t.notReached;
  const status = cell.status === 'shown' ? 'none' : cell.status;
  return t.cells[status].replace('%{min}', String(minCell));
}

/** The licence sentence with the licence's name as a link (the placeholder is filled in after escaping). */
export const licenceLine = (t: PublicDataTexts): string =>
  say(t.licence).replace('%{licence}', `<a rel="license" href="${PUBLIC_LICENCE.url}">${esc(PUBLIC_LICENCE.name)}</a>`);

const day = (f: Formats, date: string) => f.calendarDay(date);

function figuresRow(l: PageLocale, header: string, figures: PublicFigures, minCell: number): string {
  const cells = PUBLIC_METRICS.map(
    (m) => `<td class="${figures[m].status}">${esc(cellText(l, m, figures[m], minCell, figures.sent))}</td>`,
  ).join('');
  return `<tr><th scope="row">${esc(header)}</th>${cells}</tr>`;
}

/** The page of one snapshot in one language: the table, two bar charts, the trend, the method, the files. */
export function renderSnapshotPage(doc: SnapshotDocument, language: Language): string {
  const l = pageLocale(language);
  const { t, f } = l;
  const s = doc.snapshot;
  const min = s.minCell;
  const asOf = f.dateTime(new Date(s.asOf));
  const label = s.label;

  const header = [
    `<p class="kicker">${esc(label)}</p>`,
    `<h1>${esc(t.heading)}</h1>`,
    `<p>${say(t.period, { from: day(f, s.periodStart), to: day(f, s.periodEnd), asOf })}</p>`,
    doc.publisher ? `<p>${say(t.publisher, { publisher: doc.publisher })}</p>` : '',
    s.replaces
      ? `<p><a href="../${esc(s.replaces.folder)}/${PUBLIC_FILES.page[language]}">${say(t.replaces, { id: s.replaces.id, label: s.replaces.label })}</a></p>`
      : '',
    `<p>${esc(t.intro)}</p>`,
    doc.agencies ? `<p>${say(t.agencies, { names: doc.agencies.join(', ') })}</p>` : '',
  ].join('\n');

  const head = [t.columns.platform, ...PUBLIC_METRICS.map((m) => t.columns[m])].map((c) => `<th scope="col">${esc(c)}</th>`).join('');
  const body = doc.platforms.map((p) => figuresRow(l, p.name, p.figures, min)).join('\n');
  const table = `<section id="figures" aria-labelledby="figures-h">
<h2 id="figures-h">${esc(t.tableHeading)}</h2>
<div class="scroll" role="region" aria-labelledby="figures-cap" tabindex="0">
<table>
<caption id="figures-cap">${say(t.caption, { label, asOf })}</caption>
<thead><tr>${head}</tr></thead>
<tbody>
${body}
</tbody>
<tfoot>${figuresRow(l, t.total, doc.totals, min)}</tfoot>
</table>
</div>
<ul class="legend">${(['fewer_than_min', 'withheld', 'none'] as const)
    .map((k) => `<li>${say(t.legend[k], { min, below: min - 1 })}</li>`)
    .join('')}</ul>
</section>`;

  const bars = (metric: PublicMetric) =>
    doc.platforms.map((p) => ({
      label: p.name,
      value: p.figures[metric].status === 'shown' ? p.figures[metric].value : null,
      text: cellText(l, metric, p.figures[metric], min, p.figures.sent),
    }));
  const charts = `<section aria-labelledby="charts-h">
<h2 id="charts-h">${esc(t.chartsHeading)}</h2>
<figure><figcaption id="chart-rate-cap">${esc(t.charts.responseRate)}</figcaption>${barChart('chart-rate', t.charts.responseRate, bars('responseRate'))}</figure>
<figure><figcaption id="chart-ontime-cap">${esc(t.charts.onTimeRate)}</figcaption>${barChart('chart-ontime', t.charts.onTimeRate, bars('onTimeRate'))}</figure>
<p class="muted">${esc(t.charts.noBar)}</p>
</section>`;

  const methodology = `<section aria-labelledby="method-h">
<h2 id="method-h">${esc(t.methodologyHeading)}</h2>
${t.methodology.map((p) => `<p>${say(p, { asOf, min })}</p>`).join('\n')}
</section>`;

  const downloads = `<section aria-labelledby="data-h">
<h2 id="data-h">${esc(t.downloadsHeading)}</h2>
<ul>
<li><a href="${PUBLIC_FILES.json}" type="application/json">${esc(t.downloads.json)}</a> (${PUBLIC_FILES.json})</li>
<li><a href="${PUBLIC_FILES.csv}" type="text/csv">${esc(t.downloads.csv)}</a> (${PUBLIC_FILES.csv})</li>
<li><a href="${PUBLIC_FILES.manifest}" type="application/json">${esc(t.downloads.manifest)}</a></li>
<li><a href="../${PUBLIC_FILES.page[language]}">${esc(t.downloads.index)}</a></li>
</ul>
<p>${licenceLine(t)}</p>
${s.publishedAt ? `<p>${say(t.published, { at: f.dateTime(new Date(s.publishedAt)) })}</p>` : ''}
<p class="fp">${say(t.fingerprint, { sha256: s.dataSha256 })}</p>
</section>`;

  return page({
    language,
    title: t.title.replace('%{label}', label),
    description: t.intro,
    pages: PUBLIC_FILES.page,
    languagesLabel: t.languages,
    skipLabel: t.skip,
    alternates: [
      { type: 'application/json', href: PUBLIC_FILES.json },
      { type: 'text/csv', href: PUBLIC_FILES.csv },
    ],
    header,
    main: [table, charts, trendSection(l, doc), methodology, downloads].join('\n'),
  });
}

/** The response rate of each platform in every period published so far, this one last: a chart and its table. */
function trendSection(l: PageLocale, doc: SnapshotDocument): string {
  const { t } = l;
  const periods = [...new Map(doc.platforms.flatMap((p) => p.trend.map((x) => [x.snapshot, x] as const))).values()].sort((a, b) =>
    a.periodStart === b.periodStart ? a.snapshot - b.snapshot : a.periodStart < b.periodStart ? -1 : 1,
  );
  const heading = `<h2 id="trend-h">${esc(t.trendHeading)}</h2>`;
  if (periods.length === 0) return `<section aria-labelledby="trend-h">${heading}<p>${esc(t.trendNone)}</p></section>`;
  const labels = [...periods.map((p) => p.label), doc.snapshot.label];
  const min = doc.snapshot.minCell;
  const cellsOf = (p: SnapshotDocument['platforms'][number]) => [
    ...periods.map((period) => p.trend.find((x) => x.snapshot === period.snapshot)?.figures ?? null),
    p.figures,
  ];
  const lines = doc.platforms.map((p) => {
    const cells = cellsOf(p);
    return {
      label: p.name,
      values: cells.map((c) => (c && c.responseRate.status === 'shown' ? c.responseRate.value : null)),
      texts: cells.map((c) => (c ? cellText(l, 'responseRate', c.responseRate, min, c.sent) : '–')),
    };
  });
  const rows = lines
    .map((line) => `<tr><th scope="row">${esc(line.label)}</th>${line.texts.map((x) => `<td>${esc(x)}</td>`).join('')}</tr>`)
    .join('\n');
  return `<section aria-labelledby="trend-h">${heading}
<figure><figcaption>${esc(t.charts.responseRate)}</figcaption>${lineChart('chart-trend', t.charts.responseRate, labels, lines)}</figure>
<div class="scroll" role="region" aria-labelledby="trend-cap" tabindex="0">
<table>
<caption id="trend-cap">${esc(t.trendCaption)}</caption>
<thead><tr><th scope="col">${esc(t.columns.platform)}</th>${labels.map((x) => `<th scope="col">${esc(x)}</th>`).join('')}</tr></thead>
<tbody>
${rows}
</tbody>
</table>
</div>
</section>`;
}

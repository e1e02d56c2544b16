import { interpolate, type ErrorParams, type Language, LANGUAGE_NAMES, LANGUAGES } from '../../../domain/src';

/** Text for HTML, escaped: every value that reaches a page goes through here (names are typed by people). */
export const esc = (value: unknown): string =>
  String(value ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');

/** A text of the domain's messages with its placeholders filled in, escaped. */
export const say = (text: string, params: ErrorParams = {}): string => esc(interpolate(text, params));

/**
 * The pages' style: system fonts (Korean included), readable on a phone, wide tables scrolling inside
 * their own box, visible focus, dark mode, print. No script anywhere.
 */
const CSS = `
:root{color-scheme:light dark;--text:#1a1a1a;--muted:#4d4d4d;--bg:#fff;--rule:#c9ced6;--band:#f2f4f7;--accent:#1f5fa8;--track:#e3e7ee;--link:#0b57a4}
@media (prefers-color-scheme:dark){:root{--text:#eceff3;--muted:#b9c0ca;--bg:#14171c;--rule:#3a414c;--band:#1e232b;--accent:#7fb2ef;--track:#2b323c;--link:#9cc6f5}}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;background:var(--bg);color:var(--text);font:1rem/1.55 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Noto Sans KR","Apple SD Gothic Neo","Malgun Gothic","Nanum Gothic",sans-serif}
:lang(ko){word-break:keep-all;overflow-wrap:anywhere}
.page{max-width:72rem;margin:0 auto;padding:1rem 1rem 3rem}
a{color:var(--link)}
a:focus-visible,.scroll:focus-visible{outline:3px solid var(--accent);outline-offset:2px}
.skip{position:absolute;left:-999px;top:0;background:var(--bg);padding:.5rem 1rem}
.skip:focus{left:1rem}
.langs{list-style:none;display:flex;flex-wrap:wrap;gap:.25rem 1rem;margin:0 0 1rem;padding:0;font-size:.95rem}
.langs [aria-current]{font-weight:700;text-decoration:none;color:var(--text)}
.kicker{margin:0;color:var(--muted);font-weight:600;letter-spacing:.02em}
h1{font-size:clamp(1.5rem,4vw + .5rem,2.2rem);line-height:1.2;margin:.25rem 0 .75rem}
h2{font-size:1.3rem;margin:2.2rem 0 .6rem;padding-top:.6rem;border-top:1px solid var(--rule)}
p,li{max-width:72ch}
.muted{color:var(--muted)}
.scroll{overflow-x:auto;margin:0 -1rem;padding:0 1rem}
table{border-collapse:collapse;width:100%;font-variant-numeric:tabular-nums}
caption{text-align:left;font-weight:600;padding:.25rem 0 .5rem;color:var(--muted)}
th,td{padding:.45rem .6rem;border-bottom:1px solid var(--rule);vertical-align:top}
thead th{font-size:.85rem;font-weight:600;text-align:right;vertical-align:bottom;min-width:6.5rem}
thead th:first-child,tbody th,tfoot th{text-align:left}
td{text-align:right;white-space:nowrap}
tbody th{white-space:nowrap}
tbody th{font-weight:600}
tfoot th,tfoot td{border-top:2px solid var(--text);font-weight:600}
td.fewer_than_min,td.withheld{color:var(--muted);font-style:italic;font-size:.9em}
tbody tr:nth-child(even){background:var(--band)}
.legend{font-size:.9rem;color:var(--muted);padding-left:1.2rem}
figure{margin:1rem 0 1.5rem}
figcaption{font-weight:600;margin-bottom:.4rem}
svg.chart{display:block;width:100%;max-width:34rem;height:auto;font-family:inherit}
svg .label,svg .value{fill:var(--text);font-size:12px}
svg .axis{fill:var(--muted);font-size:11px}
svg .track{fill:var(--track)}
svg .bar{fill:var(--accent)}
svg .grid{stroke:var(--rule);stroke-width:1}
.key{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.25rem 1.2rem;font-size:.9rem}
.key svg{vertical-align:middle;margin-right:.35rem}
.fp{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.8rem;overflow-wrap:anywhere}
@media (max-width:40rem){body{font-size:.95rem}th,td{padding:.4rem .45rem}thead th{min-width:5.5rem}}
@media print{.skip,.langs{display:none}.scroll{overflow:visible}a{color:inherit}}
`
  .trim()
  .replace(/\n/g, '');

/** The links to the same page in each language; the current one is marked, not linked. */
function languageLinks(current: Language, pages: Record<Language, string>, label: string): string {
  const items = LANGUAGES.map((l) =>
    l === current
      ? `<li><a aria-current="page" lang="${l}" href="${esc(pages[l])}">${esc(LANGUAGE_NAMES[l])}</a></li>`
      : `<li><a lang="${l}" hreflang="${l}" href="${esc(pages[l])}">${esc(LANGUAGE_NAMES[l])}</a></li>`,
  ).join('');
  return `<nav aria-label="${esc(label)}"><ul class="langs">${items}</ul></nav>`;
}

export interface PageShell {
  language: Language;
  title: string;
  description: string;
  /** The same page in each language (relative addresses). */
  pages: Record<Language, string>;
  languagesLabel: string;
  skipLabel: string;
  /** Links to the same data in other forms (JSON, CSV). */
  alternates: { type: string; href: string }[];
  /** Already escaped HTML. */
  header: string;
  main: string;
}

/** A complete page: semantic landmarks, the language declared, no script. */
export function page(p: PageShell): string {
  const alternates = [
    ...LANGUAGES.filter((l) => l !== p.language).map((l) => `<link rel="alternate" hreflang="${l}" href="${esc(p.pages[l])}">`),
    ...p.alternates.map((a) => `<link rel="alternate" type="${esc(a.type)}" href="${esc(a.href)}">`),
  ].join('');
  return `<!doctype html>
<html lang="${p.language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(p.title)}</title>
<meta name="description" content="${esc(p.description)}">
${alternates}
<style>${CSS}</style>
</head>
<body>
<a class="skip" href="#main">${esc(p.skipLabel)}</a>
<div class="page">
<header>
${languageLinks(p.language, p.pages, p.languagesLabel)}
${p.header}
</header>
<main id="main">
${p.main}
</main>
</div>
</body>
</html>
`;
}

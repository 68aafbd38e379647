// The council report as one self-contained Dutch HTML document: inline CSS and SVG, no external requests, every text
// escaped. Title page with the data version, contents, summary, introduction, the sections, caveats, conclusions and
// the appendix "Verantwoording" that names each figure's source. The PDF is this document printed by chromium.
import { escapeHtml as esc } from '../charts/html.ts';
import { describeFilters, dimLabel, type Lookups } from '../charts/labels.ts';
import { formatMonth } from '../contract/format.ts';
import { REPORT_CSS } from './css.ts';
import { formatMoment } from './dates.ts';
import { blockHtml, caveatsHtml, messagesHtml, paragraphs, sourceAnchor } from './html-blocks.ts';
import type { DataVersion, Report, Source } from './model.ts';

export interface HtmlOptions {
  /** Names of codes (municipalities, providers, …) as /api/dimensions gives them; the contract's code lists otherwise. */
  lookups?: Lookups;
}

/** A chapter of the document: its anchor, its heading and its body. */
interface Chapter {
  id: string;
  title: string;
  body: string;
}

/** The data version in words, as the title page and the appendix state it. */
export function dataVersionLines(d: DataVersion): [string, string][] {
  return [
    ['Gegevensversie', d.digest],
    ['Ingelezen', d.importedAt ? `${formatMoment(d.importedAt)} (${d.files} bestanden)` : 'nog niets ingelezen'],
    ['Laatste declaratiemaand', d.through ? formatMonth(d.through) : 'geen declaraties'],
  ];
}

function titlePage(r: Report): string {
  const period = `${r.request.year}, vergeleken met ${r.request.compare}`;
  const rows: [string, string][] = [
    ['Periode', period],
    ['Gegevens tot en met', r.request.through.split('-').reverse().join('-')],
    ...dataVersionLines(r.data),
    ['Gemaakt op', formatMoment(r.generatedAt)],
  ];
  const dl = rows.map(([k, v]) => `<dt>${esc(k)}</dt><dd>${esc(v)}</dd>`).join('\n');
  const protectedLine = r.protectedFigures
    ? '<p class="muted">Kleine aantallen zijn in dit rapport afgeschermd en cijfers licht verstoord, zodat niemand herkenbaar is.</p>'
    : '';
  return [
    '<section class="title-page">',
    '<p class="kicker">Raadsinformatie jeugdhulp</p>',
    `<h1>${esc(r.title)}</h1>`,
    `<p class="place">${esc(r.place)}</p>`,
    `<dl>\n${dl}\n</dl>`,
    protectedLine,
    '</section>',
  ].join('\n');
}

function sourceItem(s: Source, r: Report, lookups: Lookups): string {
  const lines = [
    ...describeFilters(s.filters, lookups),
    s.split.length ? `Uitgesplitst naar: ${s.split.map(dimLabel).join(', ')}` : 'Niet uitgesplitst',
    ...(s.method ? [s.method] : []),
    ...Object.entries(s.params ?? {}).map(([k, v]) => `Instelling ${k}: ${v}`),
    `Gegevensversie ${r.data.digest}`,
  ];
  return [
    `<li id="${esc(sourceAnchor(s.id))}">`,
    `<p class="what"><strong>${esc(s.id)}</strong> ${esc(s.title)} <span class="muted">(${esc(s.metric)})</span></p>`,
    `<p class="what muted">${lines.map(esc).join(' · ')}</p>`,
    '</li>',
  ].join('\n');
}

function appendix(r: Report, lookups: Lookups): string {
  const version = dataVersionLines(r.data)
    .map(([k, v]) => `${k}: ${v}`)
    .join('; ');
  return [
    `<p>Elk cijfer in dit rapport komt uit een van de vragen hieronder, gesteld aan Roer over dezelfde gegevens (${esc(version)}). ` +
      'Wie dezelfde vraag opnieuw stelt over dezelfde gegevens, krijgt dezelfde cijfers.</p>',
    `<ul class="sources">\n${r.sources.map((s) => sourceItem(s, r, lookups)).join('\n')}\n</ul>`,
  ].join('\n');
}

/** The chapters in order; the contents list them all. */
function chapters(r: Report, lookups: Lookups): Chapter[] {
  let charts = 0;
  const ctx = { lookups, nextChartId: () => `c${++charts}` };
  const list: Chapter[] = [{ id: 'samenvatting', title: 'Samenvatting', body: messagesHtml(r.summary) }];
  if (r.introduction) list.push({ id: 'inleiding', title: 'Inleiding', body: paragraphs(r.introduction) });
  for (const s of r.sections) list.push({ id: s.id, title: s.title, body: s.blocks.map((b) => blockHtml(b, ctx)).join('\n') });
  if (r.caveats.length)
    list.push({ id: 'kanttekeningen', title: 'Kanttekeningen bij de cijfers', body: caveatsHtml(r.caveats, 'Let op') });
  if (r.conclusions) list.push({ id: 'conclusies', title: 'Conclusies', body: paragraphs(r.conclusions) });
  list.push({ id: 'verantwoording', title: 'Verantwoording', body: appendix(r, lookups) });
  return list;
}

/**
 * The report as a complete HTML document (UTF-8, lang="nl"): the same report gives the same text.
 * @example writeFileSync('rapport.html', renderHtml(report))
 */
export function renderHtml(report: Report, options: HtmlOptions = {}): string {
  const list = chapters(report, options.lookups ?? {});
  const toc = list.map((c) => `<li><a href="#${esc(c.id)}">${esc(c.title)}</a></li>`).join('\n');
  const body = list.map((c) => `<section class="chapter" id="${esc(c.id)}">\n<h2>${esc(c.title)}</h2>\n${c.body}\n</section>`);
  return [
    '<!doctype html>',
    '<html lang="nl">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta name="generator" content="Roer">`,
    `<title>${esc(report.title)}</title>`,
    `<style>${REPORT_CSS}</style>`,
    '</head>',
    '<body>',
    titlePage(report),
    `<nav class="toc" aria-label="Inhoud">\n<h2>Inhoud</h2>\n<ol>\n${toc}\n</ol>\n</nav>`,
    ...body,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

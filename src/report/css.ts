// The report's one stylesheet, inlined into its HTML: plain and readable on screen, A4 in print, black on white so it
// survives a grey-scale printer. Page breaks: the title page and contents stand alone, each chapter starts a page,
// headings stay with what follows, table rows, figures and notes are never split. Nothing may be wider than the page:
// chromium would shrink every page to fit it (a narrow text column) and still cut the table at the edge.
export const REPORT_CSS = `
@page { size: A4; margin: 22mm 18mm 20mm 18mm; }
:root { color: #1b1f24; background: #fff; font: 10.5pt/1.45 "DejaVu Sans", "Liberation Sans", Arial, sans-serif; }
body { margin: 0 auto; max-width: 174mm; padding: 0 4mm; }
/* In print the page margins frame the text: the body takes the full printable width (A4 minus margins). */
@media print { body { max-width: none; padding: 0; } }
h1 { font-size: 24pt; line-height: 1.2; margin: 0 0 6mm; }
h2 { font-size: 16pt; margin: 0 0 4mm; border-bottom: 1.5pt solid #1b1f24; padding-bottom: 1.5mm; }
h3 { font-size: 12pt; margin: 6mm 0 2mm; }
h2, h3, caption, figcaption { break-after: avoid; page-break-after: avoid; }
p { margin: 0 0 3mm; orphans: 3; widows: 3; }
a { color: inherit; }
.title-page { min-height: 230mm; display: flex; flex-direction: column; justify-content: center; }
.title-page .kicker { font-size: 12pt; text-transform: uppercase; letter-spacing: 0.08em; color: #3b4450; }
.title-page .place { font-size: 16pt; margin-bottom: 12mm; }
.title-page dl { display: grid; grid-template-columns: max-content 1fr; gap: 1.5mm 6mm; margin: 0; }
.title-page dt { font-weight: bold; }
.title-page dd { margin: 0; }
.title-page, .toc { break-after: page; page-break-after: always; }
.toc ol { padding-left: 6mm; }
.toc li { margin: 1.5mm 0; }
.chapter { break-before: page; page-break-before: always; }
.messages li { margin: 0 0 2.5mm; }
table { border-collapse: collapse; width: 100%; max-width: 100%; margin: 2mm 0 6mm; font-size: 9.5pt; }
caption { text-align: left; font-weight: bold; font-size: 1rem; padding-bottom: 1.5mm; }
th, td { padding: 1.2mm 2mm; border-bottom: 0.5pt solid #8a929c; vertical-align: top; text-align: left; }
/* Headers wrap (a long label takes two or three lines); figures never break inside. */
th { border-bottom: 1pt solid #1b1f24; vertical-align: bottom; font-weight: bold; overflow-wrap: break-word; hyphens: auto; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
td.num { white-space: nowrap; }
/* Many columns: smaller type and tighter cells, so the table fits the width of the page. */
table.wide { font-size: 8.5pt; }
table.wide th, table.wide td { padding: 1mm 1.3mm; }
table.wider { font-size: 7.5pt; }
table.wider th, table.wider td { padding: 0.9mm 1mm; }
thead { display: table-header-group; }
tr, figure, .note, .caveats li { break-inside: avoid; page-break-inside: avoid; }
figure { margin: 2mm 0 6mm; }
figure svg { display: block; max-width: 100%; height: auto; }
figcaption { font-weight: bold; margin-bottom: 1.5mm; }
.chart-notes { font-size: 9pt; color: #3b4450; margin: 1.5mm 0 0; padding-left: 5mm; }
sup.source { font-size: 7.5pt; font-weight: normal; margin-left: 0.5mm; }
sup.source a { text-decoration: none; }
.notes { border-left: 2pt solid #1b1f24; padding-left: 4mm; margin: 4mm 0; }
.note { margin: 0 0 3mm; }
.note .by { font-size: 9pt; color: #3b4450; margin: 0; }
.note .text { white-space: pre-line; margin: 0; }
.caveats { border: 0.75pt solid #1b1f24; padding: 2mm 4mm; margin: 4mm 0; }
.caveats ul { margin: 0; padding-left: 5mm; }
.sources { list-style: none; padding-left: 0; }
.sources li { margin: 0 0 3mm; break-inside: avoid; page-break-inside: avoid; }
.sources .what { margin: 0; }
.muted { color: #3b4450; }
`;

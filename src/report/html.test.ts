// The report as HTML: one self-contained Dutch document (golden file), every chapter in the contents, every table and
// chart traced to a source in the appendix, figures the Dutch way, and untrusted text (notes, names) shown, never run.
import { describe, expect, it } from 'vitest';
import { expectGolden } from '../../test/fixtures/report/golden.ts';
import { COST_CHART, SMALL_REPORT } from '../../test/fixtures/report/small.ts';
import { renderHtml } from './html.ts';
import type { Report } from './model.ts';

const html = renderHtml(SMALL_REPORT);

describe('renderHtml', () => {
  it('renders the small report as the golden HTML, the same text every time', () => {
    expect(renderHtml(SMALL_REPORT)).toBe(html);
    expectGolden('small-report.html', html);
  });

  it('lists every section, the summary and the appendix in the contents, each with its anchor', () => {
    const toc = html.slice(html.indexOf('<nav class="toc"'), html.indexOf('</nav>'));
    const ids = [
      'samenvatting',
      'inleiding',
      ...SMALL_REPORT.sections.map((s) => s.id),
      'kanttekeningen',
      'conclusies',
      'verantwoording',
    ];
    for (const id of ids) {
      expect(toc).toContain(`href="#${id}"`);
      expect(html).toContain(`<section class="chapter" id="${id}">`);
    }
    expect(toc.match(/<li>/g)).toHaveLength(ids.length);
  });

  it('states the data version and the generation time on the title page', () => {
    const title = html.slice(html.indexOf('<section class="title-page">'), html.indexOf('</section>'));
    expect(title).toContain('<h1>Jeugdhulp in Steenwijkerland 2018</h1>');
    expect(title).toContain('<dd>3f9a1c0b7e2d</dd>');
    expect(title).toContain('<dd>1 december 2026, 10:15 (12 bestanden)</dd>');
    expect(title).toContain('<dd>december 2018</dd>');
    // 07:30 UTC is 08:30 in the Netherlands.
    expect(title).toContain('<dd>6 december 2026, 08:30</dd>');
  });

  it('formats table figures the Dutch way by their unit', () => {
    expect(html).toMatch(/<td class="num">€\s10\.490\.000<\/td><td class="num">929<\/td><td class="num">€\s11\.292<\/td>/);
    expect(html).toMatch(/<td class="num">€\s4\.210\.501<\/td><td class="num">4,2 %<\/td>/);
    expect(html).toContain('<td class="num">-1,5 %</td>');
  });

  it('marks every table and chart with a source that the appendix lists', () => {
    const marks = [...html.matchAll(/<(?:caption|figcaption)>[^<]*<sup class="source">\[<a href="#(bron-B\d)">/g)].map(
      (m) => m[1],
    );
    expect(marks).toEqual(['bron-B1', 'bron-B1', 'bron-B2']);
    for (const id of new Set(marks)) expect(html).toContain(`<li id="${id}">`);
  });

  it('describes each source in words in the appendix', () => {
    const appendix = html.slice(html.indexOf('id="verantwoording"'));
    expect(appendix).toContain('Periode: 01-01-2017 t/m 31-12-2018 (naar zorgperiode)');
    expect(appendix).toContain('Financiering: zorg in natura');
    expect(appendix).toContain('Uitgesplitst naar: Zorgsoort');
    expect(appendix).toContain('Instelling top: 10');
  });

  it('shows user notes under "Notities" as text: a <script> in a note stays inert', () => {
    expect(html).toContain('<h3>Notities</h3>');
    expect(html).toContain('Nieuwe aanbieder &lt;script&gt;alert(1)&lt;/script&gt; sinds maart.');
    expect(html).not.toMatch(/<script/i);
  });

  it('escapes every text the report carries, names in charts too', () => {
    const evil = '<img src=x onerror=alert(1)>';
    const report: Report = {
      ...SMALL_REPORT,
      title: evil,
      place: evil,
      introduction: evil,
      summary: [{ rule: 'x', text: evil, sources: ['B1'] }],
      sections: [
        {
          id: 'x"><img src=x>',
          title: evil,
          blocks: [
            { kind: 'paragraph', text: evil },
            {
              ...COST_CHART,
              chart: 'bar',
              caption: evil,
              result: {
                ...COST_CHART.result,
                split: ['provider'],
                columns: [
                  { name: 'provider', label: evil, unit: 'text' },
                  { name: 'cost', label: evil, unit: 'eur' },
                ],
                rows: [{ provider: evil, cost: 5 }],
              },
            },
            { kind: 'caveats', items: [{ kind: 'x', text: evil }] },
          ],
        },
      ],
    };
    const out = renderHtml(report);
    expect(out).not.toMatch(/<img/i);
    expect(out).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('sets a table of six or more columns smaller (class wide), and of eight or more smaller again (wide wider)', () => {
    const table = (n: number) => {
      const columns = Array.from({ length: n }, (_, i) => ({ name: `c${i}`, label: `K${i}`, unit: 'count' as const }));
      const report: Report = {
        ...SMALL_REPORT,
        sections: [{ id: 't', title: 'T', blocks: [{ kind: 'table', caption: 'T', columns, rows: [{ c0: 1 }], source: 'B1' }] }],
      };
      return /<table[^>]*>/.exec(renderHtml(report).slice(renderHtml(report).indexOf('id="t"')))![0];
    };
    expect(table(5)).toBe('<table>');
    expect(table(6)).toBe('<table class="wide">');
    expect(table(8)).toBe('<table class="wide wider">');
  });

  it('asks for nothing outside the document', () => {
    expect(html).not.toMatch(/\bsrc=|<link|@import|url\((?!#)|href="(?!#)/i);
  });
});

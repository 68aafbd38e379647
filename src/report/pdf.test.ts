// The report as PDF, read back with Debian's poppler-utils: every page has content in its body, the page count is the
// one chromium numbered ("pagina X van N"), and each page carries the place and its number in its margins.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SMALL_REPORT } from '../../test/fixtures/report/small.ts';
import { renderHtml } from './html.ts';
import type { Report } from './model.ts';
import { footerTemplate, headerTemplate, renderPdf } from './pdf.ts';

/** A binary PGM (P5, 8-bit) as width, height and its grey values. */
function readPgm(bytes: Buffer): { width: number; height: number; pixels: Buffer } {
  const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(bytes.subarray(0, 40).toString('latin1'));
  if (!header) throw new Error('not an 8-bit binary PGM');
  const [width, height] = [Number(header[1]), Number(header[2])];
  return { width, height, pixels: bytes.subarray(header[0].length) };
}

/** Dark pixels between the page's top and bottom margins (the header and footer alone do not make a page full). */
function bodyInk({ width, height, pixels }: ReturnType<typeof readPgm>): number {
  const margin = Math.round(height * 0.06);
  let ink = 0;
  for (let y = margin; y < height - margin; y++) for (let x = 0; x < width; x++) if (pixels[y * width + x] < 160) ink++;
  return ink;
}

let dir: string;
let file: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'roer-pdf-'));
  file = join(dir, 'rapport.pdf');
  writeFileSync(file, await renderPdf(renderHtml(SMALL_REPORT), SMALL_REPORT));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('renderPdf', () => {
  it('is a PDF of A4 pages', () => {
    expect(readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    expect(info).toMatch(/Page size:\s+59[45]\.\d+ x 841\.\d+ pts \(A4\)/);
  });

  it('has nine pages, none blank: title, contents and one per chapter (summary … appendix)', () => {
    execFileSync('pdftoppm', ['-gray', '-r', '30', file, join(dir, 'p')]);
    const pages = readdirSync(dir)
      .filter((f) => f.endsWith('.pgm'))
      .sort();
    expect(pages).toHaveLength(9);
    for (const page of pages) expect(bodyInk(readPgm(readFileSync(join(dir, page)))), page).toBeGreaterThan(100);
    expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' })).toMatch(/Pages:\s+9\n/);
  });

  it('prints the place, the date and "pagina X van N" on every page', () => {
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    const pages = text.split('\f').filter((p) => p.trim());
    expect(pages).toHaveLength(9);
    pages.forEach((page, i) => {
      expect(page).toMatch(/^\s*Steenwijkerland\s+6 december 2026/);
      expect(page).toContain(`pagina ${i + 1} van 9`);
    });
  });
});

describe('a table with many columns', () => {
  // The budget table's eight columns with long headers and wide euro amounts, as on the demo region.
  const labels = [
    'Jaar',
    'Primitieve begroting',
    'Begroting (na burap)',
    'Gedeclareerd',
    'Verwacht, nog niet gedeclareerd',
    'Realisatie',
    'Verschil (begroting − realisatie)',
    'Realisatie (% van begroting)',
  ];
  const columns = labels.map((label, i) => ({ name: `c${i}`, label, unit: i === 0 ? ('text' as const) : ('eur' as const) }));
  const row = Object.fromEntries(columns.map((c, i) => [c.name, i === 0 ? '2018' : -11_514_449.25]));
  const wide: Report = {
    ...SMALL_REPORT,
    sections: [
      { id: 'budget', title: 'Begroting', blocks: [{ kind: 'table', caption: 'Breed', columns, rows: [row], source: 'B1' }] },
    ],
  };

  it('fits the printable width: no word beyond the right margin, and the text uses the page minus its margins', async () => {
    const wideFile = join(dir, 'breed.pdf');
    writeFileSync(wideFile, await renderPdf(renderHtml(wide), wide));
    // Word boxes in points; A4 is 595 pt wide, the margins 18 mm (51 pt) each side.
    const bbox = execFileSync('pdftotext', ['-bbox', wideFile, '-'], { encoding: 'utf8' });
    const words = [...bbox.matchAll(/<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)"[^>]*>([^<]*)</g)].map((m) => ({
      left: Number(m[1]),
      right: Number(m[2]),
      text: m[3]!,
    }));
    const amounts = words.filter((w) => w.text === '11.514.449');
    expect(amounts).toHaveLength(7); // every amount whole on its line, none cut off
    for (const w of words) expect(w.right, w.text).toBeLessThanOrEqual(595 - 51 + 1);
    // Not shrunk to fit: the last column ends at the right margin.
    expect(Math.max(...amounts.map((w) => w.right))).toBeGreaterThan(595 - 51 - 8);
  }, 60_000);
});

describe('header and footer', () => {
  it('escape the place and title (they are templates of HTML)', () => {
    const evil = { ...SMALL_REPORT, place: '<img src=x>', title: '<b>t</b>' };
    expect(headerTemplate(evil)).toContain('&lt;img src=x&gt;');
    expect(footerTemplate(evil)).toContain('&lt;b&gt;t&lt;/b&gt; · pagina <span class="pageNumber"></span> van');
  });
});

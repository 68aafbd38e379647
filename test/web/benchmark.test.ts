// The Vergelijken page in a real browser over the tiny region with the demo's fictitious national CBS set (one cell
// emptied): reached from the nav without making it wrap, the set labelled as fictitious, both charts drawn and in view
// at 1366×768, the table as the API computed it with the empty cell as "–" and its reason, neighbours chosen and saved,
// the normalised comparison, the CSV, every control reachable by keyboard, the own-vs-CBS panel, a context group chosen
// by deciles and saved, the cost per inhabitant in euros with the own line, and axe-core clean.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importCbsPaths } from '../../src/benchmark/import.ts';
import type { BenchmarkSeries } from '../../src/benchmark/series.ts';
import { formatShare, type NormalisedComparison } from '../../src/benchmark/compare.ts';
import { nationalCbsFiles, writeNationalCbs } from '../../src/demo/cbsnational.ts';
import { contextDecilesCsv } from '../../src/demo/contextdeciles.ts';
import { loadRegion } from '../../src/demo/region.ts';
import { loadMunicipalities } from '../../src/ingest/municipalities.ts';
import type { Store } from '../../src/store/index.ts';
import { axeFindings, harness, type Harness } from './harness.ts';
import { tinyRegion } from './region.ts';

let h: Harness;
let page: Page;
let store: Store;

/** Where the screenshot goes (looked at by whoever changes the page). */
const SHOT = join(tmpdir(), 'roer-vergelijken.png');

beforeAll(async () => {
  store = await tinyRegion();
  await loadMunicipalities(store);
  const files = nationalCbsFiles({ seed: 1, region: loadRegion(), scale: 1, counts: new Map() });
  // Steenwijkerland's youths with residence in the second half of 2020: no figure (as CBS leaves a cell empty).
  const data = `85097NED/TypedDataSet.json`;
  files[data] = files[data]!.replace(/("RegioS":"GM1708 *","Perioden":"2020HJ02",.*"JeugdhulpMetVerblijf_3":)\d+/, '$1null');
  expect(files[data]).toMatch(/"Perioden":"2020HJ02",.*"JeugdhulpMetVerblijf_3":null/);
  const dir = mkdtempSync(join(tmpdir(), 'roer-web-bm-'));
  // The demo's fictitious context deciles, imported as a user would: the context group has something to choose by.
  const deciles = join(dir, 'decielen.csv');
  writeFileSync(deciles, contextDecilesCsv(1));
  await importCbsPaths(store, [writeNationalCbs(dir, files), deciles]);
  h = await harness(store);
  page = await h.page();
  await page.setViewportSize({ width: 1366, height: 768 });
  await h.login(page);
}, 180_000);
afterAll(async () => h?.close());

const plain = (s: string) => s.replace(/\s/g, ' ');
const ready = () => page.waitForSelector('main[data-ready] [data-panel="benchmark-compare"] h2');

/** The number of lines the nav's links take, with or without the Vergelijken link. */
async function navLines(withBenchmark: boolean): Promise<number> {
  return page.evaluate((shown) => {
    const items = Array.from(document.querySelectorAll<HTMLElement>('#nav li'));
    const mine = items.find((li) => li.textContent === 'Vergelijken')!;
    mine.style.display = shown ? '' : 'none';
    const lines = new Set(items.filter((li) => li.style.display !== 'none').map((li) => li.offsetTop)).size;
    mine.style.display = '';
    return lines;
  }, withBenchmark);
}

describe('Vergelijken', () => {
  it('is reached from the nav, which wraps to no more lines than without it (1366×768 and 125 %)', async () => {
    await page.click('nav a:text("Vergelijken")');
    await ready();
    expect(new URL(page.url()).pathname).toBe('/vergelijken');
    expect(await navLines(true)).toBe(await navLines(false));
    // 125 % scaling of a 1366×768 screen: a layout viewport of 1093×614 CSS pixels.
    await page.setViewportSize({ width: 1093, height: 614 });
    expect(await navLines(true)).toBe(await navLines(false));
    await page.setViewportSize({ width: 1366, height: 768 });
  });

  it('labels the fictitious demo set and draws both charts, the first in view at 1366×768', async () => {
    await expect(page.locator('[data-fictitious]').innerText()).resolves.toMatch(/fictieve landelijke cijfers \(demo\)/);
    expect(await page.locator('[data-panel="benchmark-series"] .chart canvas').count()).toBe(2);
    await page.screenshot({ path: SHOT, fullPage: false });
    const box = (await page.locator('[data-panel="benchmark-series"] .chart').first().boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual(768);
    expect(await axeFindings(page, 'vergelijken')).toEqual([]);
  });

  it('shows the figures of the API, with the empty CBS cell as "–" and its reason, never 0', async () => {
    const q = new URLSearchParams({ gemeente: '1708', groep: 'regio', maat: 'met-verblijf', basis: '2020-H1' });
    await page.goto(`${h.base}/vergelijken?p.gemeente=1708&p.maat=met-verblijf&p.basis=2020-H1`);
    await ready();
    const api = (await (await page.request.get(`${h.base}/api/benchmark?${q}`)).json()) as BenchmarkSeries;
    const panel = page.locator('[data-panel="benchmark-series"]');
    const base = panel.locator('tbody tr.base');
    const pct = new Intl.NumberFormat('nl-NL', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    await expect(base.locator('td').first().innerText()).resolves.toBe(
      `${pct.format(api.lines[0]!.points.find((p) => p.period === '2020-H1')!.percent!)} %`,
    );
    const h2 = panel.locator('tbody tr', { has: page.locator('th:text-is("H2 2020")') });
    const empty = h2.locator('td').first();
    await expect(empty.innerText()).resolves.toMatch(/^–\d$/);
    const reason = api.lines[0]!.points.find((p) => p.period === '2020-H2')!.reason!;
    await expect(empty.getAttribute('title')).resolves.toBe(reason);
    await expect(panel.locator('.footnotes').innerText()).resolves.toContain(reason);
    // The CSV holds the same row with empty cells, not zeros.
    const csv = await (
      await page.request.get(h.base + (await panel.locator('a:text("Tabel als CSV")').getAttribute('href'))!)
    ).text();
    const row = csv.split('\r\n').find((l) => l.startsWith('2020-H2;'))!;
    expect(row.split(';').slice(1, 3)).toEqual(['', '']);
  });

  it('compares with chosen neighbours and saves them as a group of the municipality', async () => {
    await page.selectOption('#bm-groep', 'buren');
    await page.waitForSelector('main[data-ready] #bm-buren-button');
    await page.click('#bm-buren-button');
    await page.fill('#bm-buren-search', 'Zwolle');
    await page.keyboard.press('Enter');
    await page.click('#bm-buren .apply');
    await page.waitForSelector('main[data-ready] .save-group-form summary');
    expect(new URL(page.url()).searchParams.get('p.buren')).toBe('0193');
    await expect(page.locator('[data-panel="benchmark-series"] thead').innerText()).resolves.toContain(
      'gekozen buurgemeenten (1)',
    );
    await page.click('.save-group-form summary');
    await page.fill('#bm-naam', 'Zwolle');
    await page.click('#benchmark-controls button[type="submit"]');
    await page.waitForSelector('main[data-ready] button:text("Groep \'Zwolle\' verwijderen")');
    expect(new URL(page.url()).searchParams.get('p.groep')).toBe('bewaard');
    await expect(page.locator('#bm-groep option:checked').innerText()).resolves.toBe('Bewaard: Zwolle');
  });

  it('shows the normalised comparison as the API gives it', async () => {
    const other = await page.locator('#bm-met').inputValue();
    const period = await page.locator('#bm-periode').inputValue();
    const c = (await (
      await page.request.get(`${h.base}/api/benchmark/vergelijking?a=1708&b=${other}&periode=${period}`)
    ).json()) as NormalisedComparison;
    await page.screenshot({ path: SHOT.replace('.png', '-hele-pagina.png'), fullPage: true });
    const rows = page.locator('[data-panel="benchmark-compare"] tbody tr');
    expect(await rows.count()).toBe(c.rows.length + 1);
    await expect(rows.first().locator('td').nth(2).innerText()).resolves.toBe(formatShare(c.population));
    const texts = await rows.locator('td:nth-of-type(3)').allInnerTexts();
    expect(texts.map(plain)).toEqual([c.population, ...c.rows.map((r) => r.share)].map(formatShare));
  });

  it('reaches every control by keyboard', async () => {
    await page.focus('main');
    const reached = new Set<string>();
    for (let i = 0; i < 60; i++) {
      await page.keyboard.press('Tab');
      reached.add(await page.evaluate(() => document.activeElement?.id || document.activeElement?.textContent || ''));
    }
    for (const id of ['bm-gemeente', 'bm-maat', 'bm-groep', 'bm-per', 'bm-basis', 'bm-met', 'bm-periode'])
      expect([id, reached.has(id)]).toEqual([id, true]);
    expect(reached.has('Tabel als CSV')).toBe(true);
    expect(h.errors).toEqual([]);
  });

  it('shows the own figures beside CBS (a table or its Dutch empty state), axe-clean', async () => {
    await page.goto(`${h.base}/vergelijken?p.gemeente=1708`);
    await ready();
    const own = page.locator('[data-panel="benchmark-own"]');
    await expect(own.locator('h2').innerText()).resolves.toMatch(/^Eigen cijfers naast CBS/);
    const tables = await own.locator('table').count();
    // Without a table the panel says why, in Dutch (an error box or the empty state), never nothing.
    if (tables === 0) await expect(own.innerText()).resolves.toMatch(/[a-z]{3,} .*(gemeente|cijfer|gegevens)/i);
    else await expect(own.locator('thead').first().innerText()).resolves.toMatch(/CBS/);
    expect(await axeFindings(page, 'vergelijken-eigen')).toEqual([]);
  });

  it('compares with municipalities of similar context deciles, shows the group, and saves it', async () => {
    await page.goto(`${h.base}/vergelijken?p.gemeente=1708`);
    await ready();
    await page.selectOption('#bm-groep', 'context');
    await page.waitForSelector('main[data-ready] #bm-decielen');
    expect(new URL(page.url()).searchParams.get('p.groep')).toBe('context');
    const label = page.locator('[data-panel="benchmark-series"] .group-label');
    await expect(label.innerText()).resolves.toMatch(
      /^Referentiegroep: gemeenten met inkomensdeciel \d+–\d+ en kinderarmoededeciel \d+–\d+ \(\d{4}\)$/,
    );
    // Only the income decile, and the size class too: the choice in the URL, the label following it.
    const labelWhen = (test: string) =>
      page.waitForFunction((t) => {
        const text = document.querySelector('main[data-ready] .group-label')?.textContent ?? '';
        return new RegExp(t).test(text);
      }, test);
    await page.selectOption('#bm-decielen', 'inkomen');
    await labelWhen('^Referentiegroep: gemeenten met inkomensdeciel [0-9]+–[0-9]+ \\(');
    await page.selectOption('#bm-grootte', 'ja');
    await labelWhen('inwoners \\(');
    const url = new URL(page.url()).searchParams;
    expect([url.get('p.decielen'), url.get('p.zelfde_grootte')]).toEqual(['inkomen', 'ja']);
    const shown = (await label.innerText()).replace('Referentiegroep: ', '');
    expect(shown).toMatch(/^gemeenten met inkomensdeciel \d+–\d+ en .* inwoners \(\d{4}\)$/);
    await expect(page.locator('[data-panel="benchmark-series"] thead').innerText()).resolves.toContain(shown);
    await page.screenshot({ path: SHOT.replace('.png', '-context.png'), fullPage: false });
    expect(await axeFindings(page, 'vergelijken-context')).toEqual([]);
    // Saved under a name: chosen again as "Bewaard: …", the same group.
    await page.click('.save-group-form summary');
    await expect(page.locator('#bm-naam-hint').innerText()).resolves.toMatch(/^Bewaard worden de decielen van \d{4}/);
    await page.fill('#bm-naam', 'Zelfde context');
    await page.click('#benchmark-controls button:text("Bewaren")');
    await page.waitForSelector('main[data-ready] button:text("Groep \'Zelfde context\' verwijderen")');
    expect(new URL(page.url()).searchParams.get('p.naam')).toBe('Zelfde context');
    await expect(page.locator('#bm-groep option:checked').innerText()).resolves.toBe('Bewaard: Zelfde context');
    await expect(label.innerText()).resolves.toBe(`Referentiegroep: ${shown}`);
    expect(h.errors).toEqual([]);
  });

  it('shows the cost per inhabitant in euros, with the own line and the reason of its empty cells', async () => {
    // Without p.per: CBS publishes the costs per year only, so the page takes years and offers no half-years.
    await page.goto(`${h.base}/vergelijken?p.gemeente=1708&p.maat=kosten-per-inwoner&p.basis=2017`);
    await ready();
    await expect(page.locator('#bm-per option').allInnerTexts()).resolves.toEqual(['Jaar']);
    const panel = page.locator('[data-panel="benchmark-series"]');
    expect(await panel.locator('.chart canvas').count()).toBe(2);
    await expect(panel.locator('figcaption').first().innerText()).resolves.toBe('Bedrag in euro');
    const note = await panel.locator('p.muted').filter({ hasText: 'Een groep telt' }).innerText();
    expect(note).toContain('bedragen');
    expect(note).not.toContain('jongeren');
    expect(note).toContain("'eigen gegevens'");
    await expect(panel.locator('thead').innerText()).resolves.toContain('eigen gegevens');
    await expect(panel.locator('thead tr').nth(1).innerText()).resolves.toMatch(/€/);
    // The own line is the last pair of columns: each cell an amount in euros, or "–" with its reason.
    const rows = panel.locator('tbody tr');
    for (let i = 0; i < (await rows.count()); i++) {
      const cells = rows.nth(i).locator('td');
      const own = cells.nth((await cells.count()) - 2);
      const text = plain(await own.innerText());
      if (/^–\d+$/.test(text)) expect(await own.getAttribute('title')).toBeTruthy();
      else expect(text).toMatch(/^€ -?[\d.]+,\d{2}$/);
      // A year without own data is missing, never € 0.
      expect(text).not.toBe('€ 0,00');
    }
    await page.screenshot({ path: SHOT.replace('.png', '-kosten.png'), fullPage: false });
    const csv = await (
      await page.request.get(h.base + (await panel.locator('a:text("Tabel als CSV")').getAttribute('href'))!)
    ).text();
    expect(csv.split('\r\n')[0]).toContain('eigen gegevens (€)');
    expect(await axeFindings(page, 'vergelijken-kosten')).toEqual([]);
    expect(h.errors).toEqual([]);
  });
});

// The dashboard's headline question on the demo region, in a real browser, one step per test: "why did costs in
// Steenwijkerland rise in 2018, and which providers and referrers drove it?" Then every page on the demo region.
// The expected answer is the demo's story (src/demo/story.ts); every figure on screen is checked against the API.
import { mkdir, readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { REFERRER_TYPE_LABELS } from '../../src/api/labels.ts';
import type { MetricResult, Value } from '../../src/metrics/types.ts';

type Row = Record<string, Value>;
import { demoRegion, demoStory } from './demo.ts';
import { EXAMPLE_MEASURES } from '../../src/demo/measures.ts';
import { MAX_CHART_HEIGHT } from '../../src/charts/axis.ts';
import { axeFindings, blankness, chartHeight, harness, inkedPixels, offeredViews, type Harness } from './harness.ts';

const OUT = 'test-results/web';
const story = demoStory();
let h: Harness;
let page: Page;

const ready = () => page.waitForSelector('main[data-ready]');
const query = () => new URL(page.url()).searchParams;
const euros = (v: number) =>
  new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 }).format(v);
const shot = (name: string) => page.screenshot({ path: `${OUT}/demo-${name}.png`, fullPage: true });
async function api(path: string): Promise<MetricResult> {
  const res = await page.request.get(`${h.base}/api/metrics/${path}`);
  expect(res.status()).toBe(200);
  return (await res.json()) as MetricResult;
}
const typeName = (code: Value) => REFERRER_TYPE_LABELS[String(code)] ?? String(code);
const largestChange = (rows: Row[]) =>
  rows.filter((r) => r.year === 2018).sort((a, b) => Math.abs(Number(b.cost_change)) - Math.abs(Number(a.cost_change)));

beforeAll(async () => {
  h = await harness(await demoRegion());
  page = await h.page();
  await h.login(page);
  await mkdir(OUT, { recursive: true });
}, 600_000);
afterAll(async () => h?.close());

describe('why did costs in Steenwijkerland rise in 2018, and who drove it?', () => {
  const where = `municipality=${story.municipality}`;

  it('1. the overview, narrowed to Steenwijkerland and 2018 with the filter bar, shows the rise', async () => {
    await page.goto(`${h.base}/`);
    await ready();
    await page.selectOption('#f-municipality', story.municipality);
    await ready();
    await page.selectOption('#f-to', '2018');
    await ready();
    expect(query().get('municipality')).toBe(story.municipality);
    expect(query().get('to')).toBe('2018');
    await expect(page.locator('h1').innerText()).resolves.toBe('Overzicht 2018');
    await expect(page.locator('.question').innerText()).resolves.toContain('Steenwijkerland');
    const costs = await api(`costs?${where}&from=2017-01-01&to=2018-12-31&split=year`);
    const [y2017, y2018] = [2017, 2018].map((y) => Number(costs.rows.find((r) => r.year === y)!.cost));
    expect(y2018).toBeGreaterThan(y2017);
    await expect(page.locator('[data-tile="cost"] .tile-value').innerText()).resolves.toBe(euros(y2018));
    const pct = ((y2018 / y2017 - 1) * 100).toLocaleString('nl-NL', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
    const change = page.locator('[data-tile="cost"] .tile-change');
    await expect(change.innerText()).resolves.toBe(`+${pct} % t.o.v. vorig jaar`);
    await expect(change.getAttribute('class')).resolves.toContain('up');
    await shot('1-overzicht-steenwijkerland-2018');
  });

  it('2. why: the three largest effects of the decomposition, which adds up to the change', async () => {
    expect(await page.locator('[data-driver]').count()).toBe(3);
    const d = await api(`decomposition?${where}&from=2017-01-01&to=2018-12-31`);
    const row = d.rows.find((r) => r.year === 2018)!;
    const effects = d.columns.filter((c) => c.name.startsWith('effect_')).map((c) => Number(row[c.name] ?? 0));
    expect(Math.round(effects.reduce((a, b) => a + b, 0) * 100)).toBe(Math.round(Number(row.cost_change) * 100));
    await expect(page.locator('#drivers-h').innerText()).resolves.toContain(`totaal +${euros(Number(row.cost_change))}`);
    await page.locator('[data-driver]').first().click();
    await ready();
    expect(new URL(page.url()).pathname).toBe('/ontleding');
    expect(await inkedPixels(page)).toBeGreaterThan(2_000); // the waterfall
    await shot('2-ontleding');
    await page.goBack();
    await ready();
  });

  it("3. which providers: the story's new practice has the largest rise, as the API says", async () => {
    const yoy = await api(`costs_yoy?${where}&from=2017-01-01&to=2018-12-31&split=provider`);
    const top = largestChange(yoy.rows)[0];
    expect(top.provider).toBe(story.provider.agb);
    const tile = page.locator('[data-provider]').first();
    await expect(tile.getAttribute('data-provider')).resolves.toBe(story.provider.agb);
    await expect(tile.locator('.tile-label').innerText()).resolves.toBe(story.provider.name);
    await expect(tile.locator('.tile-value').innerText()).resolves.toBe(`+${euros(Number(top.cost_change))}`);
    await expect(tile.locator('.tile-detail').innerText()).resolves.toBe(`${top.clients_previous} → ${top.clients} cliënten`);
  });

  it("4. which referrers: the story's GP practices are among those with the largest rise", async () => {
    const shown = await page.locator('[data-referrer]').evaluateAll((els) => els.map((e) => e.getAttribute('data-referrer')));
    const yoy = await api(`costs_yoy?${where}&from=2017-01-01&to=2018-12-31&split=referrer`);
    expect(shown).toEqual(
      largestChange(yoy.rows)
        .slice(0, 3)
        .map((r) => r.referrer),
    );
    expect(shown.some((r) => story.gps.includes(r!))).toBe(true);
    // By the name the AGB list gives the practice, never by its code.
    const gp = story.gps.find((g) => shown.includes(g))!;
    await expect(page.locator(`[data-referrer="${gp}"] .tile-label`).innerText()).resolves.toBe(
      `${story.referrerNames.get(gp)} (huisarts)`,
    );
  });

  it('5. one click on the provider opens the change per provider, largest rise first', async () => {
    await page.locator('[data-provider]').first().click();
    await ready();
    expect(new URL(page.url()).pathname).toBe('/kosten');
    expect(Object.fromEntries(query())).toMatchObject({
      view: 'costs_yoy',
      split: 'provider',
      from: '2018',
      to: '2018',
      municipality: story.municipality,
    });
    await expect(page.locator('table.data tbody tr').first().locator('td').first().innerText()).resolves.toBe(
      story.provider.name,
    );
    expect(await inkedPixels(page)).toBeGreaterThan(2_000);
    await shot('3-verandering-per-aanbieder');
  });

  it('6. drilling into that provider and splitting by referrer type shows the GPs behind its rise', async () => {
    await page.locator('table.data tbody button.link').first().click();
    await ready();
    expect(query().get('provider')).toBe(story.provider.agb);
    await page.selectOption('#c-split0', 'referrer_type');
    await ready();
    expect(query().get('split')).toBe('referrer_type');
    const yoy = await api(`costs_yoy?${where}&provider=${story.provider.agb}&from=2017-01-01&to=2018-12-31&split=referrer_type`);
    expect(largestChange(yoy.rows)[0].referrer_type).toBe('02');
    await expect(page.locator('table.data tbody tr').first().locator('td').first().innerText()).resolves.toMatch(/^huisarts$/i);
    await shot('4-aanbieder-naar-verwijzer');
  });

  it('7. the analyst writes the explanation down as a note beside the chart', async () => {
    const text = `Stijging 2018: nieuwe praktijk ${story.provider.name}, verwezen door huisartsen.`;
    await page.fill('#note-text', text);
    await page.click('text=Notitie opslaan');
    await page.waitForSelector('.note-text');
    await page.reload();
    await ready();
    await expect(page.locator('.note-text').first().innerText()).resolves.toBe(text);
  });

  it('8. the table behind it exports to CSV with the figures of the API', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('text=Tabel als CSV')]);
    const csv = (await readFile((await download.path())!, 'utf8')).replace(/^\uFEFF/, '');
    const lines = csv
      .trim()
      .split(/\r\n/)
      .map((l) => l.split(';'));
    const yoy = await api(`costs_yoy?${where}&provider=${story.provider.agb}&from=2017-01-01&to=2018-12-31&split=referrer_type`);
    // As on the screen: the type's name beside its code, the largest change first, and 2017 (asked for only to compare
    // with) after the shown rows, marked.
    const [code, ...rest] = yoy.columns.map((c) => c.label);
    expect(lines[0]).toEqual([code, 'Naam type verwijzer', ...rest, 'Op het scherm']);
    const col = lines[0].indexOf('Verandering kosten');
    const fromCsv = lines
      .slice(1)
      .filter((l) => l[2] === '2018')
      .map((l) => [l[0], l[1], l[col] === '' ? null : Number(l[col].replace(',', '.')), l.at(-1)]);
    expect(fromCsv).toEqual(
      largestChange(yoy.rows).map((r) => [String(r.referrer_type), typeName(r.referrer_type), r.cost_change, 'ja']),
    );
    expect(lines.slice(1).map((l) => (l[2] === '2018' ? 'ja' : 'nee'))).toEqual(lines.slice(1).map((l) => l.at(-1)));
    expect(lines.slice(1 + fromCsv.length).every((l) => l[2] === '2017')).toBe(true);
  });
});

describe('referrers by name', () => {
  it('the referrers page names each practice after the AGB list, and "geen verwijzer bekend" for none', async () => {
    await page.goto(`${h.base}/verwijzers?view=referrers&municipality=${story.municipality}&from=2018&to=2018`);
    await ready();
    const cells = await page.locator('table.data tbody tr td:first-child').allInnerTexts();
    expect(cells.length).toBeGreaterThan(5);
    expect(cells.filter((c) => /^\d{2}:/.test(c))).toEqual([]);
    const api2018 = await api(`referrers?municipality=${story.municipality}&from=2018-01-01&to=2018-12-31`);
    const gp = api2018.rows.find((r) => story.gps.includes(String(r.referrer_id)))!;
    const name = story.referrerNames.get(String(gp.referrer_id))!;
    expect(gp.name).toBe(name);
    expect(cells).toContain(`${name} (huisarts)`);
    if (api2018.rows.some((r) => r.referrer_id === '00:')) expect(cells).toContain('geen verwijzer bekend');
    await shot('verwijzers-bij-naam');
  });
});

describe('the example measures of the demo (src/demo/measures.ts)', () => {
  it('Vooruitblik of Steenwijkerland runs them through its baseline and follows each by its indicator', async () => {
    await page.goto(`${h.base}/vooruitblik?municipality=${story.municipality}`);
    await page.waitForSelector('#measures-table');
    const rows = page.locator('#measures-table tbody tr');
    expect(await rows.count()).toBe(EXAMPLE_MEASURES.length);
    for (let i = 0; i < EXAMPLE_MEASURES.length; i++)
      expect(await rows.nth(i).locator('td.num').first().innerText()).not.toMatch(/^€\s0 – €\s0$/);
    expect(await page.innerText('#measures-baseline')).toContain('basislijn per zorgsoort, gemeente Steenwijkerland');
    const items = page.locator('.monitor-item');
    expect(await items.count()).toBe(EXAMPLE_MEASURES.length);
    await items.first().locator('.monitor-table').waitFor();
    expect(await items.first().locator('h4').innerText()).toBe(EXAMPLE_MEASURES[0]!.name);
    // The story's practice nurse refers for the youth team from 2020: GP referrals to specialist care fall.
    expect(await items.first().locator('.monitor-sentence').innerText()).toMatch(
      /^Aandeel specialistische GGZ \(%\) is na de start \(01-01-2020\) gedaald van /,
    );
    await shot('vooruitblik-voorbeeldmaatregelen');
  });
});

describe('every page on the demo region', () => {
  it('each view of each analysis page: no error, a drawn chart, a filled table, nothing serious for axe-core', async () => {
    const blank: string[] = [];
    const axe: string[] = [];
    const tall: string[] = [];
    for (const v of await offeredViews(page, h.base)) {
      await page.goto(`${h.base}/${v.slug}?municipality=${story.municipality}${v.first ? '' : `&view=${v.metric}`}`);
      await ready();
      await page.waitForTimeout(300); // the chart's entry animation
      await shot(`pagina-${v.name}`);
      const why = await blankness(page, v.name, v.drawn);
      if (why) blank.push(why);
      if ((await chartHeight(page)) > MAX_CHART_HEIGHT) tall.push(`${v.name}: ${await chartHeight(page)} px`);
      axe.push(...(await axeFindings(page, v.name)));
    }
    expect(blank).toEqual([]);
    expect(tall).toEqual([]);
    expect(axe).toEqual([]);
  }, 600_000);
});

describe('charts that suit their data (1366×768)', () => {
  const where = `municipality=${story.municipality}`;
  const notes = () => page.locator('.chart-notes').innerText();
  const open = async (path: string, name: string) => {
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto(`${h.base}${path}`);
    await ready();
    await page.waitForTimeout(300); // the chart's entry animation
    await shot(`grafiek-${name}`);
  };

  it('the change per provider: the largest 15 and the rest summed, within the screen, rises and falls told apart', async () => {
    await open(`/kosten?view=costs_yoy&split=provider&from=2018&to=2018&${where}`, 'verandering-per-aanbieder');
    expect(await chartHeight(page)).toBeLessThanOrEqual(MAX_CHART_HEIGHT);
    await expect(page.locator('.chart').getAttribute('aria-label')).resolves.toMatch(/Overige \(\d+\)/);
    await expect(notes()).resolves.toContain('Stijging in oranje, daling in blauw');
  });

  it('a comparison of every municipality draws every one of them', async () => {
    const dims = (await (await page.request.get(`${h.base}/api/dimensions`)).json()) as { municipality: { label: string }[] };
    await open('/kosten?split=year,municipality', 'gemeenten');
    const label = (await page.locator('.chart').getAttribute('aria-label')) ?? '';
    expect(label).toContain(`Het bestaat uit ${dims.municipality.length} series`);
    for (const m of dims.municipality) expect(label).toContain(m.label);
    expect(dims.municipality.length).toBeGreaterThan(8);
  });

  it('the care-intensive clients are a table, not a chart', async () => {
    await open('/zorgintensief?view=intensive_client_list', 'zorgintensieve-lijst');
    expect(await page.locator('.chart').count()).toBe(0);
    expect(await page.locator('table.data tbody tr').count()).toBeGreaterThan(0);
  });

  it('the pathways view: the first steps and largest flows, every transition typed by the care it joins', async () => {
    await open('/zorgpaden', 'zorgpaden');
    await expect(notes()).resolves.toContain('De eerste 3 overgangen van elk zorgpad');
    const kinds = await page.locator('table.data tbody tr td:nth-child(4)').allInnerTexts();
    expect(new Set(kinds)).toEqual(new Set(['opschaling', 'afschaling', 'binnen verblijf', 'zonder verblijf']));
  });

  it('the waterfall says when its axis does not start at 0', async () => {
    await open(`/ontleding?${where}&from=2018&to=2018`, 'ontleding');
    await expect(notes()).resolves.toContain('niet bij 0');
  });

  it('the first cohort and the first month' + "'" + 's inflow say they hold everyone already in care', async () => {
    await open('/cohorten', 'cohorten');
    await expect(notes()).resolves.toContain('bevat iedereen die al in zorg was toen de gegevens begonnen');
    await open('/stromen', 'stromen');
    await expect(notes()).resolves.toContain('De instroom in jan 2015 bevat iedereen die al in zorg was');
  });

  it('the budget tile says the provider filter does not apply to the budget', async () => {
    await open(`/?${where}&provider=${story.provider.agb}&to=2018`, 'overzicht-met-aanbieder');
    await expect(page.locator('[data-tile="budget"] .tile-note').innerText()).resolves.toContain('aanbieder');
  });

  it('the PNG carries more than the chart: a title and filters above it, source and date below', async () => {
    await open(`/ontleding?${where}&from=2018&to=2018`, 'ontleding-png');
    const canvas = await page.evaluate(() => document.querySelector('.chart canvas')!.getBoundingClientRect().height);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('text=Grafiek als PNG')]);
    const png = await readFile((await download.path())!);
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    // The PNG's height (bytes 20–23 of the IHDR chunk) at pixel ratio 2: the chart plus the lines of context.
    expect(png.readUInt32BE(20)).toBeGreaterThan(2 * canvas + 200);
  });
});

// The dashboard in a real browser (Debian chromium via playwright-core) against the real API server over a small
// region: overview, filters in the URL, drill-down, notes, CSV export checked against the API, keyboard use, errors.
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { MetricResult } from '../../src/metrics/types.ts';
import type { Store } from '../../src/store/index.ts';
import { ADMIN, axeFindings, harness, type Harness } from './harness.ts';
import { tinyRegion } from './region.ts';
import { sql } from '../../src/store/sql.ts';
import { formatValue } from '../../src/contract/format.ts';

let h: Harness;
let page: Page;
let store: Store;

const ready = () => page.waitForSelector('main[data-ready]');
const tileText = (id: string) => page.locator(`[data-tile="${id}"] .tile-value`).innerText();
const query = () => new URL(page.url()).searchParams;

/** WCAG contrast ratio of two sRGB colours (0–255 channels). */
function contrast(a: number[], b: number[]): number {
  const lum = (c: number[]) => {
    const [r, g, bl] = c.map((v) => v / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

beforeAll(async () => {
  store = await tinyRegion();
  h = await harness(store);
  page = await h.page();
  await h.login(page);
});
afterAll(async () => h?.close());

describe('overview', () => {
  it('shows cost, clients and cost per client for the last year, in Dutch formats', async () => {
    await page.goto(`${h.base}/`);
    await ready();
    await expect(page.locator('h1').innerText()).resolves.toBe('Overzicht 2018');
    const api = (await (
      await page.request.get(`${h.base}/api/metrics/costs?from=2018-01-01&to=2018-12-31`)
    ).json()) as MetricResult;
    const cost = api.totals!.cost as number;
    expect(await tileText('cost')).toBe(
      new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 }).format(cost),
    );
    expect(await tileText('clients')).toBe(String(api.totals!.clients));
    expect(await page.locator('[data-tile="cost"] .tile-change').innerText()).toMatch(/^[+−]?\d+,\d % t\.o\.v\. vorig jaar$/);
    expect(await tileText('utilisation')).toMatch(/^\d+(,\d)? %$/);
    expect(await tileText('budget')).toMatch(/^€\s[\d.]+$/);
    await expect(page.locator('[data-tile="budget"] .tile-detail').innerText()).resolves.toMatch(/verwacht jaareinde €\s[\d.]+/);
    expect(await page.locator('[data-driver]').count()).toBe(3);
    // The per-youth tile: the same question as the per_youth analysis, in the same formats.
    const youths = (await (
      await page.request.get(`${h.base}/api/metrics/per_youth?from=2018-01-01&to=2018-12-31`)
    ).json()) as MetricResult;
    await expect(page.locator('[data-tile="per_youth"] .tile-label').innerText()).resolves.toBe('Jeugdigen met jeugdhulp');
    expect(await tileText('per_youth')).toBe(formatValue(youths.totals!.share_pct, 'pct'));
    await expect(page.locator('[data-tile="per_youth"] .tile-detail').innerText()).resolves.toBe(
      `van de inwoners van 0–17 jaar · ${formatValue(youths.totals!.cost_per_youth, 'eur')} per jeugdige inwoner`,
    );
    expect(youths.totals!.share_pct).toEqual(expect.any(Number));
  });

  it('puts a filter change in the URL and recomputes the figures', async () => {
    const before = await tileText('cost');
    await page.selectOption('#f-municipality', '1708');
    await ready();
    expect(query().get('municipality')).toBe('1708');
    expect(await tileText('cost')).not.toBe(before);
    expect(await page.locator('.question').innerText()).toContain('Steenwijkerland');
    // The URL alone restores the view (bookmark).
    await page.reload();
    await ready();
    await expect(page.locator('#f-municipality').inputValue()).resolves.toBe('1708');
  });

  it('links each tile to its page, keeping the filters', async () => {
    await page.click('[data-tile="cost"]');
    await ready();
    expect(new URL(page.url()).pathname).toBe('/kosten');
    expect(query().get('municipality')).toBe('1708');
  });
});

describe('analysis page', () => {
  it('drills down from a table row: the value becomes a filter and the split moves on', async () => {
    await page.goto(`${h.base}/kosten?split=provider&from=2018&to=2018`);
    await ready();
    const first = page.locator('table.data tbody button.link').first();
    const name = await first.innerText();
    await first.click();
    await ready();
    expect(query().get('provider')).toMatch(/^\d{8}$/);
    expect(query().get('split')).not.toContain('provider');
    await expect(page.locator('.chips').innerText()).resolves.toContain(`Aanbieder: ${name}`);
  });

  it('drills down with the keyboard too', async () => {
    await page.goto(`${h.base}/kosten?split=care_type&from=2018&to=2018`);
    await ready();
    await page.locator('table.data tbody button.link').first().focus();
    await page.keyboard.press('Enter');
    await ready();
    expect(query().get('care_type')).toBeTruthy();
  });

  it('shows the definition and the filters in force on demand', async () => {
    await page.goto(`${h.base}/kosten?municipality=0150&from=2017&to=2018`);
    await ready();
    const panel = page.locator('.definition');
    await expect(panel.isVisible()).resolves.toBe(false);
    await page.click('button.info');
    await expect(panel.innerText()).resolves.toContain('Periode: 01-01-2017 t/m 31-12-2018');
    await expect(panel.innerText()).resolves.toContain('Gemeente: Deventer');
    await expect(panel.innerText()).resolves.toMatch(/trajectdag/i);
  });

  it('opens the definition with Enter and closes it with Escape, focus back on its button', async () => {
    await page.goto(`${h.base}/kosten?from=2018&to=2018`);
    await ready();
    const button = page.locator('button.info');
    const panel = page.locator('.definition');
    await button.focus();
    await page.keyboard.press('Enter');
    await expect(panel.isVisible()).resolves.toBe(true);
    await expect(button.getAttribute('aria-expanded')).resolves.toBe('true');
    await page.keyboard.press('Escape');
    await expect(panel.isVisible()).resolves.toBe(false);
    await expect(button.getAttribute('aria-expanded')).resolves.toBe('false');
    await expect(button.evaluate((b) => b === document.activeElement)).resolves.toBe(true);
  });

  it('reaches the scrolling table with Tab, announced by name, and draws a 3:1 focus ring on white and on the menu', async () => {
    await page.goto(`${h.base}/kosten?split=provider&from=2018&to=2018`);
    await ready();
    await page.locator('button.info').focus();
    let reached = false;
    for (let i = 0; i < 60 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(() => document.activeElement?.classList.contains('table-wrap') ?? false);
    }
    expect(reached).toBe(true);
    const wrap = page.locator('.table-wrap');
    await expect(wrap.getAttribute('aria-label')).resolves.toBe('Tabel: Kosten en cliënten');
    const ring = await wrap.evaluate((el) => [getComputedStyle(el).outlineStyle, getComputedStyle(el).outlineColor]);
    expect(ring).toEqual(['solid', 'rgb(194, 106, 0)']);
    // #C26A00 against white (main) and #1b1f24 (menu), by the WCAG relative-luminance formula: 3.92:1 and 4.22:1.
    expect(contrast([194, 106, 0], [255, 255, 255])).toBeCloseTo(3.92, 2);
    const menu = await page.locator('.top').evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(menu).toBe('rgb(27, 31, 36)');
    expect(contrast([194, 106, 0], [27, 31, 36])).toBeCloseTo(4.22, 2);
  });

  it('adds a note that is shown as text and survives a reload', async () => {
    await page.goto(`${h.base}/kosten?municipality=0150&from=2018&to=2018`);
    await ready();
    const text = 'Stijging door sluiting van <b>aanbieder X</b>';
    await page.fill('#note-text', text);
    await page.click('text=Notitie opslaan');
    await page.waitForSelector('.note-text');
    await page.reload();
    await ready();
    const note = page.locator('.note-text').first();
    await note.waitFor();
    expect(await note.innerText()).toBe(text);
    expect(await page.locator('.notes b').count()).toBe(0);
  });

  it('exports the table as CSV with the same figures as the API', async () => {
    await page.goto(`${h.base}/kosten?split=care_type&from=2018&to=2018`);
    await ready();
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('text=Tabel als CSV')]);
    const csv = (await readFile((await download.path())!, 'utf8')).replace(/^\uFEFF/, '');
    const lines = csv
      .trim()
      .split(/\r\n/)
      .map((l) => l.split(';'));
    const api = (await (
      await page.request.get(`${h.base}/api/metrics/costs?from=2018-01-01&to=2018-12-31&split=care_type`)
    ).json()) as MetricResult;
    expect(lines[0]).toEqual(api.columns.map((c) => c.label));
    const costCol = api.columns.findIndex((c) => c.name === 'cost');
    const fromCsv = lines.slice(1, 1 + api.rows.length).map((l) => [l[0], Number(l[costCol].replace(',', '.'))]);
    // In the screen's order: care types largest cost first, as the chart draws them.
    const drawn = [...api.rows].sort((a, b) => Math.abs(Number(b.cost)) - Math.abs(Number(a.cost)));
    expect(fromCsv).toEqual(drawn.map((r) => [String(r.care_type), r.cost]));
    expect(lines.at(-1)![0]).toBe('Totaal');
  });

  it("shows the API's Dutch error message when a question is refused", async () => {
    await page.goto(`${h.base}/kosten?from=2019&to=2016`);
    await ready();
    await expect(page.locator('[role="alert"]').innerText()).resolves.toMatch(/ligt vóór/);
    await expect(axeFindings(page, 'foutmelding')).resolves.toEqual([]);
  });

  it('says in Dutch that a page has no analysis the URL names, instead of showing another', async () => {
    await page.goto(`${h.base}/kosten?view=kosten_per_maand`);
    await ready();
    expect(await page.locator('main h1').innerText()).toBe('Analyse niet gevonden');
    expect(await page.locator('main [role=alert]').innerText()).toContain("geen analyse 'kosten_per_maand'");
  });

  it('logs out, refuses a wrong password in Dutch, and logs in again', async () => {
    await page.goto(`${h.base}/`);
    await ready();
    await expect(page.locator('#user').innerText()).resolves.toContain('beheerder');
    await page.click('text=Uitloggen');
    await page.waitForSelector('form.login');
    await expect(axeFindings(page, 'inloggen')).resolves.toEqual([]);
    await page.fill('#login-name', ADMIN.name);
    await page.fill('#login-password', 'fout');
    await page.click('form.login button[type="submit"]');
    await page.waitForSelector('form.login [role="alert"]:not([hidden])');
    await expect(page.locator('form.login [role="alert"]').innerText()).resolves.toBe(
      'Onbekende gebruikersnaam of onjuist wachtwoord.',
    );
    await page.fill('#login-password', ADMIN.password);
    await page.click('form.login button[type="submit"]');
    await ready();
    await expect(page.locator('h1').innerText()).resolves.toMatch(/^Overzicht/);
  });

  it('shows an imported provider name with HTML in a chart tooltip as text, not as an element', async () => {
    const evil = '<img src=x onerror=alert(1)>';
    // Every provider gets such a name, so whichever bar the pointer is over, its tooltip shows one.
    await store.run(sql`UPDATE provider SET name = ${evil} || ' ' || agb`);
    let dialogs = 0;
    page.on('dialog', (d) => {
      dialogs++;
      void d.dismiss();
    });
    await page.goto(`${h.base}/kosten?split=provider&from=2018&to=2018`);
    await ready();
    const chart = page.locator('[_echarts_instance_]').first();
    const box = (await chart.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    const tooltip = chart.locator('div', { hasText: evil }).last();
    await tooltip.waitFor();
    expect(await tooltip.innerText()).toContain(evil);
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    expect(dialogs).toBe(0);
  });

  it('raised no uncaught errors in the page', () => {
    expect(h.errors).toEqual([]);
  });
});

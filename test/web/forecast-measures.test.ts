// The measures panel of Vooruitblik in a real browser: the region's register (the regional plan) as a table with the
// naive sum and the overlap warning, the scenario beside it, the tornado drawn, and a measure added through the form;
// Deventer's register with a measure on GP inflow run through its baseline, and a measure followed by its indicator.
// Checked with axe-core. Screenshots: /tmp/forecast-measures.png, /tmp/forecast-measures-monitor.png.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliActor } from '../../src/access/audit.ts';
import { PLAN_MEASURES } from '../../src/forecast/regional-plan.fixture.ts';
import { saveMeasure, seedMeasures } from '../../src/forecast/register.ts';
import { axeFindings, harness, type Harness, inkedPixels } from './harness.ts';
import { tinyRegion } from './region.ts';

let h: Harness;
let page: Page;

beforeAll(async () => {
  const store = await tinyRegion();
  await seedMeasures(store, cliActor(), null, PLAN_MEASURES);
  const measure = { description: '', owner: null, preparationMonths: null, investmentCents: 0, status: 'lopend' as const };
  await saveMeasure(store, cliActor(), {
    ...measure,
    municipality: '0150',
    name: 'Praktijkondersteuner jeugd bij de huisarts',
    start: null,
    indicator: null,
    mechanisms: [{ lever: { kind: 'inflow', referrer: '02' }, bands: [{ from: 2018, low: 1_000, high: 2_000 }] }],
  });
  await saveMeasure(store, cliActor(), {
    ...measure,
    municipality: '0150',
    name: 'Kostenbewaking',
    start: '2018-01-01',
    indicator: { metric: 'costs', column: 'cost' },
    mechanisms: [],
  });
  h = await harness(store);
  page = await h.page();
  await page.setViewportSize({ width: 1366, height: 768 });
  await h.login(page);
});
afterAll(async () => h?.close());

describe('measures panel', () => {
  it('shows the plan’s fifteen measures, the naive sum, the overlap warning, the scenario and the tornado', async () => {
    await page.goto(`${h.base}/vooruitblik`);
    await page.waitForSelector('#measures-table');
    await page.selectOption('#measures-year', '2021');
    await page.waitForSelector('#measures-table caption:has-text("2021")');
    expect(await page.locator('#measures-table tbody tr').count()).toBe(15);
    expect((await page.innerText('#measures-naive')).replace(/\u00a0/g, ' ')).toBe('€ 10.000.000 – € 63.000.000');
    expect(await page.innerText('#measures-overlap')).toContain('De maatregelen overlappen elkaar');
    expect(await page.locator('#measures-scenario tbody tr').count()).toBe(3);
    expect(await inkedPixels(page)).toBeGreaterThan(1000);
    await page.screenshot({ path: '/tmp/forecast-measures.png', fullPage: true });
  });

  it('adds a measure through the form', async () => {
    await page.fill('#measure-name', 'Praktijkondersteuner jeugd');
    await page.fill('#measure-low', '100000');
    await page.fill('#measure-high', '300000');
    await page.click('#measure-save');
    await page.waitForSelector('#measures-table tbody th >> text="Praktijkondersteuner jeugd"', { timeout: 10_000 });
    expect(await page.locator('#measures-table tbody tr').count()).toBe(16);
  });

  it('runs Deventer’s measure on GP inflow through Deventer’s baseline and follows a measure by its indicator', async () => {
    await page.goto(`${h.base}/vooruitblik?municipality=0150`);
    await page.waitForSelector('#measures-table');
    await page.selectOption('#measures-year', '2018');
    await page.waitForSelector('#measures-table caption:has-text("2018")');
    expect(await page.innerText('#measures-baseline')).toContain(
      'doorgerekend op de basislijn per zorgsoort, gemeente Deventer (basisjaar 2017, +2 % prijsindexatie per jaar)',
    );
    // The lever measure now counts: its band is more than nothing (the figures are pinned in src/forecast/scenario*.test.ts).
    const band = await page.innerText('#measures-table tbody tr:first-child td.num');
    expect(band).not.toMatch(/^€\s0 – €\s0$/);
    const item = page.locator('.monitor-item').first();
    // The panel draws again once the year is chosen: wait for the table's rows, not only for a table.
    await item.locator('.monitor-table tbody tr').nth(1).waitFor();
    expect(await item.locator('h4').innerText()).toBe('Kostenbewaking');
    expect(await item.locator('.monitor-sentence').innerText()).toMatch(
      /^Kosten is na de start \(01-01-2018\) (gestegen|gedaald) van .+ over 365 dagen vóór en 365 dagen na de start\./,
    );
    expect(await item.locator('.monitor-table tbody tr').count()).toBe(2);
    expect(await item.locator('canvas').count()).toBe(1);
    expect(await page.innerText('#measures-monitor')).toContain('Zonder indicator of startdatum: Praktijkondersteuner jeugd');
    await page.screenshot({ path: '/tmp/forecast-measures-monitor.png', fullPage: true });
  });

  it('adds a measure on a lever with an indicator through the form: GP inflow −5 to −10 %, the same baseline', async () => {
    await page.fill('#measure-name', 'Doorverwijzing huisarts');
    await page.selectOption('#measure-lever', 'inflow');
    await page.selectOption('#measure-referrer', '02');
    await page.fill('#measure-lever-low', '5');
    await page.fill('#measure-lever-high', '10');
    await page.fill('#measure-start', '2018-01-01');
    await page.selectOption('#measure-indicator', 'costs');
    await page.fill('#measure-indicator-column', 'cost_per_client');
    await page.click('#measure-save');
    const row = page.locator('#measures-table tbody tr', { hasText: 'Doorverwijzing huisarts' });
    await row.waitFor({ timeout: 10_000 });
    expect(await page.locator('#measures-table tbody tr').count()).toBe(3);
    // Half the band of the measure above (10–20 % of the same GP share): the same baseline, so exactly half.
    const euros = async (r: typeof row) =>
      (await r.locator('td.num').first().innerText()).split('–').map((t) => Number(t.replace(/[^\d]/g, '')));
    const poh = await euros(page.locator('#measures-table tbody tr', { hasText: 'Praktijkondersteuner' }));
    const [low, high] = await euros(row);
    expect(Math.abs(low! * 2 - poh[0]!)).toBeLessThanOrEqual(2);
    expect(Math.abs(high! * 2 - poh[1]!)).toBeLessThanOrEqual(2);
    // Its indicator is followed too.
    const followed = page.locator('.monitor-item', { hasText: 'Doorverwijzing huisarts' });
    await followed.locator('.monitor-table').waitFor();
    expect(await followed.locator('.monitor-sentence').innerText()).toMatch(/^Kosten per cliënt is na de start/);
  });

  it('axe-core finds nothing serious or critical', async () => {
    expect(await axeFindings(page, 'vooruitblik')).toEqual([]);
    expect(h.errors).toEqual([]);
  });
});

// The measures panel of Vooruitblik in a real browser: the region's register (the regional plan) as a table with the
// naive sum and the overlap warning, the scenario beside it, the tornado drawn, and a measure added through the form.
// Checked with axe-core. Screenshot: /tmp/forecast-measures.png.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliActor } from '../../src/access/audit.ts';
import { PLAN_MEASURES } from '../../src/forecast/regional-plan.fixture.ts';
import { seedMeasures } from '../../src/forecast/register.ts';
import { axeFindings, harness, type Harness, inkedPixels } from './harness.ts';
import { tinyRegion } from './region.ts';

let h: Harness;
let page: Page;

beforeAll(async () => {
  const store = await tinyRegion();
  await seedMeasures(store, cliActor(), null, PLAN_MEASURES);
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

  it('axe-core finds nothing serious or critical', async () => {
    expect(await axeFindings(page, 'vooruitblik')).toEqual([]);
    expect(h.errors).toEqual([]);
  });
});

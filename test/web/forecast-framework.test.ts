// The framework panel of the Vooruitblik page in a real browser: the framework per year for Steenwijkerland with the
// access-team cost line as its own column ("niet ingelezen" in a year without one), the unknown state contribution
// shown as "onbekend" with its reason (never 0), and the baseline drawn as lines that follow the chosen price index.
// Checked with axe-core.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../../src/store/index.ts';
import { axeFindings, harness, type Harness } from './harness.ts';
import { tinyRegion } from './region.ts';

let h: Harness;
let page: Page;
const ready = () => page.waitForSelector('main[data-ready]');

beforeAll(async () => {
  const store = await tinyRegion();
  await store.run(sql`INSERT INTO cost_line VALUES (2018, '1708', 'toegang', 'Jeugdteam', 1_234_500, 'f1')`);
  h = await harness(store);
  page = await h.page();
  await h.login(page);
});
afterAll(async () => h?.close());

describe('Vooruitblik: framework panel', () => {
  it('shows the framework with the cost line apart, and an unknown contribution as "onbekend" with its reason', async () => {
    await page.goto(`${h.base}/vooruitblik?municipality=1708`);
    await ready();
    await page.waitForSelector('table.framework');
    const headers = await page.locator('table.framework thead th').allInnerTexts();
    expect(headers).toContain('Toegang (eigen personeel)');
    const row2018 = page.locator('table.framework tbody tr', { hasText: '2018' });
    expect(await row2018.locator('td').nth(4).innerText()).toBe('onbekend');
    expect(await row2018.locator('td').nth(4).getAttribute('title')).toContain('Rijksbijdrage 2018 is niet bekend');
    expect(await row2018.locator('td').nth(7).innerText()).toMatch(/12\.345/);
    // 2017 has invoices but no access-team line: that part is "niet ingelezen" (never € 0), so the realised is unknown.
    const row2017 = page.locator('table.framework tbody tr', { hasText: '2017' });
    expect(await row2017.locator('td').nth(7).innerText()).toBe('niet ingelezen');
    expect(await row2017.locator('td').nth(7).getAttribute('title')).toContain(
      'Kostenregel toegang (eigen personeel) 2017 niet ingelezen voor 1708',
    );
    expect(await row2017.locator('td').nth(8).innerText()).toBe('onbekend');
  });

  it('draws the baseline and redraws it for another price index', async () => {
    await page.waitForSelector('.baseline-part table.baseline, .baseline-part p');
    expect(await page.locator('.baseline-part .chart canvas').count()).toBe(1);
    const before = await page.locator('.baseline-part').innerText();
    await page.fill('#baseline-index', '5');
    await page.dispatchEvent('#baseline-index', 'change');
    await page.waitForFunction((b) => (document.querySelector('.baseline-part') as HTMLElement | null)?.innerText !== b, before);
    expect(await page.locator('.baseline-part').innerText()).not.toBe(before);
    await page.screenshot({ path: '/tmp/forecast-framework.png', fullPage: true });
  });

  it('axe-core finds nothing serious or critical', async () => {
    expect(await axeFindings(page, 'vooruitblik')).toEqual([]);
  });
});

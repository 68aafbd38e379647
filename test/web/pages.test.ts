// Every page of the dashboard renders something a person can read: a screenshot per page (kept in
// test-results/web/ to look at) and a check that its chart canvas has drawn pixels or its table has rows.
import { mkdir } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeFindings, blankness, harness, inkedPixels, offeredViews, type Harness } from './harness.ts';
import { tinyRegion } from './region.ts';

const OUT = 'test-results/web';
let h: Harness;
let page: Page;
/** axe-core's serious and critical findings, gathered while walking the views (WCAG 2.2 AA). */
const axe: string[] = [];

beforeAll(async () => {
  h = await harness(await tinyRegion());
  page = await h.page();
  await h.login(page);
  await mkdir(OUT, { recursive: true });
});
afterAll(async () => h?.close());

async function shoot(path: string, name: string): Promise<Buffer> {
  await page.goto(`${h.base}${path}`);
  await page.waitForSelector('main[data-ready]');
  await page.waitForTimeout(400); // let the chart's entry animation settle before the picture
  return page.screenshot({ path: `${OUT}/${name}.png`, fullPage: true });
}

describe('every page renders', () => {
  it('overview: tiles with figures', async () => {
    const png = await shoot('/', 'overzicht');
    axe.push(...(await axeFindings(page, 'overzicht')));
    expect(await page.locator('.tile-value').count()).toBeGreaterThanOrEqual(3);
    expect(png.length).toBeGreaterThan(20_000);
  });

  it('import status: files, counts and quarantine', async () => {
    await shoot('/import', 'import');
    axe.push(...(await axeFindings(page, 'import')));
    expect(await page.locator('table.data tbody tr').count()).toBeGreaterThan(10);
    await expect(page.locator('main').innerText()).resolves.toContain('BSN voldoet niet aan de elfproef');
  });

  it('each analysis page the catalogue offers: chart drawn, table filled', async () => {
    // Every view of every page whose metric the server has (a page's first view is its default).
    const offered = await offeredViews(page, h.base);
    expect(offered.length).toBeGreaterThan(0);
    const blank: string[] = [];
    for (const v of offered) {
      await shoot(v.first ? `/${v.slug}` : `/${v.slug}?view=${v.metric}`, v.name);
      const why = await blankness(page, v.name, v.drawn);
      if (why) blank.push(why);
      axe.push(...(await axeFindings(page, v.name)));
    }
    expect(blank).toEqual([]);
  }, 240_000);

  it('costs split two ways (grouped bars) and by many providers (horizontal bars)', async () => {
    await shoot('/kosten?split=care_type,year', 'kosten-zorgsoort-jaar');
    expect(await inkedPixels(page)).toBeGreaterThan(2_000);
    await shoot('/kosten?split=provider,care_type&from=2018&to=2018', 'kosten-aanbieder-zorgsoort');
    expect(await inkedPixels(page)).toBeGreaterThan(2_000);
  });

  it('saves the chart as a PNG', async () => {
    await shoot('/kosten', 'kosten');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('text=Grafiek als PNG')]);
    expect(download.suggestedFilename()).toBe('costs.png');
    const stream = await download.createReadStream();
    const chunks: Buffer[] = [];
    for await (const c of stream) chunks.push(c as Buffer);
    const png = Buffer.concat(chunks);
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(png.length).toBeGreaterThan(10_000);
  });

  it('axe-core finds nothing serious or critical on any view (WCAG 2.2 AA)', () => {
    expect(axe).toEqual([]);
  });

  it('raised no uncaught errors in the page', () => {
    expect(h.errors).toEqual([]);
  });
});

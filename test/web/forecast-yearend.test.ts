// The Vooruitblik page's year-end panel in a real browser over the tiny region: the nav link, the sentence, the fan
// chart and the table's total, which is the API's forecast.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { YearEndView } from '../../src/forecast/yearend-view.ts';
import type { Store } from '../../src/store/index.ts';
import { axeFindings, harness, type Harness } from './harness.ts';
import { tinyRegion } from './region.ts';

let h: Harness;
let page: Page;
let store: Store;

beforeAll(async () => {
  store = await tinyRegion();
  h = await harness(store);
  page = await h.page();
  await h.login(page);
});
afterAll(async () => h?.close());

const euros = (cents: number) =>
  new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 })
    .format(Math.round(cents / 100))
    .replace(/\s/g, ' ');
const plain = (s: string) => s.replace(/\s/g, ' ');

describe('Vooruitblik: verwacht jaareinde', () => {
  it('is reached from the nav and shows the forecast of the API as sentence, fan chart and table', async () => {
    await page.goto(`${h.base}/`);
    await page.waitForSelector('main[data-ready]');
    await page.click('nav a:text("Vooruitblik")');
    await page.waitForSelector('main[data-ready] [data-panel="yearend"] h2');
    expect(new URL(page.url()).pathname).toBe('/vooruitblik');
    const api = (await (await page.request.get(`${h.base}/api/forecast/yearend`)).json()) as YearEndView;
    const panel = page.locator('[data-panel="yearend"]');
    await expect(panel.locator('h2').innerText()).resolves.toBe(`Verwacht jaareinde ${api.year}, de regio`);
    const sentence = plain(await panel.locator('[data-sentence]').innerText());
    expect(sentence).toMatch(new RegExp(`^Naar verwachting komen de kosten over ${api.year} uit op €`));
    // The total row: invoiced … expected as the API computed them.
    const total = (await panel.locator('tfoot td').allInnerTexts()).map(plain);
    // The four parts add up to the expected cost.
    expect(total.slice(0, 5)).toEqual(
      [
        api.total.invoicedCents,
        api.total.notYetInvoicedCents,
        api.total.runningCents,
        api.total.inflowCents,
        api.total.centralCents,
      ].map(euros),
    );
    expect(await panel.locator('tbody tr').count()).toBe(api.rows.length);
    expect(await panel.locator('.chart canvas').count()).toBe(1);
    expect(await axeFindings(page, 'vooruitblik')).toEqual([]);
  });

  it('splits per team on request, kept in the URL', async () => {
    await page.selectOption('#yearend-per', 'team');
    await page.waitForSelector('main[data-ready] [data-panel="yearend"] th:text("Team")');
    expect(new URL(page.url()).searchParams.get('p.per')).toBe('team');
    const api = (await (await page.request.get(`${h.base}/api/forecast/yearend?per=team`)).json()) as YearEndView;
    expect(await page.locator('[data-panel="yearend"] tbody tr').count()).toBe(api.rows.length);
  });

  it('follows the municipality filter', async () => {
    await page.goto(`${h.base}/vooruitblik?municipality=1708`);
    await page.waitForSelector('main[data-ready] [data-panel="yearend"] h2');
    await expect(page.locator('[data-panel="yearend"] h2').innerText()).resolves.toMatch(/Steenwijkerland$/);
    expect(h.errors).toEqual([]);
  });
});

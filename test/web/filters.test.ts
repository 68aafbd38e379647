// The filter bar on a laptop screen (1366×768) in a real browser: the chart is in view under a sticky bar, the provider
// search narrows its list, arrow keys in a select do not reload, the period drives the overview, and a one-municipality
// analyst starts on their municipality.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { addUser } from '../../src/access/users.ts';
import { cliActor } from '../../src/access/audit.ts';
import type { MetricResult } from '../../src/metrics/types.ts';
import type { Store } from '../../src/store/index.ts';
import { axeFindings, harness, inkedPixels, type Harness } from './harness.ts';
import { tinyRegion } from './region.ts';

const LAPTOP = { width: 1366, height: 768 };
const ANALYST = { name: 'analist1708', password: 'filterbalk-test-wachtwoord' };
let h: Harness;
let store: Store;
let context: BrowserContext;
let page: Page;

const ready = () => page.waitForSelector('main[data-ready]');
const query = () => new URL(page.url()).searchParams;
const focusedId = () => page.evaluate(() => document.activeElement?.id ?? '');
const costTile = () => page.locator('[data-tile="cost"] .tile-value').innerText();
const eur = (n: number) =>
  new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 }).format(n);

async function login(p: Page, account: { name: string; password: string }) {
  await p.goto(h.base);
  await p.fill('#login-name', account.name);
  await p.fill('#login-password', account.password);
  await p.click('form.login button[type="submit"]');
  await p.waitForSelector('main[data-ready]');
}

/** A screenshot of the laptop screen, kept in /tmp to look at; its size tells a blank page from a drawn one. */
async function shot(p: Page, name: string): Promise<number> {
  await p.waitForTimeout(400); // let the chart's entry animation settle before the picture
  return (await p.screenshot({ path: `/tmp/filters-${name}.png` })).length;
}

beforeAll(async () => {
  store = await tinyRegion();
  await addUser(
    store,
    cliActor(),
    { name: ANALYST.name, role: 'analyst', municipalities: ['1708'], provider: null, team: null },
    ANALYST.password,
  );
  h = await harness(store);
  context = await h.browser.newContext({ viewport: LAPTOP, locale: 'nl-NL', timezoneId: 'Europe/Amsterdam' });
  page = await context.newPage();
  page.on('pageerror', (e) => h.errors.push(String(e)));
  await login(page, { name: 'beheerder', password: 'dashboard-test-wachtwoord' });
});
afterAll(async () => h?.close());

describe('the filter bar at 1366×768', () => {
  it('leaves the chart of an analysis page in view, and stays at the top when scrolling', async () => {
    await page.goto(`${h.base}/kosten`);
    await ready();
    const bar = (await page.locator('#filters').boundingBox())!;
    const chart = (await page.locator('.chart').boundingBox())!;
    expect(bar.y).toBeGreaterThanOrEqual(0);
    expect(bar.height).toBeLessThan(90);
    expect(chart.y).toBeLessThan(LAPTOP.height - 250);
    expect(await inkedPixels(page)).toBeGreaterThan(2_000);
    expect(await shot(page, 'analysis')).toBeGreaterThan(20_000);
    await page.mouse.wheel(0, 600);
    await page.waitForFunction(() => scrollY > 100);
    const stuck = (await page.locator('#filters').boundingBox())!;
    expect(Math.round(stuck.y)).toBe(0);
    expect(await shot(page, 'scrolled')).toBeGreaterThan(20_000);
    expect(await axeFindings(page, 'kosten')).toEqual([]);
  });

  it('at 125 % display scaling too, part of the chart is above the fold', async () => {
    // 1366×768 at 125 % is a CSS viewport of 1093×614.
    const zoomed = await h.browser.newContext({
      viewport: { width: 1093, height: 614 },
      deviceScaleFactor: 1.25,
      locale: 'nl-NL',
      timezoneId: 'Europe/Amsterdam',
    });
    const p = await zoomed.newPage();
    await login(p, { name: 'beheerder', password: 'dashboard-test-wachtwoord' });
    await p.goto(`${h.base}/kosten`);
    await p.waitForSelector('main[data-ready]');
    const size = await shot(p, 'analysis-125');
    const chart = (await p.locator('.chart').boundingBox())!;
    expect(chart.y).toBeLessThan(614 - 120);
    expect(size).toBeGreaterThan(20_000);
    await zoomed.close();
  });

  it('narrows the provider list as the user types, and applies the choice when the list closes', async () => {
    await page.goto(`${h.base}/kosten?from=2018&to=2018`);
    await ready();
    await page.click('#f-more-toggle');
    await page.click('#f-provider-button');
    await expect(focusedId()).resolves.toBe('f-provider-search');
    const shown = () => page.locator('#f-provider-list li:not([hidden])').count();
    expect(await shown()).toBe(4);
    await page.keyboard.type('kind');
    expect(await shown()).toBe(1);
    await expect(page.locator('#f-provider-list li:not([hidden])').innerText()).resolves.toContain('Kindkracht');
    expect(query().get('provider')).toBeNull(); // nothing applied while typing
    expect(await shot(page, 'provider-search')).toBeGreaterThan(20_000);
    expect(await axeFindings(page, 'aanbieder zoeken')).toEqual([]);
    await page.keyboard.press('Enter'); // ticks the match
    await page.keyboard.press('Escape'); // closes and applies
    await ready();
    expect(query().get('provider')).toBe('22222222');
    await expect(focusedId()).resolves.toBe('f-provider-button');
    await expect(page.locator('#f-provider-button').innerText()).resolves.toContain('Kindkracht');
  });

  it('does not reload on arrow keys or typed digits in a select; applies on Enter or leaving it, focus kept', async () => {
    await page.goto(`${h.base}/kosten?from=2016&to=2018`);
    await ready();
    const before = page.url();
    await page.focus('#f-to');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    expect(page.url()).toBe(before);
    await expect(focusedId()).resolves.toBe('f-to');
    await page.keyboard.press('Enter');
    await ready();
    expect(query().get('to')).toBe('2016');
    await expect(focusedId()).resolves.toBe('f-to');
    // Typing a year goes to that year (not to the first that starts with its first digit) and applies on Tab.
    await page.focus('#f-from');
    await page.keyboard.type('2017');
    expect(query().get('from')).toBe('2016');
    await page.keyboard.press('Tab');
    await ready();
    expect(query().get('from')).toBe('2017');
    expect(query().get('to')).toBe('2017');
  });
});

describe('the period drives the overview', () => {
  const apiCost = async (from: string, to: string) =>
    ((await (await page.request.get(`${h.base}/api/metrics/costs?from=${from}&to=${to}`)).json()) as MetricResult).totals!
      .cost as number;

  it('follows "Van", a quarter and year-to-date, with the figures of the API', async () => {
    await page.goto(`${h.base}/`);
    await ready();
    await expect(page.locator('h1').innerText()).resolves.toBe('Overzicht 2018');
    await page.selectOption('#f-from', '2017');
    await ready();
    await expect(page.locator('h1').innerText()).resolves.toBe('Overzicht 2017–2018');
    expect(await costTile()).toBe(eur(await apiCost('2017-01-01', '2018-12-31')));
    await page.selectOption('#f-period-kind', 'quarter');
    await ready();
    expect(query().get('period')).toMatch(/^2018-Q[1-4]$/);
    const q = Number(query().get('period')!.slice(-1));
    await expect(page.locator('h1').innerText()).resolves.toBe(`Overzicht ${q}e kwartaal 2018`);
    const from = `2018-${String(q * 3 - 2).padStart(2, '0')}-01`;
    const to = new Date(Date.UTC(2018, q * 3, 0)).toISOString().slice(0, 10);
    expect(await costTile()).toBe(eur(await apiCost(from, to)));
    await page.selectOption('#f-period-kind', 'ytd');
    await ready();
    expect(query().get('period')).toBe('ytd');
    await expect(page.locator('h1').innerText()).resolves.toMatch(/^Overzicht 2018/);
    expect(await shot(page, 'overview-ytd')).toBeGreaterThan(20_000);
    expect(await axeFindings(page, 'overzicht')).toEqual([]);
  });
});

describe('a one-municipality analyst', () => {
  it('starts on their municipality and reads its name', async () => {
    const own = await h.browser.newContext({ viewport: LAPTOP, locale: 'nl-NL', timezoneId: 'Europe/Amsterdam' });
    const p = await own.newPage();
    await login(p, ANALYST);
    expect(new URL(p.url()).searchParams.get('municipality')).toBe('1708');
    await expect(p.locator('#f-municipality').inputValue()).resolves.toBe('1708');
    await expect(p.locator('#f-municipality option').allInnerTexts()).resolves.toEqual(['Steenwijkerland']);
    const question = await p.locator('.question').innerText();
    expect(question).toContain('Steenwijkerland');
    expect(question).not.toContain('hele regio');
    await p.waitForTimeout(400);
    expect((await p.screenshot({ path: '/tmp/filters-analyst.png' })).length).toBeGreaterThan(20_000);
    await own.close();
  });

  it('raised no uncaught errors in the page', () => {
    expect(h.errors).toEqual([]);
  });
});

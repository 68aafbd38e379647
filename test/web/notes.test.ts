// Notes page, note periods, saved views and print in a real browser (Debian chromium via playwright-core): a note on a
// comparing view is stored for the year shown, the notes page lists notes, a saved view reopens from its link (narrowed
// for a municipal analyst), and in print media no menu, filter bar or button is on paper but the filters in words and
// the coverage line are, with charts and tables within an A4 portrait page. Screenshots go to /tmp/notes-*.png.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { cliActor } from '../../src/access/audit.ts';
import { addUser } from '../../src/access/users.ts';
import type { Store } from '../../src/store/index.ts';
import { axeFindings, harness, inkedPixels, type Harness } from './harness.ts';
import { PAGES } from '../../web/src/pages/catalog.ts';
import { tinyRegion } from './region.ts';

const ANALYST = { name: 'analist0150', password: 'analist-test-wachtwoord' };
/** A4 portrait's printable width at 96 CSS pixels per inch, with the 12 mm side margins of the print style. */
const A4_CONTENT_PX = Math.floor(((210 - 2 * 12) / 25.4) * 96);

let h: Harness;
let page: Page;
let store: Store;
const axe: string[] = [];

const ready = (p: Page = page) => p.waitForSelector('main[data-ready]');
async function open(path: string, p: Page = page): Promise<void> {
  await p.goto(`${h.base}${path}`);
  await ready(p);
}

beforeAll(async () => {
  store = await tinyRegion();
  await addUser(
    store,
    cliActor(),
    { name: ANALYST.name, role: 'analyst', municipalities: ['0150'], provider: null, team: null },
    ANALYST.password,
  );
  h = await harness(store);
  page = await h.page();
  await page.setViewportSize({ width: 1366, height: 768 });
  await h.login(page);
});
afterAll(async () => h?.close());

describe('notes', () => {
  it('stores a note on a comparing view for the year shown, not with the year before it asks for', async () => {
    await open('/kosten?view=costs_yoy&municipality=0150&from=2018&to=2018');
    await page.fill('#note-text', 'Stijging door nieuwe inkoop');
    await page.click('text=Notitie opslaan');
    await page.waitForSelector('.notes .note-text');
    const { notes } = await (await page.request.get(`${h.base}/api/notes?metric=costs_yoy`)).json();
    expect(notes.map((n: { period_from: string; period_to: string }) => [n.period_from, n.period_to])).toEqual([
      ['2018-01-01', '2018-12-31'],
    ]);
    expect(await page.locator('.notes .note-meta').innerText()).toContain('over 01-01-2018 t/m 31-12-2018');
  });

  it('lists every note on the notes page, filtered by analysis and municipality', async () => {
    await open('/kosten?municipality=1708&from=2017&to=2017');
    await page.fill('#note-text', 'Steenwijk: wachtlijst opgelost');
    await page.click('text=Notitie opslaan');
    await page.waitForSelector('.notes .note-text');
    // The menu link keeps the filters chosen, like every page's.
    await page.click('.top nav >> text=Notities');
    await ready();
    expect(new URL(page.url()).pathname).toBe('/notities');
    const texts = () => page.locator('.notes-page .note-text').allInnerTexts();
    expect(await texts()).toEqual(['Steenwijk: wachtlijst opgelost']);
    await open('/notities');
    expect(await texts()).toEqual(['Steenwijk: wachtlijst opgelost', 'Stijging door nieuwe inkoop']);
    await page.screenshot({ path: '/tmp/notes-notities.png', fullPage: true });
    axe.push(...(await axeFindings(page, 'notities')));
    await page.selectOption('#notes-metric', 'costs_yoy');
    await ready();
    expect(await texts()).toEqual(['Stijging door nieuwe inkoop']);
    await open('/notities?municipality=1708');
    expect(await texts()).toEqual(['Steenwijk: wachtlijst opgelost']);
    // Each note links to its analysis on its municipality and years.
    await page.click('.notes-page >> text=Naar Kosten');
    await ready();
    expect(new URL(page.url()).search).toBe('?municipality=1708&from=2017&to=2017');
  });
});

describe('saved views', () => {
  let link: string;

  it('saves the current view under a name and reopens it from its link', async () => {
    await open('/kosten?municipality=0150,1708&from=2017&to=2018&split=municipality');
    const asShown = (url: string) => `${new URL(url).pathname}?${new URL(url).searchParams}`;
    const shown = asShown(page.url());
    await page.click('.views-menu summary');
    await page.fill('#view-name', 'Twee gemeenten 2017–2018');
    await page.click('.view-form button[type="submit"]');
    await page.waitForSelector('.views-status a');
    link = (await page.locator('.views-status a').getAttribute('href'))!;
    expect(link).toMatch(/^\/weergave\/[A-Za-z0-9_-]{22}$/);
    expect(await page.locator('.views-list .view-link').allInnerTexts()).toEqual(['Twee gemeenten 2017–2018']);
    await page.screenshot({ path: '/tmp/notes-weergaven.png' });
    axe.push(...(await axeFindings(page, 'weergaven-menu')));
    await open('/');
    await open(link);
    await page.waitForURL((u) => u.pathname === '/kosten');
    await ready();
    expect(asShown(page.url())).toBe(shown);
    expect(await page.locator('.notice').count()).toBe(0);
  });

  it("opens the same link for a municipal analyst narrowed to their municipality, and lists only the analyst's own views", async () => {
    const context = await h.browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'nl-NL' });
    const other = await context.newPage();
    await h.login(other, ANALYST);
    await open(link, other);
    await other.waitForURL((u) => u.pathname === '/kosten');
    await ready(other);
    expect(new URL(other.url()).search).toBe('?municipality=0150&from=2017&to=2018&split=municipality');
    expect(await other.locator('.notice').innerText()).toBe(
      'Deze weergave is beperkt tot wat u mag zien: gemeente 1708 is weggelaten.',
    );
    await other.screenshot({ path: '/tmp/notes-weergave-beperkt.png' });
    await other.click('.views-menu summary');
    await expect(other.locator('.views-list').innerText()).resolves.toBe('Nog geen bewaarde weergaven.');
    await context.close();
  });

  it('keeps a quarter chosen in the period picker, not the years around it', async () => {
    await open('/kosten?municipality=0150&period=2018-Q2');
    await page.click('.views-menu summary');
    await page.fill('#view-name', 'Deventer tweede kwartaal');
    await page.click('.view-form button[type="submit"]');
    await page.waitForSelector('.views-status a');
    const quarter = (await page.locator('.views-status a').getAttribute('href'))!;
    await open('/');
    await open(quarter);
    await page.waitForURL((u) => u.pathname === '/kosten');
    await ready();
    expect(new URL(page.url()).search).toBe('?municipality=0150&period=2018-Q2');
  });
});

describe('print', () => {
  it('prints every page without menu, filters or buttons, with the filters in words and the coverage line, within A4', async () => {
    const { through } = await (await page.request.get(`${h.base}/api/coverage`)).json();
    const month = new Intl.DateTimeFormat('nl-NL', { month: 'long', year: 'numeric' }).format(
      new Date(Number(through.slice(0, 4)), Number(through.slice(5)) - 1, 1),
    );
    const pages = [
      ['overzicht', '/'],
      ['kosten', '/kosten?municipality=0150&from=2017&to=2018&split=year'],
      ['notities', '/notities'],
      ['import', '/import'],
      ...PAGES.filter((p) => p.slug !== 'kosten').map((p) => [p.slug, `/${p.slug}`]),
    ];
    // On screen: the coverage line on every page.
    for (const [, path] of pages) {
      await open(path);
      await expect(page.locator('.coverage strong').innerText()).resolves.toBe(`Gegevens t/m ${month}`);
    }
    await page.emulateMedia({ media: 'print' });
    await page.setViewportSize({ width: A4_CONTENT_PX, height: 1100 });
    const problems: string[] = [];
    for (const [name, path] of pages) {
      await open(path);
      await page.waitForTimeout(300); // let the chart settle at the narrower width before the picture
      if (await page.locator('.top nav').isVisible()) problems.push(`${name}: menu zichtbaar`);
      if (await page.locator('#filters').isVisible()) problems.push(`${name}: filterbalk zichtbaar`);
      // Drill-down buttons in tables print as the plain values they are.
      const visibleControls = await page.evaluate(
        () =>
          Array.from(document.querySelectorAll('button, select, .views-menu')).filter(
            (e) => !e.closest('table') && e.getClientRects().length > 0,
          ).length,
      );
      if (visibleControls) problems.push(`${name}: ${visibleControls} knoppen of keuzelijsten zichtbaar`);
      if (!(await page.locator('.coverage').isVisible())) problems.push(`${name}: geen dekkingsregel`);
      if (!(await page.locator('.print-head').isVisible())) problems.push(`${name}: geen kop`);
      if (name !== 'import' && !(await page.locator('.print-filters').isVisible()))
        problems.push(`${name}: geen filters in woorden`);
      if (name === 'kosten' && (await inkedPixels(page)) < 2_000) problems.push(`${name}: geen grafiek`);
      const widest = await page.evaluate(() =>
        Math.max(
          document.documentElement.scrollWidth,
          ...Array.from(document.querySelectorAll('main canvas, main table')).map((e) => e.getBoundingClientRect().right),
        ),
      );
      if (widest > A4_CONTENT_PX) problems.push(`${name}: ${widest} px breed`);
      await page.screenshot({ path: `/tmp/notes-print-${name}.png`, fullPage: true });
    }
    expect(problems).toEqual([]);
    await open('/kosten?municipality=0150&from=2017&to=2018&split=year');
    expect(await page.locator('.print-filters').innerText()).toBe(
      'Periode: 2017 t/m 2018 · Gemeente: Deventer · Uitgesplitst naar: jaar',
    );
    await page.emulateMedia({ media: 'screen' });
    await page.setViewportSize({ width: 1366, height: 768 });
  }, 300_000);

  it('axe-core finds nothing serious or critical on the notes page and the views menu', () => {
    expect(axe).toEqual([]);
  });
});

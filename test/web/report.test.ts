// The council report from the dashboard in a real browser (Debian chromium via playwright-core): the filter bar's
// "Rapport" opens the report page prefilled from the filters (the chosen municipality, the period's last year, the year
// before), an introduction is saved and appears in the HTML report opened in a new tab, and the PDF downloads. The
// page is checked with axe-core at 1366×768. Screenshot: /tmp/report-page.png.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeFindings, harness, type Harness } from './harness.ts';
import { tinyRegion } from './region.ts';

let h: Harness;
let page: Page;

const ready = () => page.waitForSelector('main[data-ready]');
const INTRODUCTION = 'In 2018 groeide de jeugdhulp in Steenwijkerland; deze brief licht dat toe.';

beforeAll(async () => {
  h = await harness(await tinyRegion());
  page = await h.page();
  await page.setViewportSize({ width: 1366, height: 768 });
  await h.login(page);
});
afterAll(async () => h?.close());

describe('report page', () => {
  it('opens from the filter bar prefilled with the municipality, the last year and the year before', async () => {
    await page.goto(`${h.base}/kosten?municipality=1708&from=2017&to=2018`);
    await ready();
    await page.click('#f-report');
    await ready();
    expect(new URL(page.url()).pathname).toBe('/rapport');
    expect(await page.inputValue('#report-municipality')).toBe('1708');
    expect(await page.inputValue('#report-year')).toBe('2018');
    expect(await page.inputValue('#report-compare')).toBe('2017');
    expect(await page.inputValue('#report-through')).toBe('');
    expect(await page.getAttribute('#report-view', 'href')).toBe('/api/report?gemeente=1708&jaar=2018&vergelijk=2017');
  });

  it('saves an introduction, with a Dutch confirmation, and loads it again', async () => {
    await page.fill('#report-introduction', INTRODUCTION);
    await page.fill('#report-conclusions', 'De groei vraagt om bijsturing.');
    await page.click('#report-save');
    await page.waitForSelector('#report-texts-status:has-text("opgeslagen")');
    expect(await page.innerText('#report-texts-status')).toBe(
      'De inleiding en conclusies zijn opgeslagen; ze staan in het rapport.',
    );
    await page.reload();
    await ready();
    await page.waitForSelector('#report-texts-status:has-text("Laatst bewaard door")');
    expect(await page.inputValue('#report-introduction')).toBe(INTRODUCTION);
    await page.screenshot({ path: '/tmp/report-page.png', fullPage: true });
  });

  it('axe-core finds nothing serious or critical on the report page', async () => {
    expect(await axeFindings(page, 'rapport')).toEqual([]);
  });

  it('opens the HTML report in a new tab, with its title and the introduction', async () => {
    const [tab] = await Promise.all([page.waitForEvent('popup'), page.click('#report-view')]);
    await tab.waitForLoadState('load');
    expect(await tab.title()).toBe('Jeugdhulp in Steenwijkerland 2018');
    expect(await tab.locator('body').innerText()).toContain(INTRODUCTION);
    await tab.close();
  });

  it('downloads the PDF', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#report-pdf')]);
    expect(download.suggestedFilename()).toBe('rapport-steenwijkerland-2018.pdf');
    const bytes = readFileSync((await download.path())!);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('raised no script errors', () => {
    expect(h.errors).toEqual([]);
  });
});

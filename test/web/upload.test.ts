// "Gegevens inlezen" in the browser: the administrator finds the page in the menu, uploads an iJw message, saves a
// column mapping and uploads a CSV with it, and sees what was read and what went to quarantine; axe-core finds nothing
// serious on the page.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureStore } from '../../src/api/fixture.ts';
import { BSN, jw301 } from '../ingest/ijw-messages.ts';
import { axeFindings, type Harness, harness } from './harness.ts';

let h: Harness;
let page: Page;

beforeAll(async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'roer-web-upload-'));
  h = await harness(await fixtureStore(), { upload: { secret: Buffer.alloc(32, 7), dataDir } });
  page = await h.page();
  await h.login(page);
});
afterAll(async () => h?.close());

const MESSAGE = jw301({ afzender: '0150', ontvanger: '11110001', id: 'W1', date: '2026-01-05' }, BSN.a, [
  { no: '1', cat: '45', code: '45A03', date: '2026-01-05', time: '10:00:00', start: '2026-01-01', omvang: [2, '04', '2'] },
]);
const MAPPING = {
  source: 'Financieel systeem',
  tables: [{ kind: 'budgets', files: 'budget*.csv', columns: { year: 'Jaar', municipality: 'Gemeente', amount: 'Bedrag' } }],
};

/** Uploads `name` through the form and waits for the result. */
async function uploadFile(name: string, content: string, mapping = ''): Promise<void> {
  await page.setInputFiles('#upload-file', { name, mimeType: 'application/octet-stream', buffer: Buffer.from(content) });
  await page.selectOption('#upload-mapping', mapping);
  await page.click('form.upload-form button[type="submit"]');
  await page.waitForFunction(
    (n) => document.querySelector('[role="status"][aria-live]')?.textContent?.startsWith(`${n} is`),
    name,
  );
}

const rows = (caption: string) =>
  page
    .locator('table.data', { has: page.locator('caption', { hasText: caption }) })
    .locator('tbody tr')
    .allInnerTexts();

describe('Gegevens inlezen', () => {
  it('is in the menu of the administrator', async () => {
    await page.click('nav a:has-text("Gegevens inlezen")');
    await page.waitForSelector('main[data-ready] #upload-file');
    expect(await page.title()).toBe('Gegevens inlezen — Roer');
    expect(await page.getAttribute('nav a[href="/inlezen"]', 'aria-current')).toBe('page');
  });

  it('uploads an iJw message and shows what was read', async () => {
    await uploadFile('toewijzing.xml', MESSAGE);
    expect(await rows('Uitkomst per bestand')).toEqual(['toewijzing.xml\tJW301\tingelezen\t1\t1\t0\t0\t–']);
    expect(await page.locator('.upload-result p').innerText()).toBe('Geen records in quarantaine.');
  });

  it('saves a column mapping, uploads a CSV with it and lists the quarantined record', async () => {
    await page.click('details.upload-mapping summary');
    await page.fill('#mapping-name', 'financieel');
    await page.fill('#mapping-json', JSON.stringify(MAPPING));
    await page.click('details.upload-mapping button[type="submit"]');
    await page.waitForSelector('details.upload-mapping [role="status"]:has-text("is opgeslagen")');
    await uploadFile('budget-2026.csv', 'Jaar;Gemeente;Bedrag\n2026;0150;€ 1.000.000\n2026;0150;veel\n', 'financieel');
    expect(await rows('Uitkomst per bestand')).toEqual(['budget-2026.csv\tbudgets\tingelezen\t2\t1\t0\t1\t–']);
    expect(await rows('Records in quarantaine')).toEqual([
      'budget-2026.csv\t3\tBedrag\tgeen geldig bedrag (euro, hooguit twee decimalen): "veel"',
    ]);
  });

  it('axe-core finds nothing serious or critical on the page with its results', async () => {
    expect(await axeFindings(page, 'inlezen')).toEqual([]);
  });

  it('raised no uncaught errors in the page', () => {
    expect(h.errors).toEqual([]);
  });
});

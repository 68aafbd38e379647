// The printer keeps one chromium for many PDFs, starts a new one after closing or after chromium dies, and says in
// Dutch when chromium is missing.
import { afterEach, describe, expect, it } from 'vitest';
import { SMALL_REPORT } from '../../test/fixtures/report/small.ts';
import { ChromiumMissingError, launchChromium } from '../chromium.ts';
import { renderHtml } from './html.ts';
import { Printer } from './printer.ts';

const html = renderHtml(SMALL_REPORT);
const isPdf = (bytes: Uint8Array) => Buffer.from(bytes.subarray(0, 5)).toString('latin1') === '%PDF-';

let printer: Printer | null = null;
afterEach(async () => {
  await printer?.close();
  printer = null;
});

/** A printer whose chromium starts are counted and kept. */
function counted() {
  const started: Awaited<ReturnType<typeof launchChromium>>[] = [];
  printer = new Printer({
    launch: async () => {
      const b = await launchChromium();
      started.push(b);
      return b;
    },
  });
  return { printer, started };
}

describe('Printer', () => {
  it('prints several reports, one after another and at once, in one chromium', async () => {
    const { printer, started } = counted();
    expect(isPdf(await printer.print(html, SMALL_REPORT))).toBe(true);
    const both = await Promise.all([printer.print(html, SMALL_REPORT), printer.print(html, SMALL_REPORT)]);
    expect(both.every(isPdf)).toBe(true);
    expect(started).toHaveLength(1);
    // Each report's page is closed after printing: nothing of one report stays open for the next.
    expect(started[0]!.contexts()).toHaveLength(0);
  });

  it('starts a new chromium after close and after chromium died', async () => {
    const { printer, started } = counted();
    await printer.print(html, SMALL_REPORT);
    await printer.close();
    expect(started[0]!.isConnected()).toBe(false);
    await printer.print(html, SMALL_REPORT);
    expect(started).toHaveLength(2);
    await started[1]!.close();
    expect(isPdf(await printer.print(html, SMALL_REPORT))).toBe(true);
    expect(started).toHaveLength(3);
  });

  it('tells a missing chromium in Dutch, and tries again on the next print', async () => {
    let tries = 0;
    printer = new Printer({
      launch: () => {
        tries++;
        return launchChromium('/nonexistent/chromium');
      },
    });
    await expect(printer.print(html, SMALL_REPORT)).rejects.toBeInstanceOf(ChromiumMissingError);
    await expect(printer.print(html, SMALL_REPORT)).rejects.toThrow(/installeer het Debian-pakket chromium/);
    expect(tries).toBe(2);
  });
});

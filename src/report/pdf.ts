// The council report as PDF: its HTML printed by Debian's chromium (A4, backgrounds, bookmarks from the headings), with
// the place and the date at the top and "pagina X van Y" at the foot of every page. No request leaves the page.
import type { Browser } from 'playwright-core';
import { launchChromium } from '../chromium.ts';
import { escapeHtml as esc } from '../charts/html.ts';
import { formatDay } from './dates.ts';
import type { Report } from './model.ts';

// Chromium prints header and footer in the page margin, at its own tiny default size unless told otherwise.
// No double quotes: the style goes into a style="…" attribute.
const EDGE =
  "font-size: 8pt; font-family: 'DejaVu Sans', Arial, sans-serif; color: #3b4450; width: 100%; box-sizing: border-box; padding: 0 18mm;";

/** The line at the top of every page: the place left, the report's date right. */
export function headerTemplate(report: Report): string {
  return `<div style="${EDGE} display: flex; justify-content: space-between;"><span>${esc(report.place)}</span><span>${esc(formatDay(report.generatedAt))}</span></div>`;
}

/** The line at the foot of every page: "pagina 3 van 12" (chromium fills in the numbers). */
export function footerTemplate(report: Report): string {
  return `<div style="${EDGE} text-align: right;">${esc(report.title)} · pagina <span class="pageNumber"></span> van <span class="totalPages"></span></div>`;
}

/**
 * The PDF of a report rendered by renderHtml, printed in `browser` (left open) or in a chromium started for it. Throws
 * ChromiumMissingError (a Dutch message naming the Debian package) when chromium is not installed.
 * @example writeFileSync('rapport.pdf', await renderPdf(renderHtml(report), report))
 */
export async function renderPdf(html: string, report: Report, browser?: Browser): Promise<Uint8Array> {
  if (!browser) {
    const own = await launchChromium();
    try {
      return await renderPdf(html, report, own);
    } finally {
      await own.close();
    }
  }
  // A page of its own (its own context too), closed after printing: nothing of one report stays for the next.
  const page = await browser.newPage({ locale: 'nl-NL', timezoneId: 'Europe/Amsterdam', javaScriptEnabled: false });
  try {
    // The document is self-contained: anything it would fetch is refused, so printing never reaches the network.
    await page.route('**/*', (route) => route.abort());
    await page.setContent(html, { waitUntil: 'load' });
    const pdf = await page.pdf({
      format: 'A4',
      preferCSSPageSize: true,
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate: headerTemplate(report),
      footerTemplate: footerTemplate(report),
      outline: true,
      tagged: true,
    });
    return new Uint8Array(pdf);
  } finally {
    await page.close();
  }
}

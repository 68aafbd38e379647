// Browser-test harness: the real API server in-process on a random port over a store, and Debian's chromium driven by
// playwright-core (never a downloaded browser). One server and one browser per test file.
import axe from 'axe-core';
import type { Browser, Page } from 'playwright-core';
import { createSecureApp, ensureAdmin, type SecureAppOptions } from '../../src/api/auth/index.ts';
import { startServer } from '../../src/api/server.ts';
import { launchChromium } from '../../src/chromium.ts';
import type { Store } from '../../src/store/index.ts';
import { PAGES } from '../../web/src/pages/catalog.ts';

/** The administrator the harness creates (the first account `roer start` makes), with a fixed test password. */
export const ADMIN = { name: 'beheerder', password: 'dashboard-test-wachtwoord' };

export interface Harness {
  base: string;
  /** Logs in through the dashboard's own login form (the context keeps the session cookie); default: ADMIN. */
  login(page: Page, account?: { name: string; password: string }): Promise<void>;
  browser: Browser;
  /** A fresh page (1440×900, nl-NL, Europe/Amsterdam) that fails the test on any uncaught page error. */
  page(): Promise<Page>;
  errors: string[];
  close(): Promise<void>;
}

/** The app as `roer serve` runs it (login, CSRF, security headers, access guard) on a free port of 127.0.0.1. */
export async function serveSecured(store: Store, options: Partial<SecureAppOptions> = {}) {
  await ensureAdmin(store, ADMIN.password);
  return startServer({ store, port: 0, app: createSecureApp({ store, tls: false, ...options }) });
}

export async function launchBrowser(): Promise<Browser> {
  return launchChromium();
}

export async function harness(store: Store, options: Partial<SecureAppOptions> = {}): Promise<Harness> {
  const server = await serveSecured(store, options);
  const base = server.url;
  const browser = await launchBrowser();
  const errors: string[] = [];
  const context = await browser.newContext({
    viewport: { width: 1440, height: 900 },
    locale: 'nl-NL',
    timezoneId: 'Europe/Amsterdam',
    acceptDownloads: true,
  });
  return {
    base,
    browser,
    errors,
    async login(page, account = ADMIN) {
      await page.goto(base);
      await page.fill('#login-name', account.name);
      await page.fill('#login-password', account.password);
      await page.click('form.login button[type="submit"]');
      await page.waitForSelector('main[data-ready]');
    },
    async page() {
      const page = await context.newPage();
      page.on('pageerror', (e) => errors.push(String(e)));
      // Failed requests are expected in error tests; script errors are not.
      page.on('console', (m) => {
        if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) errors.push(m.text());
      });
      return page;
    },
    async close() {
      await browser.close();
      await server.close();
      store.close();
    },
  };
}

/** Pixels of the chart canvas that are not (near) white: a drawn chart has thousands. */
export async function inkedPixels(p: Page): Promise<number> {
  return p.evaluate(() => {
    const canvas = document.querySelector<HTMLCanvasElement>('.chart canvas');
    if (!canvas) return 0;
    const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
    let n = 0;
    for (let i = 0; i < data.length; i += 4)
      if (data[i + 3] > 0 && (data[i] < 230 || data[i + 1] < 230 || data[i + 2] < 230)) n++;
    return n;
  });
}

/** One view of an analysis page; `first` = the page's default view (opened without ?view=). */
export interface OfferedView {
  slug: string;
  metric: string;
  first: boolean;
  name: string;
  /** Whether the view draws a chart (a list is shown as its table only). */
  drawn: boolean;
}

/** Every view of every analysis page whose metric the server offers (to this user), in catalogue order. */
export async function offeredViews(page: Page, base: string): Promise<OfferedView[]> {
  const body = (await (await page.request.get(`${base}/api/metrics`)).json()) as { metrics: { id: string }[] };
  const ids = new Set(body.metrics.map((m) => m.id));
  return PAGES.flatMap((p) =>
    p.views
      .filter((v) => ids.has(v.metric))
      .map((v, i) => ({
        slug: p.slug,
        metric: v.metric,
        first: i === 0,
        name: i === 0 ? p.slug : `${p.slug}-${v.metric}`,
        drawn: v.chart !== 'table',
      })),
  );
}

/** Why the drawn analysis page looks blank (an error shown, an empty table, an empty chart), or null when it does not. */
export async function blankness(page: Page, name: string, drawn = true): Promise<string | null> {
  const alerts = await page.locator('[role="alert"]').count();
  const rows = await page.locator('table.data tbody tr').count();
  const ink = await inkedPixels(page);
  // A list view has no chart at all: an ink check there would pass on nothing.
  const charts = await page.locator('.chart').count();
  const missing = drawn ? ink < 2_000 : charts > 0;
  return alerts > 0 || rows === 0 || missing ? `${name}: ${alerts} fout(en), ${rows} rijen, ${ink} pixels` : null;
}

/** The height in CSS pixels of the page's chart (0 without one). */
export async function chartHeight(page: Page): Promise<number> {
  return page.evaluate(() => document.querySelector('.chart')?.getBoundingClientRect().height ?? 0);
}

/**
 * What axe-core (its default rules: WCAG 2.2 A and AA plus best practice) finds serious or critical on the page as drawn now, one line per element:
 * "view: rule-id @ selector". Evaluated over the DevTools protocol, so the page's CSP (no inline scripts) does not block it.
 */
export async function axeFindings(page: Page, name: string): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axe.source);
  const found = await page.evaluate(async () => {
    const run = (window as unknown as { axe: typeof axe }).axe.run;
    const r = await run(document);
    return r.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .flatMap((v) => v.nodes.map((n) => `${v.id} @ ${n.target.join(' ')}`));
  });
  return found.map((f) => `${name}: ${f}`);
}

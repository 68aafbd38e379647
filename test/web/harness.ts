// Browser-test harness: the real API server in-process on a random port over a store, and Debian's chromium driven by
// playwright-core (never a downloaded browser). One server and one browser per test file.
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createApp } from '../../src/api/app.ts';
import { engineOf } from '../../src/api/engine.ts';
import { catalogue } from '../../src/metrics/index.ts';
import type { Store } from '../../src/store/index.ts';

export const CHROMIUM = process.env.ROER_CHROMIUM ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export interface Harness {
  base: string;
  browser: Browser;
  /** A fresh page (1440×900, nl-NL, Europe/Amsterdam) that fails the test on any uncaught page error. */
  page(): Promise<Page>;
  errors: string[];
  close(): Promise<void>;
}

export async function startServer(store: Store): Promise<{ base: string; server: ServerType }> {
  const app = createApp({ store, engine: engineOf(catalogue) });
  return new Promise((resolve) => {
    const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) =>
      resolve({ base: `http://127.0.0.1:${info.port}`, server }));
  });
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

export async function harness(store: Store): Promise<Harness> {
  const { base, server } = await startServer(store);
  const browser = await launchBrowser();
  const errors: string[] = [];
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'nl-NL', timezoneId: 'Europe/Amsterdam', acceptDownloads: true });
  return {
    base, browser, errors,
    async page() {
      const page = await context.newPage();
      page.on('pageerror', (e) => errors.push(String(e)));
      // Failed requests are expected in error tests; script errors are not.
      page.on('console', (m) => { if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) errors.push(m.text()); });
      return page;
    },
    async close() {
      await browser.close();
      await new Promise((r) => server.close(r));
      store.close();
    },
  };
}

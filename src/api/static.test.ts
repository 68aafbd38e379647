// The dashboard: files from web/dist, SPA fallback to index.html, a 404 for a missing asset, a Dutch page when unbuilt.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../store/index.ts';
import { createApp } from './app.ts';
import { fixtureEngine, fixtureStore } from './fixture.ts';

let store: Store;
let dist: string;
beforeAll(async () => {
  store = await fixtureStore();
  dist = mkdtempSync(join(tmpdir(), 'roer-web-'));
});
afterAll(() => {
  store.close();
  rmSync(dist, { recursive: true, force: true });
});

describe('the dashboard', () => {
  it('shows a Dutch page while web/dist is not built, and the API still works', async () => {
    const app = createApp({ store, engine: fixtureEngine, webDist: join(dist, 'missing') });
    const res = await app.request('/');
    expect(res.status).toBe(503);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await res.text()).toContain('Het dashboard is nog niet gebouwd: <code>npm run build</code>');
    expect((await app.request('/api/health')).status).toBe(200);
  });

  it('serves built files, falls back to index.html for app routes, and 404s a missing asset', async () => {
    mkdirSync(join(dist, 'assets'));
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Roer</title><div id="app"></div>');
    writeFileSync(join(dist, 'assets', 'app.js'), 'console.log("roer")');
    const app = createApp({ store, engine: fixtureEngine, webDist: dist });

    const index = await app.request('/');
    expect(index.status).toBe(200);
    expect(await index.text()).toContain('<div id="app">');

    const asset = await app.request('/assets/app.js');
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toMatch(/javascript/);
    expect(await asset.text()).toBe('console.log("roer")');

    const deep = await app.request('/kosten/1708?jaar=2018');
    expect(deep.status).toBe(200);
    expect(deep.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await deep.text()).toContain('<div id="app">');

    expect((await app.request('/assets/ontbreekt.js')).status).toBe(404);
    expect((await app.request('/../package.json')).status).not.toBe(200);
    const api404 = await app.request('/api/onbekend');
    expect(api404.status).toBe(404);
    expect(api404.headers.get('content-type')).toMatch(/^application\/json/);
  });
});

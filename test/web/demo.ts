// The demo region for browser tests: generated (seed 42, a fifth of the real size, every year as CSV exports so the
// set-up takes seconds, not minutes) into a temp folder and imported through the same importers `roer start` uses.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { day } from '../../src/demo/dates.ts';
import { generateDemo, setupRegion } from '../../src/demo/generate.ts';
import { importDemo } from '../../src/demo/load.ts';
import { storyProvider, storyReferrers, STORY_MUNICIPALITY } from '../../src/demo/story.ts';
import { Store } from '../../src/store/index.ts';

export const DEMO = { seed: 42, scale: 0.2 } as const;

/** What the demo's story (src/demo/story.ts) puts in the data for the dashboard to find. */
export function demoStory() {
  const setup = setupRegion(DEMO.seed);
  return {
    municipality: STORY_MUNICIPALITY,
    provider: storyProvider(setup.providers),
    gps: storyReferrers(setup.referrers, STORY_MUNICIPALITY).map((r) => `02:${r.agb}`),
    /** The demo's AGB list (verwijzers.csv): referrer id → the name the dashboard shows. */
    referrerNames: new Map(setup.registry.map((r) => [`${r.type}:${r.agb}`, r.name])),
  };
}

/** A store holding the demo region; the generated files are removed once imported. */
export async function demoRegion(): Promise<Store> {
  const dir = mkdtempSync(join(tmpdir(), 'roer-web-demo-'));
  try {
    generateDemo({ seed: DEMO.seed, scale: DEMO.scale, outDir: dir, ijwStart: day(2025, 1, 1) });
    const store = await Store.open(':memory:');
    const reports = await importDemo(store, dir, randomBytes(32));
    const bad = reports.filter((r) => r.status !== 'ingelezen' || r.quarantined > 0);
    if (bad.length) throw new Error(`demo import: ${bad.map((r) => `${r.fileName} ${r.status} ${r.note ?? ''}`).join('; ')}`);
    return store;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

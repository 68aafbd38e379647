// /api/benchmark on the demo's fictitious national CBS set: public figures for every logged-in user, whatever their
// scope (and never any own data in the answer), audited; junk in a parameter is a 400 naming it.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importCbsPaths } from '../../benchmark/import.ts';
import { nationalCbsFiles, writeNationalCbs } from '../../demo/cbsnational.ts';
import { loadRegion } from '../../demo/region.ts';
import { loadMunicipalities } from '../../ingest/municipalities.ts';
import { type Store, sql } from '../../store/index.ts';
import type { AuthEnv } from '../auth/middleware.ts';
import { loginAs, secureFixture } from '../auth/testing.ts';

let store: Store;
let app: Hono<AuthEnv>;
let files: Record<string, string>;
beforeAll(async () => {
  ({ store, app } = await secureFixture());
  await loadMunicipalities(store);
  files = nationalCbsFiles({ seed: 1, region: loadRegion(), scale: 1, counts: new Map() });
  await importCbsPaths(store, [writeNationalCbs(mkdtempSync(join(tmpdir(), 'roer-bm-')), files)]);
}, 120_000);
afterAll(() => store.close());

const ask = async (name: string, query: string) => (await loginAs(app, name)).request(`/api/benchmark?${query}`);

/** A cell of the generated files, read straight from the JSON (not through Roer's parser). */
function cell(table: string, region: string, period: string, key: string, age?: string): number {
  const rows = JSON.parse(files[`${table}/TypedDataSet.json`]!).value as Record<string, string | number>[];
  return rows.find(
    (r) =>
      String(r.RegioS).trim() === region && r.Perioden === period && (age === undefined || String(r.Leeftijd).trim() === age),
  )![key] as number;
}

describe('/api/benchmark', () => {
  it("gives a user scoped to 0150 Steenwijkerland's public figures beside its region and the Netherlands", async () => {
    const res = await ask('bert', 'gemeente=1708&groep=regio&maat=met-verblijf&basis=2020-H1');
    expect(res.status).toBe(200);
    const body = await res.json();
    // Only the series: no own figure of any municipality travels with it.
    expect(Object.keys(body).sort()).toEqual(['base', 'group', 'label', 'leftOut', 'lines', 'measure', 'unit']);
    // The group as resolved, in the form a saved group takes: the page saves what it shows.
    expect(body.group).toEqual({ kind: 'regio', region: 'IJsselland' });
    expect(body.lines.map((l: { who: string }) => l.who)).toEqual(['gemeente', 'groep', 'regio', 'nederland']);
    const own = body.lines[0];
    expect(own.label).toBe('Steenwijkerland');
    const h1 = own.points.find((p: { period: string }) => p.period === '2020-H1');
    const expected =
      (100 * cell('85097NED', 'GM1708', '2020HJ01', 'JeugdhulpMetVerblijf_3')) /
      cell('03759ned', 'GM1708', '2020JJ00', 'BevolkingOp1Januari_1', '70100');
    const percent = Math.round(expected * 100) / 100;
    expect(h1).toEqual({ period: '2020-H1', value: percent, percent, index: 100, reason: null });
    expect(body.lines[3].points.find((p: { period: string }) => p.period === '2020-H1').index).toBe(100);
  });

  it('compares with chosen neighbours and with the size class', async () => {
    const buren = await (await ask('dirk', 'gemeente=1708&groep=buren&buren=0150,0193&basis=2020')).json();
    expect(buren.lines[1].label).toBe('gekozen buurgemeenten (2)');
    expect(buren.lines[1].points.map((p: { period: string }) => p.period)).toContain('2020');
    const size = await ask('bea', 'gemeente=1708&groep=grootteklasse&basis=2019-H2');
    expect(size.status).toBe(200);
    expect((await size.json()).lines[1].label).toMatch(/^gemeenten met /);
  });

  it('compares with municipalities of similar imported context deciles', async () => {
    await importCbsPaths(store, [new URL('../../../test/fixtures/context/decielen-2023.csv', import.meta.url).pathname]);
    const body = await (await ask('bea', 'gemeente=1708&groep=context&decielen=inkomen&basis=2020')).json();
    // Steenwijkerland's income decile in 2023 is 5: Deventer (4), Zwolle (6) and Kampen (5) are within one.
    expect(body.lines[1].label).toBe('gemeenten met inkomensdeciel 4–6 (2023)');
    expect(body.group).toEqual({ kind: 'context', year: 2023, deciles: { inkomen: 5 } });
    const pooled = (region: string[]) =>
      (100 * region.reduce((t, r) => t + cell('85097NED', r, '2020JJ00', 'TotaalJongerenMetJeugdhulp_1'), 0)) /
      region.reduce((t, r) => t + cell('03759ned', r, '2020JJ00', 'BevolkingOp1Januari_1', '70100'), 0);
    expect(body.lines[1].points.find((p: { period: string }) => p.period === '2020').percent).toBe(
      Math.round(pooled(['GM0150', 'GM0193', 'GM0166']) * 100) / 100,
    );
    // Municipalities without an imported decile cannot be placed: named in leftOut, not silently dropped.
    expect(body.leftOut).toContain('0014');
    const both = await (await ask('bea', 'gemeente=1708&groep=context&zelfde-grootte=ja&basis=2020')).json();
    expect(both.lines[1].label).toMatch(/^gemeenten met inkomensdeciel 4–6 en kinderarmoededeciel 4–6 en .* inwoners \(2023\)$/);
    expect(both.group).toEqual({
      kind: 'context',
      year: 2023,
      deciles: { inkomen: 5, kinderarmoede: 5 },
      sizeClass: '20k-50k',
    });
    // Saved under a name (as the page does with the group it shows) and asked again by that name: the same figures.
    const client = await loginAs(app, 'bea');
    const saved = await client.request('/api/benchmark/groepen', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ gemeente: '1708', name: 'Vergelijkbaar', group: both.group }),
    });
    expect([saved.status, await saved.json()]).toEqual([200, { name: 'Vergelijkbaar', group: both.group }]);
    const again = await (await ask('bea', 'gemeente=1708&bewaard=Vergelijkbaar&basis=2020')).json();
    expect([again.group, again.lines[1]]).toEqual([both.group, both.lines[1]]);
  });

  it('needs a login and is audited', async () => {
    expect((await app.request('/api/benchmark?gemeente=1708&basis=2020')).status).toBe(401);
    const row = await store.one<{ n: number }>(
      sql`SELECT count(*)::INTEGER AS n FROM audit_log WHERE action = 'benchmark_read' AND actor = 'bert' AND target = '1708'`,
    );
    expect(row?.n).toBe(1);
  });

  it('refuses junk in every parameter with a 400 naming it', async () => {
    const cases: [string, string][] = [
      ['gemeente=17&basis=2020', 'gemeente'],
      ['gemeente=9999&basis=2020', 'gemeente'],
      ['gemeente=1708&groep=provincie&basis=2020', 'groep'],
      ['gemeente=1708&groep=buren&basis=2020', 'buren'],
      ['gemeente=1708&buren=abc&basis=2020', 'buren'],
      ['gemeente=1708&maat=kosten&basis=2020', 'maat'],
      ['gemeente=1708&basis=2020-H3', 'basis'],
      ['gemeente=1708&groep=context&decielen=welvaart&basis=2020', 'decielen'],
      ['gemeente=1708&groep=context&decieljaar=23&basis=2020', 'decieljaar'],
      ['gemeente=1708&groep=context&zelfde-grootte=misschien&basis=2020', 'zelfde-grootte'],
      // No deciles of 2019: no context group, and the reason.
      ['gemeente=1708&groep=context&decieljaar=2019&basis=2020', 'groep'],
      ['gemeente=1708&basis=2020&gemeente=0150', 'gemeente'],
      ['gemeente=1708&basis=2020&wat=1', 'wat'],
    ];
    for (const [query, param] of cases) {
      const res = await ask('anna', query);
      expect([query, res.status, (await res.json()).error.param]).toEqual([query, 400, param]);
    }
  });
});

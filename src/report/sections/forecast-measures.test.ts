// Specification of the "Maatregelen" section: the key sentence from P50, the 80 % interval and the naive sum; the
// register table with each measure's band and the naive sum; the plan's scenario on the report's fixed seed; and no
// section without measures.
import { describe, expect, it } from 'vitest';
import { metricsEngine } from '../../api/engine.ts';
import { PLAN_MEASURES, mln } from '../../forecast/regional-plan.fixture.ts';
import { seedMeasures } from '../../forecast/register.ts';
import { Store } from '../../store/index.ts';
import type { Measure } from '../../forecast/measures.ts';
import { addScenarioData } from '../../forecast/scenario.fixture.ts';
import { fixtureStore } from '../../metrics/fixtures.ts';
import { fullRequest } from '../build.ts';
import { storeSource } from '../source.ts';
import { sectionContext } from './context.ts';
import { forecastMeasuresSection, registerTable, scenarioSentence } from './forecast-measures.ts';

describe('section Maatregelen', () => {
  it('says what the measures are expected to save, with the interval, beside the overstating naive sum', () => {
    const y2021 = {
      year: 2021,
      naive: { lowCents: mln(10), highCents: mln(63) },
      meanCents: mln(36.5),
      p10Cents: mln(30.2),
      p50Cents: mln(36.4),
      p90Cents: mln(42.7),
      probabilityOfTarget: null,
    };
    expect(scenarioSentence(15, y2021)).toBe(
      'De vijftien maatregelen leveren in 2021 naar verwachting € 36,4 mln op (80 %-interval € 30,2–42,7 mln); ' +
        'opgeteld zou dat € 10–63 mln zijn, maar de maatregelen overlappen elkaar.',
    );
    expect(scenarioSentence(1, { ...y2021, naive: { lowCents: mln(1), highCents: mln(2.5) } })).toBe(
      'De maatregel levert in 2021 naar verwachting € 36,4 mln op (80 %-interval € 30,2–42,7 mln); opgeteld zou dat € 1–2,5 mln zijn.',
    );
  });

  it('tables each measure’s band in the year and the naive sum with the investments (euros)', () => {
    const block = registerTable(PLAN_MEASURES.slice(0, 2), 2021);
    expect(block.kind === 'table' && block.rows).toEqual([
      {
        name: 'Budgetverantwoordelijkheid jeugdteams',
        status: 'in voorbereiding',
        low: 1_000_000,
        high: 10_000_000,
        investment: 0,
      },
      {
        name: 'Afschaffen van de "nee, tenzij"-regel',
        status: 'in voorbereiding',
        low: 1_000_000,
        high: 10_000_000,
        investment: 0,
      },
      { name: 'Opgeteld (overschat: overlap)', status: '', low: 2_000_000, high: 20_000_000, investment: 0 },
    ]);
  });

  it('runs the region’s plan for the report year on the fixed seed; leaves the section out without measures', async () => {
    const store = await Store.open(':memory:');
    const source = storeSource(store, metricsEngine);
    const request = fullRequest({ municipality: null, year: 2021 });
    expect(await forecastMeasuresSection.build(sectionContext(source, request))).toBeNull();
    await seedMeasures(store, { name: 'demo', role: 'system' }, null, PLAN_MEASURES);
    const out = await forecastMeasuresSection.build(sectionContext(source, request));
    const [sentence, register, simulated] = out!.blocks;
    expect(sentence).toEqual({
      kind: 'paragraph',
      text: 'De vijftien maatregelen leveren in 2021 naar verwachting € 36,5 mln op (80 %-interval € 30,2–42,7 mln); opgeteld zou dat € 10–63 mln zijn, maar de maatregelen overlappen elkaar.',
    });
    expect(register!.kind === 'table' && register.rows.at(-1)).toMatchObject({
      low: 10_000_000,
      high: 63_000_000,
      investment: 3_200_000,
    });
    // Seed 1, 10,000 draws: the same every year from 2021 on (the bands stay, and each measure keeps its draw).
    const row = { naive_low: 10_000_000, naive_high: 63_000_000, p10: 30_214_541.97, p50: 36_488_855.73, p90: 42_722_651.39 };
    expect(simulated!.kind === 'table' && simulated.rows).toEqual(['2021', '2022', '2023'].map((year) => ({ year, ...row })));
    expect(out!.caveats).toEqual([{ kind: 'overlap', text: expect.stringContaining('De maatregelen overlappen elkaar') }]);
    // The overlap note closes the section once (as its caveat), not also in a block of its own right before.
    const inBlocks = out!.blocks.flatMap((b) => (b.kind === 'caveats' ? b.items : []));
    expect(inBlocks.filter((c) => c.text.includes('overlappen'))).toEqual([]);
  });

  it('runs a measure on GP inflow through the region’s baseline and names it beside the figures', async () => {
    const store = await fixtureStore();
    await addScenarioData(store);
    const gp: Measure = {
      ...PLAN_MEASURES[6]!,
      mechanisms: [{ lever: { kind: 'inflow', referrer: '02' }, bands: [{ from: 2020, low: 1_000, high: 1_000 }] }],
    };
    await seedMeasures(store, { name: 'demo', role: 'system' }, null, [gp]);
    const out = await forecastMeasuresSection.build(
      sectionContext(storeSource(store, metricsEngine), fullRequest({ municipality: null, year: 2020 })),
    );
    const [sentence, basis, register] = out!.blocks;
    // 10 % of the GP's half of the region's € 1,866.60 ambulant in 2020 (src/forecast/scenario-store.test.ts).
    expect(sentence).toMatchObject({ text: expect.stringContaining('in 2020 naar verwachting € 0 mln op') });
    expect(basis).toEqual({
      kind: 'paragraph',
      text: 'Maatregelen op instroom, duur, prijs of verschuiving zijn doorgerekend op de basislijn per zorgsoort, Regio IJsselland (basisjaar 2019, +2 % prijsindexatie per jaar).',
    });
    expect(register!.kind === 'table' && register.rows[0]).toMatchObject({ low: 93.33, high: 93.33 });
    store.close();
  });
});

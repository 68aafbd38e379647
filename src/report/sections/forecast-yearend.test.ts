// The report's year-end section: present only for the year of the last data month, with the forecast's sentence.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { metricsEngine } from '../../api/engine.ts';
import { addBudget, addInvoice, derive, fixtureStore } from '../../metrics/fixtures.ts';
import type { Store } from '../../store/index.ts';
import { fullRequest } from '../build.ts';
import { storeSource } from '../source.ts';
import { sectionContext } from './context.ts';
import { forecastYearEndSection } from './forecast-yearend.ts';

let store: Store;
beforeAll(async () => {
  store = await fixtureStore();
  // 0150, ambulant: € 100 a month from January 2025 through June 2029, each month invoiced on the 5th of the next.
  for (let k = 2025 * 12; k <= 2029 * 12 + 5; k++) {
    const at = (i: number) => `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
    await addInvoice(store, {
      client: 'c',
      euros: 100,
      periodStart: `${at(k)}-01`,
      periodEnd: `${at(k)}-28`,
      invoiceDate: `${at(k + 1)}-05`,
    });
  }
  await addBudget(store, { year: 2029, euros: 1_000 });
  await derive(store);
});
afterAll(() => store.close());

const build = (year: number) =>
  forecastYearEndSection.build(sectionContext(storeSource(store, metricsEngine), fullRequest({ municipality: '0150', year })));

describe('section "Verwacht jaareinde"', () => {
  it('forecasts the year of the last data month against its budget', async () => {
    const out = await build(2029);
    const plain = JSON.parse(JSON.stringify(out).replace(/\u00a0/g, ' '));
    expect(plain.blocks).toEqual([
      {
        kind: 'messages',
        items: [
          {
            rule: 'yearend-forecast',
            // € 500 invoiced + € 100 June + € 600 July–December; the same forecast in June 2026–2028 was exact (June
            // 2025 could not learn the lag yet and does not count), so the interval closes on the central value.
            text: 'Naar verwachting komen de kosten over 2029 uit op € 1.200 (80 %-interval € 1.200–€ 1.200), € 200,00 boven de jaarkosten (begroting + burap − taakstelling).',
            // The forecast is a source of its own in the appendix, with its method.
            sources: ['B1'],
          },
        ],
      },
      {
        kind: 'paragraph',
        text:
          // Without allocations everything still to come counts as running (PGB and care without an allocation).
          'Met de declaraties tot en met juni 2029: gedeclareerd € 500,00, geleverd maar nog niet gedeclareerd € 100,00, ' +
          'lopende toewijzingen tot het jaareinde € 600,00 en nieuwe instroom € 0.',
      },
    ]);
  });

  it('is left out for a closed year', async () => {
    expect(await build(2028)).toBeNull();
  });
});

// A tiny store for the scenario's tests: Deventer's 2019 inflow, 60 % sent by a GP, and one trajectory in
// Steenwijkerland sent by a medical specialist (figures worked out in scenario-store.test.ts).
import { addAllocation, addInvoice, addReferrer, derive, insertRows } from '../metrics/fixtures.ts';
import type { Store } from '../store/index.ts';

export async function addScenarioData(store: Store): Promise<void> {
  await insertRows(store, 'municipality', [
    { code: '0150', name: 'Deventer', province: 'Overijssel', region: 'IJsselland' },
    { code: '1708', name: 'Steenwijkerland', province: 'Overijssel', region: 'IJsselland' },
  ]);
  await addReferrer(store, { id: '02:1', type: '02' });
  await addReferrer(store, { id: '01:', type: '01' });
  await addReferrer(store, { id: '05:1', type: '05' });
  // Deventer (0150) in 2019: five ambulant trajectories of January (31 days, € 10 a care-day), three sent by a GP,
  // two by the municipality; one verblijf trajectory of 30 days in December (€ 100 a care-day), so 2019 is complete.
  for (const [client, referrer] of [
    ['a', '02:1'],
    ['b', '02:1'],
    ['c', '02:1'],
    ['d', '01:'],
    ['e', '01:'],
  ] as const) {
    await addAllocation(store, { client, start: '2019-01-01', end: '2019-01-31', referrer });
    await addInvoice(store, { client, periodStart: '2019-01-01', periodEnd: '2019-01-31', euros: 310 });
  }
  await addAllocation(store, { client: 'f', start: '2019-12-01', end: '2019-12-30', product: 'VBL', referrer: '01:' });
  await addInvoice(store, { client: 'f', periodStart: '2019-12-01', periodEnd: '2019-12-30', euros: 3_000, product: 'VBL' });
  // Steenwijkerland (1708): one ambulant trajectory sent by a medical specialist.
  await addAllocation(store, { client: 'g', start: '2019-01-01', end: '2019-01-31', municipality: '1708', referrer: '05:1' });
  await addInvoice(store, { client: 'g', periodStart: '2019-01-01', periodEnd: '2019-01-31', euros: 310, municipality: '1708' });
  // A line of January 2020 there: the data run past 2019, so every trajectory of 2019 has ended.
  await addInvoice(store, { client: 'g', periodStart: '2020-01-01', periodEnd: '2020-01-31', euros: 1, municipality: '1708' });
  await derive(store);
}

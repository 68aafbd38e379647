// One measure for the scenario tests: a single mechanism on one lever, with one band from 2020 on.
import type { Lever } from './levers.ts';
import type { Measure } from './measures.ts';

/** A measure named `id` acting on `lever` with the band low–high (basis points or cents) from 2020 on. */
export const measure = (id: string, lever: Lever, low: number, high = low): Measure => ({
  id,
  name: id,
  description: '',
  owner: null,
  start: null,
  preparationMonths: null,
  investmentCents: 0,
  status: 'idee',
  mechanisms: [{ lever, bands: [{ from: 2020, low, high }] }],
});

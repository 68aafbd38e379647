// Specification of pathways, transitions (escalation / step-down) and stacking on six hand-made clients.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../store/index.ts';
import { addAllocation, derive, fixtureStore } from './fixtures.ts';
import { computeMetric } from './index.ts';

const Y2018 = { from: '2018-01-01', to: '2018-12-31' };
let store: Store;
beforeAll(async () => {
  store = await fixtureStore();
  const alloc = (client: string, product: string, start: string, end: string) =>
    addAllocation(store, { client, product, start, end });
  await alloc('p1', 'AMB', '2018-01-01', '2018-03-31'); // ambulant → verblijf → ambulant, one after another
  await alloc('p1', 'VBL', '2018-04-01', '2018-06-30');
  await alloc('p1', 'AMB', '2018-07-01', '2018-12-31');
  await alloc('p2', 'AMB', '2018-01-01', '2018-02-28'); // ambulant, back after a gap: still one step
  await alloc('p2', 'AMB', '2018-05-01', '2018-05-31');
  await alloc('p3', 'AMB', '2018-01-01', '2018-06-30'); // ambulant with foster care on top: 2 at once
  await alloc('p3', 'PLZ', '2018-03-01', '2018-12-31');
  await alloc('p4', 'AMB', '2018-01-01', '2018-01-31'); // touching allocations: never 2 at once
  await alloc('p4', 'AMB', '2018-02-01', '2018-02-28');
  await alloc('p5', 'AMB', '2018-01-01', '2018-12-31'); // three at once in the second half of February
  await alloc('p5', 'AMB', '2018-02-01', '2018-02-28');
  await alloc('p5', 'DAG', '2018-02-15', '2018-03-15');
  await alloc('p6', 'VBL', '2018-01-01', '2018-05-31'); // residential to foster care: a step within residential care
  await alloc('p6', 'PLZ', '2018-06-01', '2018-12-31');
  await derive(store);
});

describe('pathways', () => {
  it('counts clients per sequence of care types', async () => {
    const r = await computeMetric(store, 'pathways', { filters: Y2018, split: [] });
    expect(r.rows).toEqual([
      { pathway: 'ambulant', steps: 1, clients: 2, share_pct: 33.3 },
      { pathway: 'ambulant → dagbehandeling', steps: 2, clients: 1, share_pct: 16.7 },
      { pathway: 'ambulant → pleegzorg', steps: 2, clients: 1, share_pct: 16.7 },
      { pathway: 'ambulant → verblijf → ambulant', steps: 3, clients: 1, share_pct: 16.7 },
      { pathway: 'verblijf → pleegzorg', steps: 2, clients: 1, share_pct: 16.7 },
    ]);
  });
});

describe('transitions', () => {
  it('gives source → target counts per step, each typed by the care types it joins', async () => {
    const r = await computeMetric(store, 'transitions', { filters: Y2018, split: [] });
    expect(r.rows).toEqual([
      { step: 1, source: 'ambulant', target: 'dagbehandeling', kind: 'zonder verblijf', clients: 1 },
      { step: 1, source: 'ambulant', target: 'pleegzorg', kind: 'opschaling', clients: 1 },
      { step: 1, source: 'ambulant', target: 'verblijf', kind: 'opschaling', clients: 1 },
      { step: 1, source: 'verblijf', target: 'pleegzorg', kind: 'binnen verblijf', clients: 1 },
      { step: 2, source: 'verblijf', target: 'ambulant', kind: 'afschaling', clients: 1 },
    ]);
    expect(r.totals).toEqual({ escalations: 2, step_downs: 1, within_residential: 1, within_outpatient: 1, transitions: 5 });
  });
});

describe('stacking', () => {
  it('gives the distribution of the maximum number of simultaneous allocations', async () => {
    const r = await computeMetric(store, 'stacking', { filters: Y2018, split: [] });
    expect(r.rows).toEqual([
      { max_simultaneous: 1, clients: 4, share_pct: 66.7 },
      { max_simultaneous: 2, clients: 1, share_pct: 16.7 },
      { max_simultaneous: 3, clients: 1, share_pct: 16.7 },
    ]);
  });
});

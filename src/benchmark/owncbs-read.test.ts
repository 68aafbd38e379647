// The own count with CBS's definition on a tiny hand-made store beside the CBS fixture (Steenwijkerland 2020: H1 905,
// no record for H2, year 1180): who counts, who does not, and what the data says about the difference.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ownCbsFixtureStore } from '../../test/fixtures/cbs/owncbs.ts';
import type { Store } from '../store/index.ts';
import { readOwnCbs } from './owncbs-read.ts';
import type { OwnCbsView } from './owncbs.ts';

let store: Store;
let view: OwnCbsView;

beforeAll(async () => {
  store = await ownCbsFixtureStore();
  view = await readOwnCbs(store, '1708', 2020);
}, 60_000);
afterAll(() => store.close());

const row = (period: string, measure: string) => view.rows.find((r) => r.period === period && r.measure === measure)!;
const counts = (period: string) =>
  Object.fromEntries(view.explanations.filter((e) => e.period === period).map((e) => [e.kind, e.count]));

describe('readOwnCbs', () => {
  it('counts youths 0–17 per half-year and year as CBS does, and 0–22 beside them', () => {
    expect(view.rows.map((r) => [r.period, r.measure, r.own, r.ownExtended])).toEqual([
      ['2020-H1', 'totaal', 3, 4],
      ['2020-H1', 'zonder-verblijf', 2, null],
      ['2020-H1', 'met-verblijf', 1, null],
      ['2020-H2', 'totaal', 3, 4],
      ['2020-H2', 'zonder-verblijf', 2, null],
      ['2020-H2', 'met-verblijf', 1, null],
      ['2020', 'totaal', 4, 5],
      ['2020', 'zonder-verblijf', 3, null],
      ['2020', 'met-verblijf', 1, null],
    ]);
  });

  it("puts CBS's figure beside it, with the difference; a period CBS has no record for stays missing", () => {
    expect(row('2020-H1', 'totaal')).toMatchObject({ cbs: 905, cbsMissing: null, difference: -902, differencePct: -99.7 });
    expect(row('2020', 'met-verblijf')).toMatchObject({ cbs: 130, difference: -129, differencePct: -99.2 });
    expect(row('2020-H2', 'totaal')).toMatchObject({ cbs: null, cbsMissing: 'geen record', difference: null });
    // The fixture's population has no band 0 to 18 years: no percentages, never a wrong base.
    expect(view.youths).toBeNull();
    // Real CBS downloads (the fixture) are not the demo's fictitious set.
    expect(view.fictitious).toBe(false);
    expect(row('2020-H1', 'totaal').ownPercent).toBeNull();
  });

  it('names what the data says about the difference, per period', () => {
    expect(counts('2020-H1')).toEqual({ woonplaats: 1, pgb: 1, jeugdbescherming: 1, peildatum: null });
    expect(counts('2020-H2')).toEqual({
      'niet-gestart': 1,
      periodegrens: 1,
      woonplaats: 1,
      jeugdbescherming: 1,
      peildatum: null,
    });
    expect(counts('2020')).toEqual({
      'niet-gestart': 1,
      periodegrens: 1,
      woonplaats: 1,
      pgb: 1,
      jeugdbescherming: 1,
      peildatum: null,
      'buiten-ijw': null,
    });
    const outside = view.explanations.find((e) => e.kind === 'buiten-ijw')!;
    // Subsidy pays for care; prevention does not.
    expect(outside.cents).toBe(12_000_000);
    expect(outside.text).toContain('subsidie €\u00a0120.000');
    expect(view.explanations.find((e) => e.kind === 'peildatum')!.text).toContain('tot en met februari 2020');
  });
});

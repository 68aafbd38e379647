// The comparison itself, on hand-made inputs: the percentages on CBS's youths, the age on the first day within the
// period, a merger named, and what a reader sees (small counts hidden, the rest with noise, nothing derivable).
import { describe, expect, it } from 'vitest';
import { protectOwnCbs } from './owncbs-protect.ts';
import { ageOn, type OwnCbsInput, type OwnTrajectory, ownVersusCbs } from './owncbs.ts';

const t = (youth: string, over: Partial<OwnTrajectory> = {}): OwnTrajectory => ({
  youth,
  category: '45',
  financing: 'ZIN',
  start: '2020-01-01',
  end: null,
  birth: '2010-06-01',
  care: { from: '2020-01-01', to: '2020-12-31' },
  residence: '1979',
  ...over,
});

const input = (trajectories: OwnTrajectory[], cbs: Record<string, number | null> = {}): OwnCbsInput => ({
  municipality: '1979',
  name: 'Eemsdelta',
  year: 2020,
  trajectories,
  cbs: new Map(Object.entries(cbs).map(([k, v]) => [k, { value: v, missing: v === null ? 'geheim' : null }])),
  youths: 8000,
  merger: { year: 2021, parts: ['Appingedam', 'Delfzijl', 'Loppersum'], cbsOwnFigure: false },
  fictitious: false,
  costLines: [],
  dataThrough: '2021-03',
});

describe('ownVersusCbs', () => {
  it('counts age on the first day of the trajectory within the period (turning 18 on 1 July is out of H2)', () => {
    expect(ageOn('2002-07-01', '2020-07-01')).toBe(18);
    expect(ageOn('2002-07-02', '2020-07-01')).toBe(17);
    expect(ageOn('2004-02-29', '2022-02-28')).toBe(17);
    const view = ownVersusCbs(input([t('a', { birth: '2002-07-01' }), t('b', { birth: '2002-07-02' })]));
    expect(view.rows.filter((r) => r.measure === 'totaal').map((r) => [r.period, r.own, r.ownExtended])).toEqual([
      ['2020-H1', 2, 2],
      ['2020-H2', 1, 2],
      ['2020', 2, 2],
    ]);
  });

  it("gives both as a share of CBS's youths and the difference in youths and in %", () => {
    const youths = Array.from({ length: 800 }, (_, i) => t(`y${i}`));
    const view = ownVersusCbs(input(youths, { '2020-H1|totaal': 760, '2020|totaal': null }));
    expect(view.rows[0]).toEqual({
      period: '2020-H1',
      measure: 'totaal',
      label: 'Jongeren met jeugdhulp',
      own: 800,
      hidden: false,
      ownExtended: 800,
      cbs: 760,
      cbsMissing: null,
      difference: 40,
      differencePct: 5.3,
      ownPercent: 10,
      cbsPercent: 9.5,
    });
    expect(view.rows[6]).toMatchObject({ period: '2020', cbs: null, cbsMissing: 'geheim', difference: null });
  });

  it('names the merger: CBS sums the old municipalities, which counts a youth in two of them twice', () => {
    const view = ownVersusCbs(input([t('a')]));
    const merger = view.explanations.filter((e) => e.kind === 'herindeling');
    expect(merger.map((e) => e.period)).toEqual(['2020-H1', '2020-H2', '2020']);
    expect(merger[0]!.text).toBe(
      'Eemsdelta bestaat sinds 1 januari 2021: het CBS-cijfer is de som van Appingedam, Delfzijl, Loppersum. Een jongere ' +
        'die in twee van die gemeenten zorg had, telt daar twee keer en hier één keer.',
    );
    // Data through March 2021: no peildatum remark for 2020.
    expect(view.explanations.some((e) => e.kind === 'peildatum')).toBe(false);
  });
});

describe('protectOwnCbs (what a reader sees)', () => {
  const key = Buffer.alloc(32, 7);
  const small = ownVersusCbs(input([t('a'), t('b', { financing: 'PGB' })], { '2020-H1|totaal': 905 }));

  it('hides counts under 10 and everything derived from them, so CBS beside them gives nothing back', () => {
    const seen = protectOwnCbs(small, key, 10);
    expect(seen.rows[0]).toMatchObject({ own: null, hidden: true, cbs: 905, difference: null, differencePct: null });
    expect(seen.rows[0]!.ownPercent).toBeNull();
    expect(seen.explanations.find((e) => e.kind === 'pgb')).toMatchObject({ count: null, hidden: true });
    // No own count of 1 survives anywhere in the answer.
    const figures = seen.rows.flatMap((r) => [r.own, r.ownExtended, r.difference]);
    expect(figures.every((v) => v === null || v === 0)).toBe(true);
    expect(seen.protection).toContain('<10');
  });

  it('adds the same small noise to larger counts every time, and derives the difference from the noisy count', () => {
    const youths = Array.from({ length: 800 }, (_, i) => t(`y${i}`));
    const view = ownVersusCbs(input(youths, { '2020-H1|totaal': 760 }));
    const a = protectOwnCbs(view, key, 10);
    expect(protectOwnCbs(view, key, 10)).toEqual(a);
    const own = a.rows[0]!.own!;
    expect([1, 2]).toContain(Math.abs(own - 800));
    expect(a.rows[0]!.difference).toBe(own - 760);
    expect(a.rows[0]!.ownPercent).toBe(Math.round((10_000 * own) / 8000) / 100);
    expect(a.rows[0]!.hidden).toBe(false);
  });
});

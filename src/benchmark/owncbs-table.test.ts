// The table both the dashboard panel and the report show: periods in words, a hidden count as '<10', a missing CBS
// figure with its reason, and each explanation with its size and which way it moves the own figure.
import { describe, expect, it } from 'vitest';
import type { OwnCbsView } from './owncbs.ts';
import { explanationRows, ownCbsRows } from './owncbs-table.ts';

const view: OwnCbsView = {
  municipality: '1708',
  name: 'Steenwijkerland',
  year: 2020,
  youths: 8000,
  definition: '…',
  fictitious: false,
  protection: null,
  rows: [
    {
      period: '2020-H1',
      measure: 'totaal',
      label: 'Jongeren met jeugdhulp',
      own: 912,
      hidden: false,
      ownExtended: 1004,
      cbs: 905,
      cbsMissing: null,
      difference: 7,
      differencePct: 0.8,
      ownPercent: 11.4,
      cbsPercent: 11.31,
    },
    {
      period: '2020-H2',
      measure: 'met-verblijf',
      label: 'Jeugdhulp met verblijf',
      own: null,
      hidden: true,
      ownExtended: null,
      cbs: null,
      cbsMissing: 'geheim',
      difference: null,
      differencePct: null,
      ownPercent: null,
      cbsPercent: null,
    },
  ],
  explanations: [
    { period: '2020-H1', kind: 'pgb', count: 1, hidden: false, cents: null, direction: 'geen', text: 'Alleen PGB.' },
    { period: '2020-H2', kind: 'woonplaats', count: null, hidden: true, cents: null, direction: 'hoger', text: 'Elders.' },
    { period: '2020', kind: 'buiten-ijw', count: null, hidden: false, cents: 12_000_000, direction: 'lager', text: 'Subsidie.' },
  ],
};

describe('the own-versus-CBS table', () => {
  it('shows each period and measure, hidden counts as <10 and why CBS has no figure', () => {
    expect(ownCbsRows(view)).toEqual([
      {
        period: 'H1 2020',
        measure: 'Jongeren met jeugdhulp',
        own: 912,
        ownExtended: 1004,
        cbs: 905,
        difference: 7,
        differencePct: 0.8,
      },
      {
        period: 'H2 2020',
        measure: 'Jeugdhulp met verblijf',
        own: '<10',
        ownExtended: null,
        cbs: '– (geheim)',
        difference: null,
        differencePct: null,
      },
    ]);
  });

  it('gives each explanation its size and its direction', () => {
    expect(explanationRows(view)).toEqual([
      { period: 'H1 2020', size: '1 jongere', effect: 'in geen van beide', text: 'Alleen PGB.' },
      { period: 'H2 2020', size: '<10 jongeren', effect: 'hoger dan CBS', text: 'Elders.' },
      { period: '2020', size: '€\u00a0120.000', effect: 'lager dan CBS', text: 'Subsidie.' },
    ]);
  });
});

// Specification of the automatic caveats: each rule fires on its fact or figure, with the numbers in Dutch notation,
// and keeps quiet when there is nothing to warn about.
import { describe, expect, it } from 'vitest';
import type { MetricResult, Value } from '../contract/index.ts';
import {
  hidesCells,
  incompleteMonths,
  pgbInOrOut,
  productChange,
  protection,
  quarantined,
  rejected,
  subsidyShift,
} from './caveats.ts';
import type { DataFacts } from './facts.ts';
import type { Figures } from './messages/figures.ts';

const plain = (c: { text: string } | null) => c?.text.replace(/\u00a0/g, ' ');
const fig = (rows: Record<string, Value>[]): Figures => ({
  result: { metric: 'm', title: 'm', columns: [], rows, filters: {}, split: [] } as MetricResult,
  source: 'B1',
});
const FACTS: DataFacts = { quarantined: 0, productsAdded: 0, productsRemoved: 0, tariffsChanged: 0 };

describe('incomplete months', () => {
  it('names the months after the last invoiced care month', () => {
    expect(plain(incompleteMonths('2018-09', '2018-12-31', '2018-11-02T10:00:00'))).toBe(
      'Over oktober 2018 tot en met december 2018 zijn nog geen declaraties ingelezen; de cijfers over die maanden ontbreken of zijn onvolledig.',
    );
    expect(plain(incompleteMonths('2018-11', '2018-12-31', null))).toMatch(/^Over december 2018 zijn nog geen/);
  });
  it('warns that late invoices may come when the data was read within three months of the period end', () => {
    expect(incompleteMonths('2018-12', '2018-12-31', '2019-02-28T09:00:00')?.text).toMatch(/kunnen nog binnenkomen/);
    expect(incompleteMonths('2018-12', '2018-12-31', '2019-03-01T09:00:00')).toBeNull();
  });
  it('says so when there are no invoices at all', () => {
    expect(incompleteMonths(null, '2018-12-31', null)?.kind).toBe('incomplete-months');
  });
});

describe('quarantine and rejections', () => {
  it('counts quarantined records, and says nothing when there are none', () => {
    expect(quarantined({ ...FACTS, quarantined: 1234 })?.text).toBe(
      '1.234 records zijn bij het inlezen apart gezet (quarantaine) en tellen in geen enkel cijfer mee.',
    );
    expect(quarantined(FACTS)).toBeNull();
  });
  it('states the rejected amount and its share of the claimed', () => {
    expect(plain(rejected(fig([{ claimed: 10_490_000, rejected: 125_000, rejected_pct: 1.2 }]), 2018))).toBe(
      'Over 2018 is € 0,13 mln (1,2 % van het gedeclareerde bedrag) afgewezen.',
    );
    expect(rejected(fig([{ claimed: 100, rejected: 0, rejected_pct: 0 }]), 2018)).toBeNull();
  });
});

describe('changes between the years', () => {
  it('lists product-list and tariff changes', () => {
    expect(productChange({ ...FACTS, productsAdded: 3, tariffsChanged: 41 }, 2018, 2017)?.text).toBe(
      'De productlijst veranderde tussen 2017 en 2018: 3 nieuwe productcodes en 41 gewijzigde tarieven. Verschillen per product of zorgsoort kunnen daardoor deels administratief zijn.',
    );
    expect(productChange(FACTS, 2018, 2017)).toBeNull();
  });
  it('warns when PGB is counted in one year only', () => {
    const rows = [
      { year: 2017, financing: 'ZIN', cost: 900 },
      { year: 2018, financing: 'ZIN', cost: 1000 },
      { year: 2018, financing: 'PGB', cost: 50 },
    ];
    expect(pgbInOrOut(fig(rows), 2018, 2017)?.text).toBe(
      'In 2018 zijn PGB-kosten meegeteld, in 2017 niet: het verschil tussen de jaren is daardoor deels geen verandering in zorg.',
    );
    expect(pgbInOrOut(fig([...rows, { year: 2017, financing: 'PGB', cost: 40 }]), 2018, 2017)).toBeNull();
  });
  it('calls a care type that jumps from nothing a jump that is not growth', () => {
    const rows = [
      { year: 2018, care_type: 'jeugdbescherming', cost: 800_000, cost_previous: null },
      { year: 2018, care_type: 'crisis', cost: 20_000, cost_previous: null },
      { year: 2018, care_type: 'ambulant', cost: 5_000_000, cost_previous: 4_000_000 },
    ];
    expect(plain(subsidyShift(fig(rows), 2018, 10_000_000))).toBe(
      'De zorgsoort jeugdbescherming (€ 0,80 mln) heeft in 2018 declaraties en in 2017 geen: waarschijnlijk werd deze zorg eerder via subsidie betaald. Dat is een sprong die geen groei is.',
    );
    expect(subsidyShift(fig(rows.slice(1)), 2018, 10_000_000)).toBeNull();
  });
});

describe('protection', () => {
  it('says the figures are protected for a reader, and nothing for an analyst', () => {
    expect(protection(true, true)?.text).toMatch(/minder dan 10 cliënten/);
    expect(protection(false, true)).toBeNull();
  });
  it('sees a hidden cell in a count shown as "<10"', () => {
    const columns = [
      { name: 'care_type', unit: 'text' },
      { name: 'clients', unit: 'count' },
    ];
    expect(hidesCells({ columns, rows: [{ care_type: 'crisis', clients: '<10' }] })).toBe(true);
    expect(hidesCells({ columns, rows: [{ care_type: 'crisis', clients: 12 }] })).toBe(false);
  });
});

// Specification of the dashboard's Dutch formats: every string exactly as a user reads it (Intl puts a no-break space
// after the euro sign; written here as \u00a0).
import { describe, expect, it } from 'vitest';
import {
  axisFormatter,
  formatChange,
  formatDate,
  formatEur,
  formatCount,
  formatEurMln,
  formatEurShort,
  formatPct,
  formatPoints,
  formatPeriod,
  formatSignedEur,
  formatValue,
  isoDay,
} from './format.ts';

const E = '€\u00a0';

describe('amounts', () => {
  it('are whole euros with thousands separators from € 1.000 up, and € 0 for nothing', () => {
    expect(formatEur(50000)).toBe(`${E}50.000`);
    expect(formatEur(1234567.89)).toBe(`${E}1.234.568`);
    expect(formatEur(0)).toBe(`${E}0`);
  });
  it('keep two decimals below € 1.000, whole or not, so a column reads alike', () => {
    expect(formatEur(87.456)).toBe(`${E}87,46`);
    expect(formatEur(44)).toBe(`${E}44,00`);
  });
  it('put the minus sign in front of the euro sign', () => {
    expect(formatEur(-36171)).toBe(`−${E}36.171`);
    expect(formatSignedEur(12000)).toBe(`+${E}12.000`);
    expect(formatSignedEur(-3500)).toBe(`−${E}3.500`);
    expect(formatSignedEur(0)).toBe(`${E}0`);
  });
  it('read as millions where space is short', () => {
    expect(formatEurShort(1_234_567)).toBe(`${E}1,2\u00a0mln`);
    expect(formatEurShort(950_000)).toBe(`${E}950.000`);
  });
  it('read as millions with two decimals in a sentence of the council report', () => {
    expect(formatEurMln(670_000)).toBe(`${E}0,67\u00a0mln`);
    expect(formatEurMln(10_490_000)).toBe(`${E}10,49\u00a0mln`);
    expect(formatEurMln(-670_000)).toBe(`−${E}0,67\u00a0mln`);
  });
  it('count with thousands separators', () => {
    expect(formatCount(1362)).toBe('1.362');
  });
});

describe('percentages and changes', () => {
  it('always carry one decimal, so "1,0 %" stands beside "0,6 %"', () => {
    expect(formatPct(1)).toBe('1,0 %');
    expect(formatPct(0.6)).toBe('0,6 %');
    expect(formatPct(12.345)).toBe('12,3 %');
  });

  it('say a difference between two percentages in percentage points', () => {
    expect(formatPoints(1.2)).toBe('1,2 procentpunt');
    expect(formatPoints(11.2 - 10)).toBe('1,2 procentpunt');
  });
  it('show a change of a fraction with its sign', () => {
    expect(formatChange(0.125)).toBe('+12,5 %');
    expect(formatChange(-0.03)).toBe('−3,0 %');
    expect(formatChange(0)).toBe('0,0 %');
  });
});

describe('dates and periods', () => {
  it('write days as dd-mm-jjjj and keep a time', () => {
    expect(formatDate('2024-12-31')).toBe('31-12-2024');
    expect(formatDate('2024-12-31T09:05:00Z')).toBe('31-12-2024 09:05');
    expect(isoDay(new Date(2026, 0, 5))).toBe('2026-01-05');
  });
  it('write months, quarters and half years in words', () => {
    expect(formatPeriod('2015-01')).toBe('jan 2015');
    expect(formatPeriod('2024-12')).toBe('dec 2024');
    expect(formatPeriod('2018-K3')).toBe('K3 2018');
    expect(formatPeriod('2018-H2')).toBe('H2 2018');
    expect(formatPeriod('2018')).toBe('2018');
  });
});

describe('values by unit', () => {
  it('format each unit of a metric column', () => {
    expect(formatValue(1234, 'count')).toBe('1.234');
    expect(formatValue(12.34, 'days')).toBe('12,3');
    expect(formatValue(3, 'months')).toBe('3,0');
    expect(formatValue(0.5, 'ratio')).toBe('0,50');
    expect(formatValue(null, 'eur')).toBe('–');
    expect(formatValue('2024-01-31', 'date')).toBe('31-01-2024');
  });
});

describe('axis labels', () => {
  it('write amounts in full below € 10 mln and in millions, with one decimal on every tick, above', () => {
    const small = axisFormatter('eur', 2_400_000);
    expect([0, 200_000, -100_000].map(small)).toEqual([`${E}0`, `${E}200.000`, `−${E}100.000`]);
    const large = axisFormatter('eur', 12_000_000);
    expect([0, 500_000, 12_000_000].map(large)).toEqual([`${E}0,0\u00a0mln`, `${E}0,5\u00a0mln`, `${E}12,0\u00a0mln`]);
    expect(axisFormatter('eur', 250_000_000)(200_000_000)).toBe(`${E}200\u00a0mln`);
  });
  it('write percentages and counts without decimals unless the axis is short', () => {
    expect(axisFormatter('pct', 80)(20)).toBe('20 %');
    expect(axisFormatter('pct', 2)(0.5)).toBe('0,5 %');
    expect(axisFormatter('count', 3000)(2500)).toBe('2.500');
  });
});

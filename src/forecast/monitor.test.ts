// Specification of the monitoring windows: equally long before and after a measure's start.
import { describe, expect, it } from 'vitest';
import { type MonitorView, monitorSentence, monitorWindows, monthEnd } from './monitor.ts';

describe('monitor windows', () => {
  it('sets the stretch from the start through the last day beside an equally long stretch before it', () => {
    expect(monitorWindows('2018-01-01', '2018-12-31')).toEqual({
      before: { from: '2017-01-01', to: '2017-12-31' },
      after: { from: '2018-01-01', to: '2018-12-31' },
      days: 365,
    });
    expect(monitorWindows('2020-03-01', '2020-03-10')).toEqual({
      before: { from: '2020-02-20', to: '2020-02-29' },
      after: { from: '2020-03-01', to: '2020-03-10' },
      days: 10,
    });
  });

  it('has nothing to show before the start', () => {
    expect(monitorWindows('2021-01-01', '2020-12-31')).toBeNull();
  });

  it('ends a month on its last day', () => {
    expect([monthEnd('2020-02'), monthEnd('2018-12')]).toEqual(['2020-02-29', '2018-12-31']);
  });
});

describe('what moved', () => {
  const view: MonitorView = {
    id: 'm1',
    indicator: { metric: 'costs', column: 'cost' },
    start: '2018-01-01',
    label: 'Kosten (€)',
    unit: 'eur',
    days: 365,
    before: { from: '2017-01-01', to: '2017-12-31', value: 1_000 },
    after: { from: '2018-01-01', to: '2018-12-31', value: 2_500.5 },
    change: 1_500.5,
  };
  const text = (v: MonitorView) => monitorSentence(v).replace(/\u00a0/g, ' ');

  it('says the indicator rose or fell, by how much and over which stretches, and that it proves no cause', () => {
    expect(text(view)).toBe(
      'Kosten (€) is na de start (01-01-2018) gestegen van € 1.000 naar € 2.501 (+€ 1.501; +150 %), over 365 dagen vóór en 365 dagen na de start. Of de maatregel dat verschil maakte, zegt deze vergelijking niet.',
    );
    const share = { ...view, label: 'Aandeel specialistische GGZ (%)', unit: 'pct' as const };
    expect(text({ ...share, before: { ...view.before!, value: 40 }, after: { ...view.after!, value: 32.5 } })).toContain(
      'gedaald van 40,0 % naar 32,5 % (−7,5 procentpunt)',
    );
    expect(text({ ...view, after: { ...view.after!, value: 1_000 } })).toContain('gelijk gebleven: € 1.000');
  });

  it('says when there is nothing to compare yet', () => {
    expect(text({ ...view, before: null, after: null })).toBe(
      'De maatregel start op 01-01-2018: na de start zijn er nog geen gegevens.',
    );
    expect(text({ ...view, before: { ...view.before!, value: null } })).toBe(
      'Kosten (€) is vóór de start (01-01-2018) onbekend: er is niets te vergelijken.',
    );
  });
});

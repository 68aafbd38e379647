// Labels are text: every label a chart tooltip shows (ECharts tooltips are HTML) is escaped, so an imported provider
// name with markup shows as its characters and never becomes an element.
import { describe, expect, it } from 'vitest';
import type { MetricResult } from '../../src/metrics/types.ts';
import { categoryChart } from '../../src/charts/axis.ts';
import { frameOf } from '../../src/charts/frame.ts';
import { escapeHtml, tooltipLines } from '../../src/charts/html.ts';

const EVIL = '<img src=x onerror=alert(1)>';

describe('escapeHtml', () => {
  it('turns the five HTML-special characters into entities and leaves other text alone', () => {
    expect(escapeHtml(EVIL)).toBe('&lt;img src=x onerror=alert(1)&gt;');
    expect(escapeHtml(`Zorg & Co "De Hoek" 't Veld`)).toBe('Zorg &amp; Co &quot;De Hoek&quot; &#39;t Veld');
    expect(escapeHtml('&lt;')).toBe('&amp;lt;'); // an entity in a name is shown as typed, not decoded
    expect(escapeHtml('Jeugdzorg Noord € 1.234,50 — 12,5 %')).toBe('Jeugdzorg Noord € 1.234,50 — 12,5 %');
    expect(escapeHtml(null)).toBe('');
    expect(escapeHtml(2024)).toBe('2024');
  });

  it("joins tooltip lines with <br>, keeping only ECharts' own marker as HTML", () => {
    const marker = '<span style="background-color:#0072B2;"></span>';
    expect(tooltipLines(EVIL, { marker, text: `${EVIL}: € 1.000` })).toBe(
      `&lt;img src=x onerror=alert(1)&gt;<br>${marker} &lt;img src=x onerror=alert(1)&gt;: € 1.000`,
    );
  });
});

describe('chart tooltips', () => {
  it('show a provider named like an HTML element as text, in the category and in the series name', () => {
    const result: MetricResult = {
      metric: 'costs',
      title: 'Kosten',
      filters: {},
      split: ['provider', 'year'],
      columns: [
        { name: 'provider', label: 'Aanbieder', unit: 'text' },
        { name: 'year', label: 'Jaar', unit: 'text' },
        { name: 'cost', label: 'Kosten', unit: 'eur' },
      ],
      rows: [{ provider: '11111111', year: '2018', cost: 1000 }],
    };
    const f = frameOf(result, { provider: [{ value: '11111111', label: EVIL }] });
    const tooltip = (categoryChart(f, 'bar').option as { tooltip: { formatter: (items: unknown[]) => string } }).tooltip;
    const html = tooltip.formatter([
      { seriesIndex: 0, seriesName: `${EVIL} 2018`, marker: '•', value: 1000, axisValueLabel: EVIL },
    ]);
    expect(html).toBe('&lt;img src=x onerror=alert(1)&gt;<br>• &lt;img src=x onerror=alert(1)&gt; 2018: €\u00a01.000'); // Intl puts a no-break space after €
  });
});

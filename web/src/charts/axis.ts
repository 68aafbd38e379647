// Charts on a category axis: trend lines, bars (horizontal when there are many categories), Pareto and waterfall.
// Each returns the ECharts option and, per clicked item, the dimension values to drill into.
import { isPeriodDimension } from '../../../src/contract/dimensions.ts';
import type { Column } from '../../../src/metrics/types.ts';
import { formatAxis, formatValue } from '../format.ts';
import { tooltipLines } from './html.ts';
import type { Built, Drill } from './index.ts';
import { num, type Frame } from './frame.ts';
import type { ChartOption } from './setup.ts';

const MAX_SERIES = 8;
/** Bars beyond this many are not readable (and slow to draw): the chart shows the first ones, the table has all. */
const MAX_BARS = 60;

// Axes carry no name: the legend and tooltip name the series, and long Dutch names would be cut off at the axis.
function valueAxis(unit: Column['unit'], extra: object = {}) {
  return { type: 'value', axisLabel: { formatter: (v: number) => formatAxis(v, unit) }, ...extra };
}

function tooltip(units: Column['unit'][]) {
  return {
    trigger: 'axis',
    confine: true,
    valueFormatter: undefined,
    formatter: (
      items: { seriesIndex: number; seriesName: string; marker: string; value: number | null; axisValueLabel: string }[],
    ) =>
      tooltipLines(
        items[0]?.axisValueLabel ?? '',
        ...items.map((p) => ({
          marker: p.marker,
          text: `${p.seriesName}: ${formatValue(p.value, units[p.seriesIndex] ?? 'count')}`,
        })),
      ),
  };
}

/** Lines (trend) or bars over the first dimension; a second dimension becomes one series per value. */
export function categoryChart(f: Frame, kind: 'trend' | 'bar'): Built {
  const [d0, d1] = f.dims;
  const primary = f.primary;
  if (!d0 && primary && f.result.rows.length === 1) return measureBars(f, primary);
  if (!d0 || !primary) return { option: {}, drill: () => [] };
  // A trend over something that is not time (e.g. providers) reads better as bars.
  const type = kind === 'trend' && isPeriodDimension(d0.name) ? 'line' : 'bar';
  const all = f.categories(d0.name);
  const cats = type === 'bar' && !isPeriodDimension(d0.name) ? all.slice(0, MAX_BARS) : all;
  const index = new Map(cats.map((c, i) => [String(c.raw), i]));
  let series: object[];
  let units: Column['unit'][];
  let seriesRaw: (string | null)[] = [];
  let yAxes: object[];
  if (d1) {
    const groups = f.categories(d1.name).slice(0, MAX_SERIES);
    seriesRaw = groups.map((g) => (g.raw === null ? null : String(g.raw)));
    series = groups.map((g) => {
      const data: (number | null)[] = cats.map(() => null);
      for (const row of f.result.rows) {
        const at = index.get(String(row[d0.name]));
        if (at !== undefined && String(row[d1.name]) === String(g.raw)) data[at] = num(row[primary.name]);
      }
      // Stack parts of a whole; years side by side are compared, not added.
      return {
        name: g.label,
        type,
        data,
        stack: type === 'bar' && !isPeriodDimension(d1.name) ? 'totaal' : undefined,
        symbolSize: 7,
      };
    });
    units = groups.map(() => primary.unit);
    yAxes = [valueAxis(primary.unit)];
  } else {
    const firstRow = new Map<string, (typeof f.result.rows)[number]>();
    for (const r of f.result.rows) if (!firstRow.has(String(r[d0.name]))) firstRow.set(String(r[d0.name]), r);
    // The primary measure, plus one measure of another unit (e.g. clients beside euros) on a second axis.
    const second = f.measures.find((m) => m.unit !== primary.unit && (m.clientCount || m.unit === 'count'));
    const sameAxis = f.together.length > 1;
    const shown = sameAxis ? f.together : second ? [primary, second] : [primary];
    series = shown.map((m, i) => ({
      name: m.label,
      type: i === 0 || sameAxis ? type : 'line',
      yAxisIndex: sameAxis ? 0 : i,
      symbolSize: 7,
      data: cats.map((c) => num(firstRow.get(String(c.raw))?.[m.name])),
    }));
    units = shown.map((m) => m.unit);
    yAxes = sameAxis
      ? [valueAxis(shown[0].unit)]
      : shown.map((m, i) => valueAxis(m.unit, i ? { splitLine: { show: false } } : {}));
  }
  // Many or long category names do not fit under vertical bars: lay them out horizontally.
  const horizontal = type === 'bar' && !isPeriodDimension(d0.name) && cats.length > 6;
  if (horizontal && !d1 && !f.together.length) (series = series.slice(0, 1)), (units = units.slice(0, 1));
  const catAxis = { type: 'category', data: cats.map((c) => c.label), axisLabel: { hideOverlap: true }, inverse: horizontal };
  const option: ChartOption = {
    tooltip: tooltip(units),
    legend: { top: 0, type: 'scroll' },
    ...(cats.length < all.length
      ? {
          title: {
            text: `De eerste ${cats.length} van ${all.length}; de tabel toont meer.`,
            left: 'center',
            top: 24,
            textStyle: { fontSize: 12, fontWeight: 'normal' },
          },
        }
      : {}),
    grid: { left: 16, right: 24, top: cats.length < all.length ? 64 : 48, bottom: 16, containLabel: true },
    xAxis: horizontal ? yAxes[0] : catAxis,
    yAxis: horizontal ? catAxis : yAxes,
    series,
  };
  const height = horizontal ? Math.max(460, 90 + cats.length * (d1 ? 30 : 26)) : undefined;
  const drill: Drill = (p) => {
    const out = [{ dim: d0.name, value: cats[p.dataIndex]?.raw ?? null }];
    if (d1 && p.seriesIndex !== undefined) out.push({ dim: d1.name, value: seriesRaw[p.seriesIndex] });
    return out;
  };
  return { option, drill, height };
}

/** One row without dimensions: its measures of the primary's unit as bars (e.g. counts of early and planned endings). */
function measureBars(f: Frame, primary: Column): Built {
  const row = f.result.rows[0];
  const shown = f.measures.filter((m) => m.unit === primary.unit && num(row[m.name]) !== null);
  return {
    option: {
      tooltip: {
        trigger: 'axis',
        confine: true,
        formatter: (items: { name: string; value: number }[]) =>
          tooltipLines(`${items[0].name}: ${formatValue(items[0].value, primary.unit)}`),
      },
      grid: { left: 16, right: 24, top: 24, bottom: 16, containLabel: true },
      xAxis: valueAxis(primary.unit),
      yAxis: { type: 'category', data: shown.map((m) => m.label), inverse: true },
      series: [
        {
          type: 'bar',
          data: shown.map((m) => num(row[m.name])),
          label: { show: true, position: 'right', formatter: (p: { value: number }) => formatValue(p.value, primary.unit) },
        },
      ],
    },
    drill: () => [],
  };
}

/** Pareto: categories by size (largest 25), bars for the amount and a line for the cumulative share of the total. */
export function paretoChart(f: Frame): Built {
  const d0 = f.dims[0];
  const m = f.primary;
  if (!d0 || !m) return { option: {}, drill: () => [] };
  const rows = [...f.result.rows].filter((r) => num(r[m.name]) !== null).sort((a, b) => num(b[m.name])! - num(a[m.name])!);
  const total = rows.reduce((s, r) => s + num(r[m.name])!, 0) || 1;
  let running = 0;
  const top = rows.slice(0, 25);
  const cumulative = top.map((r) => Math.round(((running += num(r[m.name])!) / total) * 1000) / 10);
  return {
    option: {
      tooltip: tooltip([m.unit, 'pct']),
      legend: { top: 0 },
      grid: { left: 16, right: 24, top: 48, bottom: 16, containLabel: true },
      xAxis: {
        type: 'category',
        data: top.map((r) => f.label(d0.name, r[d0.name])),
        axisLabel: { rotate: 40, hideOverlap: true },
      },
      yAxis: [valueAxis(m.unit), valueAxis('pct', { max: 100, splitLine: { show: false } })],
      series: [
        { name: m.label, type: 'bar', data: top.map((r) => num(r[m.name])) },
        { name: 'Cumulatief aandeel', type: 'line', yAxisIndex: 1, data: cumulative, symbolSize: 6 },
      ],
    },
    drill: (p) => [{ dim: d0.name, value: top[p.dataIndex]?.[d0.name] ?? null }],
  };
}

/**
 * Waterfall of a year-on-year decomposition (one row per year with the cost and its `effect_*` columns): from the
 * previous year's cost, each effect as a step up or down, to this year's cost. The last year in the result is shown.
 */
export function waterfallChart(f: Frame): Built {
  const d0 = f.dims[0];
  const total = f.measures.find((m) => m.name === 'cost') ?? f.primary;
  const effects = f.measures.filter((m) => m.name.startsWith('effect_'));
  const rows = d0 ? [...f.result.rows].sort((a, b) => String(a[d0.name]).localeCompare(String(b[d0.name]))) : [];
  const row = rows.at(-1);
  const prev = rows.at(-2);
  if (!d0 || !total || !row || effects.length === 0 || !prev) return { option: {}, drill: () => [] };
  const steps = [
    { label: `${total.label} ${prev[d0.name]}`, value: num(prev[total.name]) ?? 0, isTotal: true },
    ...effects.map((e) => ({ label: e.label.replace(/^Effect /i, ''), value: num(row[e.name]) ?? 0, isTotal: false })),
    { label: `${total.label} ${row[d0.name]}`, value: num(row[total.name]) ?? 0, isTotal: true },
  ];
  const base: (number | string)[] = [];
  const up: (number | string)[] = [];
  const down: (number | string)[] = [];
  const totals: (number | string)[] = [];
  let level = 0;
  for (const step of steps) {
    if (step.isTotal) {
      level = step.value;
      base.push('-');
      up.push('-');
      down.push('-');
      totals.push(step.value);
      continue;
    }
    const from = level;
    level += step.value;
    base.push(Math.min(from, level));
    up.push(step.value >= 0 ? step.value : '-');
    down.push(step.value < 0 ? -step.value : '-');
    totals.push('-');
  }
  const fmt = (v: number) => formatValue(v, total.unit);
  const signed = (v: number) => `${v > 0 ? '+' : v < 0 ? '−' : ''}${fmt(Math.abs(v))}`;
  const label = (position: string, format: (v: number) => string) => ({
    show: true,
    position,
    formatter: (p: { value: number }) => format(p.value),
  });
  return {
    option: {
      tooltip: {
        trigger: 'axis',
        confine: true,
        formatter: (items: { dataIndex: number }[]) => {
          const s = steps[items[0].dataIndex];
          return tooltipLines(`${s.label}: ${s.isTotal ? fmt(s.value) : signed(s.value)}`);
        },
      },
      legend: { top: 0, data: ['Toename', 'Afname', 'Totaal'] },
      grid: { left: 16, right: 24, top: 48, bottom: 16, containLabel: true },
      xAxis: {
        type: 'category',
        data: steps.map((s) => s.label),
        axisLabel: { interval: 0, width: 120, overflow: 'break', lineHeight: 17 },
      },
      yAxis: valueAxis(total.unit),
      series: [
        {
          type: 'bar',
          stack: 'w',
          data: base,
          itemStyle: { color: 'transparent' },
          emphasis: { disabled: true },
          silent: true,
          tooltip: { show: false },
        },
        {
          name: 'Toename',
          type: 'bar',
          stack: 'w',
          data: up,
          itemStyle: { color: '#D55E00' },
          label: label('top', (v) => signed(v)),
        },
        {
          name: 'Afname',
          type: 'bar',
          stack: 'w',
          data: down,
          itemStyle: { color: '#009E73' },
          label: label('bottom', (v) => signed(-v)),
        },
        { name: 'Totaal', type: 'bar', stack: 'w', data: totals, itemStyle: { color: '#0072B2' }, label: label('top', fmt) },
      ],
    },
    drill: () => [],
  };
}

// Charts on a category axis: trend lines, bars (horizontal when there are many categories), Pareto and waterfall.
// Each returns the ECharts option and, per clicked item, the dimension values to drill into. The axis choices (how
// many bars, where an axis starts, how tall a chart gets) are small pure functions at the top, tested beside this file.
import { isPeriodDimension } from '../contract/dimensions.ts';
import type { Column, Unit } from '../contract/index.ts';
import { axisFormatter, formatSignedEur, formatValue } from '../contract/format.ts';
import { changeColour, FALL, NEUTRAL, RISE, seriesLook } from './colours.ts';
import { tooltipLines } from './html.ts';
import type { Built, ChartOption, Drill } from './index.ts';
import { num, type Category, type Frame } from './frame.ts';

/** Bars of a categorical chart: the largest ones, the rest summed into one "Overige (n)" bar (the table has them all). */
export const TOP_BARS = 15;
/** Series of a comparison drawn one by one; past this many, the smallest are summed into "Overige (n)". */
export const MAX_SERIES = 16;
/** No chart is taller than this (a 1366×768 screen keeps the chart and its heading in view). */
export const MAX_CHART_HEIGHT = 560;

/** The first `n` items, or all of them when only one more would be left (one "Overige (1)" bar says nothing). */
export function topN<T>(items: T[], n: number): { shown: T[]; rest: T[] } {
  if (items.length <= n + 1) return { shown: items, rest: [] };
  return { shown: items.slice(0, n), rest: items.slice(n) };
}

/** Units whose values may be added up across categories (an "Overige" bar sums them); percentages and averages may not. */
export function additive(unit: Unit): boolean {
  return unit === 'eur' || unit === 'count';
}

/** The label of the bar that sums the rest. */
export function restLabel(count: number): string {
  return `Overige (${count})`;
}

/** Height of a horizontal bar chart with `bars` bars (`perBar` px each), never above MAX_CHART_HEIGHT. */
export function horizontalHeight(bars: number, perBar = 26): number {
  return Math.min(MAX_CHART_HEIGHT, Math.max(360, 90 + bars * perBar));
}

/**
 * Where a value axis starts. At 0, unless every value is positive and they differ by less than a third of the largest
 * (a waterfall of effects of a few percent on a large total): then just below the smallest, on a round number, so the
 * differences can be seen. The chart then says on the axis that it does not start at 0.
 */
export function axisStart(values: number[]): number {
  const finite = values.filter((v) => Number.isFinite(v));
  if (!finite.length) return 0;
  const lo = Math.min(...finite);
  const hi = Math.max(...finite);
  if (lo <= 0 || hi - lo >= hi / 3) return 0;
  // Half a power of ten at least as large as the span: a start the axis' own round ticks continue from.
  const span = Math.max(hi - lo, hi / 100);
  const step = 10 ** Math.ceil(Math.log10(span)) / 2;
  return Math.max(0, Math.floor((lo - span) / step) * step);
}

/** Pixels a wrapping legend of these names takes at the top of a chart about 900 px wide (14 px type). */
export function legendHeight(names: string[], width = 860): number {
  let rows = 1;
  let used = 0;
  for (const name of names) {
    const w = 40 + name.length * 8;
    if (used + w > width && used > 0) {
      rows++;
      used = 0;
    }
    used += w;
  }
  return 12 + rows * 26;
}

/** A measure that is a change (a rise or a fall): its bars take the rise/fall colours and carry their sign. */
export function isChange(m: Column): boolean {
  return /(^|_)change($|_)|^effect_/.test(m.name) && m.unit !== 'pct';
}

// Axes carry no name: the legend and tooltip name the series, and long Dutch names would be cut off at the axis.
function valueAxis(unit: Column['unit'], max: number, extra: object = {}) {
  return { type: 'value', axisLabel: { formatter: axisFormatter(unit, max) }, ...extra };
}

const maxAbs = (values: (number | null | string)[]) =>
  Math.max(0, ...values.map((v) => (typeof v === 'number' && Number.isFinite(v) ? Math.abs(v) : 0)));

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
          text: `${p.seriesName}: ${signedValue(p.value, units[p.seriesIndex] ?? 'count')}`,
        })),
      ),
  };
}

/** A value as text; amounts of change keep their sign. */
function signedValue(v: number | null, unit: Unit, change = false): string {
  if (v === null || !change || unit !== 'eur') return formatValue(v, unit);
  return formatSignedEur(v);
}

/** The look of series i as ECharts style (line dash and symbol for lines, a hatch for bars past the palette). */
function styled(i: number, type: 'line' | 'bar'): object {
  const look = seriesLook(i);
  if (type === 'line') return { itemStyle: { color: look.color }, lineStyle: { type: look.lineType }, symbol: look.symbol };
  return {
    itemStyle: {
      color: look.color,
      ...(look.hatched
        ? { decal: { symbol: 'rect', symbolSize: 1, dashArrayX: [1, 0], dashArrayY: [2, 5], rotation: -0.785 } }
        : {}),
    },
  };
}

const OVERIG = Symbol('overig');
type Slot = Category | { raw: typeof OVERIG; label: string; members: Set<string> };

/** Lines (trend) or bars over the first dimension; a second dimension becomes one series per value. */
export function categoryChart(f: Frame, kind: 'trend' | 'bar'): Built {
  const [d0, d1] = f.dims;
  const primary = f.primary;
  if (!d0 && primary && f.result.rows.length === 1) return measureBars(f, primary);
  if (!d0 || !primary) return { option: {}, drill: () => [] };
  // A trend over something that is not time (e.g. providers) reads better as bars.
  const type = kind === 'trend' && isPeriodDimension(d0.name) ? 'line' : 'bar';
  const shownMeasures = d1 ? [primary] : f.together.length > 1 ? f.together : [primary];
  const canSum = shownMeasures.every((m) => additive(m.unit));
  let all = f.categories(d0.name);
  const cut = type === 'bar' && !isPeriodDimension(d0.name) && all.length > TOP_BARS + 1;
  // Long categorical bar charts: the largest bars, the rest summed in one (or, for averages, left to the table).
  // Largest by everything drawn (claimed beside rejected), not by the first measure alone, which may be 0 for most.
  if (cut) {
    const size = new Map<string, number>();
    for (const r of f.result.rows) {
      const key = String(r[d0.name]);
      size.set(key, (size.get(key) ?? 0) + shownMeasures.reduce((t, m) => t + Math.abs(num(r[m.name]) ?? 0), 0));
    }
    all = [...all].sort((a, b) => (size.get(String(b.raw)) ?? 0) - (size.get(String(a.raw)) ?? 0));
  }
  const { shown, rest } = cut ? topN(all, TOP_BARS) : { shown: all, rest: [] };
  const cats: Slot[] =
    rest.length && canSum
      ? [...shown, { raw: OVERIG, label: restLabel(rest.length), members: new Set(rest.map((c) => String(c.raw))) }]
      : shown;
  const slotOf = new Map<string, number>();
  cats.forEach((c, i) => {
    if (c.raw === OVERIG) for (const k of (c as { members: Set<string> }).members) slotOf.set(k, i);
    else slotOf.set(String(c.raw), i);
  });
  const add = (data: (number | null)[], at: number | undefined, v: number | null) => {
    if (at === undefined || v === null) return;
    data[at] = (data[at] ?? 0) + v;
  };
  let series: object[];
  let units: Column['unit'][];
  let seriesRaw: (string | null)[] = [];
  let yAxes: object[];
  let note: string | null = null;
  const change = isChange(primary);
  if (d1) {
    const groupsAll = f.categories(d1.name);
    // Largest series first when they have no order of their own, so a cut keeps the ones that matter.
    if (!isPeriodDimension(d1.name)) {
      const size = new Map<string, number>();
      for (const r of f.result.rows)
        size.set(String(r[d1.name]), (size.get(String(r[d1.name])) ?? 0) + Math.abs(num(r[primary.name]) ?? 0));
      groupsAll.sort((a, b) => (size.get(String(b.raw)) ?? 0) - (size.get(String(a.raw)) ?? 0));
    }
    const cut = groupsAll.length > MAX_SERIES ? topN(groupsAll, MAX_SERIES - 1) : { shown: groupsAll, rest: [] };
    const groups: { label: string; keys: Set<string>; raw: string | null }[] = cut.shown.map((g) => ({
      label: g.label,
      keys: new Set([String(g.raw)]),
      raw: g.raw === null ? null : String(g.raw),
    }));
    if (cut.rest.length && canSum)
      groups.push({ label: restLabel(cut.rest.length), keys: new Set(cut.rest.map((g) => String(g.raw))), raw: null });
    else if (cut.rest.length) note = `De ${cut.shown.length} grootste van ${groupsAll.length} reeksen; de tabel toont ze alle.`;
    seriesRaw = groups.map((g) => g.raw);
    series = groups.map((g, gi) => {
      const data: (number | null)[] = cats.map(() => null);
      for (const row of f.result.rows)
        if (g.keys.has(String(row[d1.name]))) add(data, slotOf.get(String(row[d0.name])), num(row[primary.name]));
      // Stack parts of a whole; years side by side are compared, not added.
      return {
        name: g.label,
        type,
        data,
        stack: type === 'bar' && !isPeriodDimension(d1.name) && !change ? 'totaal' : undefined,
        symbolSize: 7,
        ...styled(gi, type),
      };
    });
    units = groups.map(() => primary.unit);
    // Stacked bars reach the sum of a category's parts: the axis format follows the highest stack.
    const datas = series.map((s) => (s as { data: (number | null)[] }).data);
    const stacks = cats.map((_, i) => datas.reduce((sum, d) => sum + Math.abs(d[i] ?? 0), 0));
    yAxes = [valueAxis(primary.unit, maxAbs([...datas.flat(), ...stacks]))];
  } else {
    // The primary measure, plus one measure of another unit (e.g. clients beside euros) on a second axis.
    const second = f.measures.find((m) => m.unit !== primary.unit && (m.clientCount || m.unit === 'count'));
    const sameAxis = f.together.length > 1;
    const horizontalSoon = type === 'bar' && !isPeriodDimension(d0.name) && cats.length > 6;
    const measures = sameAxis ? f.together : second && !horizontalSoon ? [primary, second] : [primary];
    const seen = new Set<string>();
    const columns = measures.map(() => cats.map((): number | null => null));
    for (const r of f.result.rows) {
      // One row per category (a second key column, such as the year, is not split here): the first counts.
      const key = String(r[d0.name]);
      if (seen.has(key)) continue;
      seen.add(key);
      for (const [i, m] of measures.entries()) add(columns[i], slotOf.get(key), num(r[m.name]));
    }
    series = measures.map((m, i) => ({
      name: m.label,
      type: i === 0 || sameAxis ? type : 'line',
      yAxisIndex: sameAxis ? 0 : i,
      symbolSize: 7,
      ...styled(i, i === 0 || sameAxis ? type : 'line'),
      data: columns[i],
    }));
    units = measures.map((m) => m.unit);
    yAxes = sameAxis
      ? [valueAxis(measures[0].unit, maxAbs(columns.flat()))]
      : measures.map((m, i) => valueAxis(m.unit, maxAbs(columns[i]), i ? { splitLine: { show: false } } : {}));
  }
  // Many or long category names do not fit under vertical bars: lay them out horizontally.
  const horizontal = type === 'bar' && !isPeriodDimension(d0.name) && cats.length > 6;
  // One series of changes: rises and falls in their own colours, each bar labelled with its signed amount.
  const signed = change && series.length === 1 && type === 'bar';
  if (signed)
    series = series.map((one) => {
      const s = one as { data: (number | null)[] };
      return {
        ...s,
        data: s.data.map((v) => ({ value: v, itemStyle: { color: changeColour(v ?? 0) } })),
        label: {
          show: true,
          position: horizontal ? 'right' : 'top',
          formatter: (p: { value: number }) => signedValue(p.value, primary.unit, true),
        },
      };
    });
  const catAxis = { type: 'category', data: cats.map((c) => c.label), axisLabel: { hideOverlap: true }, inverse: horizontal };
  if (rest.length)
    note = canSum
      ? `De ${shown.length} grootste van ${all.length}; de overige ${rest.length} samen in „${restLabel(rest.length)}”.`
      : `De ${shown.length} grootste van ${all.length}; de tabel toont ze alle.`;
  // Every series in the legend, wrapped over as many lines as it takes (a scrolling legend hides series).
  const legend = signed ? null : { top: 0, type: 'plain' };
  const top = (legend ? legendHeight(series.map((x) => (x as { name: string }).name)) : 12) + (note ? 24 : 0);
  const option: ChartOption = {
    tooltip: tooltip(units),
    ...(legend ? { legend } : {}),
    ...(note ? { title: { text: note, left: 'center', top: top - 24, textStyle: { fontSize: 13, fontWeight: 'normal' } } } : {}),
    grid: { left: 16, right: signed ? 96 : 24, top: top + 8, bottom: 16, containLabel: true },
    xAxis: horizontal ? yAxes[0] : catAxis,
    yAxis: horizontal ? catAxis : yAxes,
    series,
  };
  const height = horizontal ? horizontalHeight(cats.length, d1 ? 30 : 26) : undefined;
  const drill: Drill = (p) => {
    const slot = cats[p.dataIndex];
    if (!slot || slot.raw === OVERIG) return [];
    const out = [{ dim: d0.name, value: slot.raw as Category['raw'] }];
    if (d1 && p.seriesIndex !== undefined && seriesRaw[p.seriesIndex] !== null)
      out.push({ dim: d1.name, value: seriesRaw[p.seriesIndex] });
    return out;
  };
  const notes = signed ? ['Stijging in oranje, daling in blauw; het bedrag bij elke staaf draagt het teken (+ of −).'] : [];
  return { option, drill, height, notes };
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
      xAxis: valueAxis(primary.unit, maxAbs(shown.map((m) => num(row[m.name])))),
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
        // Names (a practice, a provider) can be long: cut at 160 px so the bars keep their room; the tooltip has the whole.
        axisLabel: { rotate: 40, hideOverlap: true, width: 160, overflow: 'truncate' },
      },
      yAxis: [
        valueAxis(m.unit, maxAbs(top.map((r) => num(r[m.name])))),
        valueAxis('pct', 100, { max: 100, splitLine: { show: false } }),
      ],
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
  // Every level the bars reach: effects of a few percent on a large total vanish on an axis from 0.
  const levels: number[] = [];
  let at = 0;
  for (const step of steps) levels.push((at = step.isTotal ? step.value : at + step.value));
  const start = axisStart(levels);
  const axisNote = start > 0 ? `Let op: de as begint bij ${fmt(start)}, niet bij 0` : '';
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
      grid: { left: 16, right: 24, top: start > 0 ? 72 : 48, bottom: 16, containLabel: true },
      xAxis: {
        type: 'category',
        data: steps.map((s) => s.label),
        axisLabel: { interval: 0, width: 120, overflow: 'break', lineHeight: 17 },
      },
      yAxis: valueAxis(total.unit, maxAbs(levels), {
        ...(start > 0 ? { min: start, name: axisNote, nameLocation: 'end', nameGap: 16 } : {}),
        nameTextStyle: { align: 'left', fontSize: 13, fontWeight: 'bold', color: '#1b1f24' },
      }),
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
          itemStyle: { color: RISE },
          label: label('top', (v) => signed(v)),
        },
        {
          name: 'Afname',
          type: 'bar',
          stack: 'w',
          data: down,
          itemStyle: { color: FALL },
          label: label('bottom', (v) => signed(-v)),
        },
        { name: 'Totaal', type: 'bar', stack: 'w', data: totals, itemStyle: { color: NEUTRAL }, label: label('top', fmt) },
      ],
    },
    drill: () => [],
    notes: axisNote ? [`${axisNote}: zo zijn de effecten te zien naast het totaal.`] : [],
  };
}

// Charts with their own geometry: the cohort heat-map (entry year × later year) and the pathway Sankey.
import { formatValue } from '../format.ts';
import { tooltipLines } from './html.ts';
import { PALETTE } from './setup.ts';

const careColours = new Map<string, string>();
function colourOf(label: string): string {
  if (!careColours.has(label)) careColours.set(label, PALETTE[careColours.size % PALETTE.length]);
  return careColours.get(label)!;
}
import type { Built } from './index.ts';
import { num, type Frame } from './frame.ts';

/** Heat-map: rows = first dimension (e.g. entry year), columns = second (e.g. year), colour = the primary measure. */
export function heatmapChart(f: Frame): Built {
  const [dy, dx] = f.dims;
  const m = f.primary;
  if (!dy || !dx || !m) return { option: {}, drill: () => [] };
  const ys = f.categories(dy.name);
  const xs = f.categories(dx.name);
  const yi = new Map(ys.map((c, i) => [String(c.raw), i]));
  const xi = new Map(xs.map((c, i) => [String(c.raw), i]));
  const data = f.result.rows
    .filter((r) => num(r[m.name]) !== null)
    .map((r) => [xi.get(String(r[dx.name]))!, yi.get(String(r[dy.name]))!, num(r[m.name])!]);
  const max = Math.max(1, ...data.map((d) => d[2]));
  return {
    option: {
      tooltip: {
        confine: true,
        formatter: (p: { value: number[] }) =>
          tooltipLines(
            `${dy.label} ${ys[p.value[1]].label}, ${dx.label} ${xs[p.value[0]].label}: ${formatValue(p.value[2], m.unit)}`,
          ),
      },
      grid: { left: 40, right: 24, top: 16, bottom: 90, containLabel: true },
      xAxis: {
        type: 'category',
        name: dx.label,
        nameLocation: 'middle',
        nameGap: 30,
        data: xs.map((c) => c.label),
        splitArea: { show: true },
      },
      yAxis: {
        type: 'category',
        name: dy.label,
        nameLocation: 'middle',
        nameGap: 50,
        data: ys.map((c) => c.label),
        inverse: true,
        splitArea: { show: true },
      },
      // Sequential single-hue scale (light to dark blue): readable with every form of colour-blindness.
      visualMap: {
        min: 0,
        max,
        calculable: true,
        orient: 'horizontal',
        left: 'center',
        bottom: 0,
        inRange: { color: ['#f0f6fb', '#56B4E9', '#0072B2', '#023858'] },
      },
      series: [
        {
          type: 'heatmap',
          data,
          label: {
            show: data.length <= 150,
            formatter: (p: { value: number[] }) => formatValue(p.value[2], m.unit),
            fontSize: 14,
          },
          emphasis: { itemStyle: { borderColor: '#000', borderWidth: 1 } },
        },
      ],
    },
    drill: () => [],
  };
}

/**
 * Sankey of transitions (source → target, weighted by the primary measure). With a 'step' column, nodes are per step
 * (care type at step n → care type at step n + 1); otherwise sources and targets are separate nodes. Either way a step
 * back ("verblijf → ambulant" beside "ambulant → verblijf") cannot make a cycle, which a Sankey cannot draw.
 */
export function sankeyChart(f: Frame): Built {
  const [from, to] = f.dims;
  const m = f.primary;
  if (!from || !to || !m) return { option: {}, drill: () => [] };
  const hasStep = f.result.columns.some((c) => c.name === 'step');
  const nodes = new Map<string, string>();
  const weights = new Map<string, { source: string; target: string; value: number }>();
  for (const r of f.result.rows) {
    const v = num(r[m.name]) ?? 0;
    if (v <= 0) continue;
    const step = hasStep ? Number(r.step) : 0;
    const source = hasStep ? `${step}|${f.label(from.name, r[from.name])}` : `van|${f.label(from.name, r[from.name])}`;
    const target = hasStep ? `${step + 1}|${f.label(to.name, r[to.name])}` : `naar|${f.label(to.name, r[to.name])}`;
    nodes.set(source, f.label(from.name, r[from.name]));
    nodes.set(target, f.label(to.name, r[to.name]));
    const key = `${source}→${target}`;
    const link = weights.get(key) ?? { source, target, value: 0 };
    link.value += v;
    weights.set(key, link);
  }
  const links = [...weights.values()];
  return {
    option: {
      tooltip: {
        confine: true,
        formatter: (p: {
          dataType: string;
          data: { source?: string; target?: string; value: number };
          name: string;
          value: number;
        }) =>
          tooltipLines(
            p.dataType === 'edge'
              ? `${nodes.get(p.data.source!)} → ${nodes.get(p.data.target!)}: ${formatValue(p.data.value, m.unit)}`
              : `${nodes.get(p.name)}: ${formatValue(p.value, m.unit)}`,
          ),
      },
      series: [
        {
          type: 'sankey',
          left: 16,
          right: 160,
          nodeWidth: 18,
          top: 16,
          bottom: 16,
          nodeGap: 10,
          // One colour per care type, the same at every step.
          data: [...nodes.keys()].map((name) => ({ name, itemStyle: { color: colourOf(nodes.get(name)!) } })),
          links,
          emphasis: { focus: 'adjacency' },
          lineStyle: { color: 'gradient', opacity: 0.35 },
          label: {
            formatter: (p: { name: string }) => nodes.get(p.name) ?? p.name,
            fontSize: 13,
            color: '#1b1f24',
            position: 'right',
          },
        },
      ],
    },
    drill: () => [],
  };
}

// Charts with their own geometry: the cohort heat-map (entry year × later year) and the pathway Sankey.
import { formatValue } from '../contract/format.ts';
import { FALL, PALETTE, RISE } from './colours.ts';
import { tooltipLines } from './html.ts';

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
        formatter: (v: number) => formatValue(v, m.unit),
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

/** The Sankey shows the first transitions of a pathway (later ones are few and crowd the labels)… */
export const SANKEY_STEPS = 3;
/** …and only its largest flows; the table has every one. */
export const SANKEY_LINKS = 20;

/** Link colours by the metric's kind of transition: up to and down from residential care stand out, the rest is grey. */
const KIND_COLOUR: Record<string, string> = { opschaling: RISE, afschaling: FALL };
const OTHER_LINK = '#b8bec6';

/**
 * Sankey of transitions (source → target, weighted by the primary measure). With a 'step' column, nodes are per step
 * (care type at step n → care type at step n + 1), the first SANKEY_STEPS steps; otherwise sources and targets are
 * separate nodes. Either way a step back ("verblijf → ambulant" beside "ambulant → verblijf") cannot make a cycle,
 * which a Sankey cannot draw. Only the SANKEY_LINKS largest flows are drawn, and the notes say so.
 */
export function sankeyChart(f: Frame): Built {
  const [from, to] = f.dims;
  const m = f.primary;
  if (!from || !to || !m) return { option: {}, drill: () => [] };
  const hasStep = f.result.columns.some((c) => c.name === 'step');
  const hasKind = f.result.columns.some((c) => c.name === 'kind');
  const weights = new Map<string, { source: string; target: string; value: number; kind: string }>();
  const names = new Map<string, string>();
  let later = 0;
  for (const r of f.result.rows) {
    const v = num(r[m.name]) ?? 0;
    if (v <= 0) continue;
    const step = hasStep ? Number(r.step) : 0;
    if (step > SANKEY_STEPS) {
      later++;
      continue;
    }
    const source = hasStep ? `${step}|${f.label(from.name, r[from.name])}` : `van|${f.label(from.name, r[from.name])}`;
    const target = hasStep ? `${step + 1}|${f.label(to.name, r[to.name])}` : `naar|${f.label(to.name, r[to.name])}`;
    names.set(source, f.label(from.name, r[from.name]));
    names.set(target, f.label(to.name, r[to.name]));
    const key = `${source}→${target}`;
    const link = weights.get(key) ?? { source, target, value: 0, kind: hasKind ? String(r.kind) : '' };
    link.value += v;
    weights.set(key, link);
  }
  const ranked = [...weights.values()].sort((a, b) => b.value - a.value);
  const links = ranked.slice(0, SANKEY_LINKS);
  const used = new Set(links.flatMap((l) => [l.source, l.target]));
  const nodes = new Map([...names].filter(([key]) => used.has(key)));
  const notes = [
    [
      hasStep ? `De eerste ${SANKEY_STEPS} overgangen van elk zorgpad` : '',
      ranked.length > links.length ? `de ${links.length} grootste stromen van ${ranked.length}` : '',
      later || ranked.length > links.length ? 'de tabel toont alle overgangen' : '',
    ]
      .filter(Boolean)
      .join('; ')
      .replace(/^./, (c) => c.toUpperCase()),
    hasKind
      ? 'Oranje: opschaling (naar zorg met verblijf); blauw: afschaling (uit verblijf); grijs: binnen verblijf of tussen zorg zonder verblijf.'
      : '',
  ].filter(Boolean);
  return {
    option: {
      tooltip: {
        confine: true,
        formatter: (p: {
          dataType: string;
          data: { source?: string; target?: string; value: number; kind?: string };
          name: string;
          value: number;
        }) =>
          tooltipLines(
            p.dataType === 'edge'
              ? `${nodes.get(p.data.source!)} → ${nodes.get(p.data.target!)}${p.data.kind ? ` (${p.data.kind})` : ''}: ${formatValue(p.data.value, m.unit)}`
              : `${nodes.get(p.name)}: ${formatValue(p.value, m.unit)}`,
          ),
      },
      series: [
        {
          type: 'sankey',
          left: 16,
          right: 150,
          nodeWidth: 16,
          top: 16,
          bottom: 16,
          nodeGap: 14,
          layoutIterations: 64,
          // One colour per care type, the same at every step.
          data: [...nodes.keys()].map((name) => ({ name, itemStyle: { color: colourOf(nodes.get(name)!) } })),
          links: links.map((l) => ({ ...l, lineStyle: { color: KIND_COLOUR[l.kind] ?? OTHER_LINK } })),
          emphasis: { focus: 'adjacency' },
          lineStyle: { opacity: 0.45 },
          // Small nodes stacked close together would print their names over each other: those lose their label.
          labelLayout: { hideOverlap: true },
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
    height: 520,
    notes,
  };
}

// Key message on the benchmark: how far the municipality's share of youths with youth care lies above or below its
// youth-care region's (CBS's figures), said only when the gap is clear.
import { formatPct, formatPeriod, formatPoints } from '../../contract/format.ts';
import type { BenchmarkMeasure, BenchmarkSeries } from '../../benchmark/series.ts';
import type { Ranked } from './figures.ts';

/** A gap smaller than this (relative, in %) is no message: CBS's shares move that much from one half-year to the next. */
export const CLEAR_GAP_PCT = 5;

const NOUN: Record<Exclude<BenchmarkMeasure, 'kosten-per-inwoner' | 'kosten-per-client'>, string> = {
  jeugdhulp: 'jeugdhulp',
  'zonder-verblijf': 'jeugdhulp zonder verblijf',
  'met-verblijf': 'jeugdhulp met verblijf',
};

/** How far `own` lies above (+) or below (−) `region`, in % of the region's share; null without a region share. */
export function relativeGap(own: number | null, region: number | null): number | null {
  return own === null || region === null || region <= 0 ? null : (100 * (own - region)) / region;
}

/**
 * "Het aandeel jongeren met jeugdhulp zonder verblijf is 12,0 % hoger dan in de regio: 11,2 % tegen 10,0 % in
 * jeugdzorgregio IJsselland (H2 2020), 1,2 procentpunt verschil." On the last period of `year` with both shares; the gap is relative (the
 * municipality's share ÷ the region's − 1). Null without both shares or with a gap under CLEAR_GAP_PCT.
 */
export function regionGap(series: BenchmarkSeries, year: number, source: string, weight = 45): Ranked | null {
  // The message speaks of shares of youths: an amount per inhabitant or per youth in care has no rule here.
  if (series.measure === 'kosten-per-inwoner' || series.measure === 'kosten-per-client') return null;
  const noun = NOUN[series.measure];
  const own = series.lines.find((l) => l.who === 'gemeente');
  const region = series.lines.find((l) => l.who === 'regio');
  if (!own || !region) return null;
  const periods = own.points
    .filter((p) => p.period.startsWith(String(year)) && p.percent !== null)
    .map((p) => ({
      period: p.period,
      own: p.percent!,
      region: region.points.find((q) => q.period === p.period)?.percent ?? null,
    }))
    .filter((p): p is { period: string; own: number; region: number } => p.region !== null && p.region > 0);
  const last = periods.at(-1);
  if (!last) return null;
  const gap = relativeGap(last.own, last.region)!;
  if (Math.abs(gap) < CLEAR_GAP_PCT) return null;
  // Relative (% of the region's share) and absolute (percentage points) both said: "12 %" alone reads as points.
  const text =
    `Het aandeel jongeren met ${noun} is ${formatPct(Math.abs(gap))} ${gap > 0 ? 'hoger' : 'lager'} dan in de regio: ` +
    `${formatPct(last.own)} tegen ${formatPct(last.region)} in ${region.label} (${formatPeriod(last.period)}), ` +
    `${formatPoints(Math.abs(last.own - last.region))} verschil.`;
  return { message: { rule: 'benchmark-region', text, sources: [source] }, weight };
}

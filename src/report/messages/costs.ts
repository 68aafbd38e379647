// Key messages on the cost and client trend: the growth of the report year, the clients and cost per client over the
// years, and a break in the trend (growth that turns, speeds up or slows down markedly).
import { formatCount, formatEur } from '../../contract/format.ts';
import { amount, type Figures, message, moved, num, type Ranked, rowOfYear, size } from './figures.ts';

/** Percentage points by which this year's growth must differ from last year's to count as a break in the trend. */
export const TREND_BREAK_POINTS = 10;

/**
 * "De kosten stegen in 2018 met € 0,67 mln (6,8 %) naar € 10,49 mln." from costs_yoy; null without a previous year.
 * @param yoy costs_yoy without split (one row per year)
 */
export function costGrowth(yoy: Figures, year: number): Ranked | null {
  const row = rowOfYear(yoy.result, year);
  const cost = num(row, 'cost');
  const change = num(row, 'cost_change');
  const pct = num(row, 'cost_change_pct');
  if (cost === null || change === null || pct === null) return null;
  const text =
    change === 0
      ? `De kosten bleven in ${year} gelijk: ${amount(cost)}.`
      : `De kosten ${moved(change)} in ${year} met ${amount(Math.abs(change))} (${size(pct)}) naar ${amount(cost)}.`;
  return message('cost-growth', text, [yoy], 100);
}

/**
 * "Het aantal cliënten steeg van 613 in 2015 naar 929 in 2018; de kosten per cliënt stegen van € 10.082 naar
 * € 11.292." from costs split by year: the first year of the table against the report year.
 */
export function clientsAndCostPerClient(costs: Figures, year: number): Ranked | null {
  const years = costs.result.rows.map((r) => Number(r.year)).filter((y) => y < year);
  if (years.length === 0) return null;
  const first = Math.min(...years);
  const [a, b] = [rowOfYear(costs.result, first), rowOfYear(costs.result, year)];
  const [c0, c1] = [num(a, 'clients'), num(b, 'clients')];
  const [p0, p1] = [num(a, 'cost_per_client'), num(b, 'cost_per_client')];
  if (c0 === null || c1 === null || p0 === null || p1 === null) return null;
  const clients =
    c0 === c1
      ? `Het aantal cliënten was in ${first} en ${year} gelijk: ${formatCount(c1)}`
      : `Het aantal cliënten ${moved(c1 - c0, true)} van ${formatCount(c0)} in ${first} naar ${formatCount(c1)} in ${year}`;
  const perClient =
    formatEur(p0) === formatEur(p1)
      ? `de kosten per cliënt bleven ${formatEur(p1)}`
      : `de kosten per cliënt ${moved(p1 - p0)} van ${formatEur(p0)} naar ${formatEur(p1)}`;
  return message('clients-cost-per-client', `${clients}; ${perClient}.`, [costs], 90);
}

/**
 * A break in the trend of the cost: growth after a fall or a fall after growth, or growth that differs from last year's
 * by at least TREND_BREAK_POINTS percentage points ("De kostengroei vlakte af: 6,8 % in 2018 tegen 25,7 % in 2017.").
 */
export function trendBreak(yoy: Figures, year: number): Ranked | null {
  const now = num(rowOfYear(yoy.result, year), 'cost_change_pct');
  const before = num(rowOfYear(yoy.result, year - 1), 'cost_change_pct');
  if (now === null || before === null || now === 0 || before === 0) return null;
  const last = year - 1;
  if (Math.sign(now) !== Math.sign(before)) {
    const text =
      now > 0
        ? `Na een daling van ${size(before)} in ${last} stegen de kosten in ${year} weer, met ${size(now)}.`
        : `Na een stijging van ${size(before)} in ${last} daalden de kosten in ${year}, met ${size(now)}.`;
    return message('trend-break', text, [yoy], 95);
  }
  if (Math.abs(now - before) < TREND_BREAK_POINTS) return null;
  const rising = now > 0;
  const stronger = Math.abs(now) > Math.abs(before);
  const what = rising
    ? stronger
      ? 'De kostengroei versnelde'
      : 'De kostengroei vlakte af'
    : stronger
      ? 'De daling van de kosten zette sterker door'
      : 'De daling van de kosten vlakte af';
  return message('trend-break', `${what}: ${size(now)} in ${year} tegen ${size(before)} in ${last}.`, [yoy], 95);
}

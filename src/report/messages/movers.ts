// Key messages on who moved most: the provider, or the referrer, whose cost changed most in the report year (from
// costs_yoy split by provider or referrer). Said only when the move is at least MIN_MOVE_SHARE of the year's cost.
import { formatChange } from '../../contract/format.ts';
import type { Names } from '../source.ts';
import { amount, type Figures, message, moved, num, type Ranked } from './figures.ts';

/** A move smaller than this share of the year's total cost is not worth a key message. */
export const MIN_MOVE_SHARE = 0.01;

const NOUN = { provider: 'aanbieder', referrer: 'verwijzer' } as const;

/**
 * "Bij aanbieder Zorg & Co stegen de kosten het meest: met € 0,25 mln (+40,1 %) naar € 0,87 mln." The code's name
 * comes from `names`; a provider new this year: "Aanbieder Zorg & Co is nieuw in 2018, met € 0,25 mln."; one without
 * cost this year: "Bij aanbieder Zorg & Co vielen de kosten weg: € 17.253 in 2017, niets in 2018."
 * @param yoy costs_yoy split by `dimension`
 * @param total the year's total cost (the threshold of a meaningful move)
 */
export function moverOfYear(
  yoy: Figures,
  dimension: 'provider' | 'referrer',
  year: number,
  total: number,
  names: Names,
  weight: number,
): Ranked | null {
  const candidates = yoy.result.rows
    .filter((r) => Number(r.year) === year && num(r, 'cost_change') !== null && num(r, 'cost') !== null)
    .map((r) => ({ code: String(r[dimension]), row: r, change: num(r, 'cost_change')! }));
  if (candidates.length === 0) return null;
  const top = candidates.reduce((a, b) => (Math.abs(b.change) > Math.abs(a.change) ? b : a));
  if (Math.abs(top.change) < MIN_MOVE_SHARE * total || top.change === 0) return null;
  const name = names[dimension]?.[top.code] ?? top.code;
  const noun = NOUN[dimension];
  const cost = num(top.row, 'cost')!;
  const previous = num(top.row, 'cost_previous');
  const pct = num(top.row, 'cost_change_pct');
  const rule = `mover-${dimension}`;
  if (!previous) {
    const text = `${noun[0]!.toUpperCase()}${noun.slice(1)} ${name} is nieuw in ${year}, met ${amount(cost)}.`;
    return message(rule, text, [yoy], weight);
  }
  if (cost === 0) {
    const text = `Bij ${noun} ${name} vielen de kosten weg: ${amount(previous)} in ${year - 1}, niets in ${year}.`;
    return message(rule, text, [yoy], weight);
  }
  const detail = pct === null ? '' : ` (${formatChange(pct / 100)})`;
  const text = `Bij ${noun} ${name} ${moved(top.change)} de kosten het meest: met ${amount(Math.abs(top.change))}${detail} naar ${amount(cost)}.`;
  return message(rule, text, [yoy], weight);
}

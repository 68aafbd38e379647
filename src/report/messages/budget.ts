// Key message on the budget: how the realisation of the year stands against the budget (after the interim adjustment).
import { formatPct } from '../../contract/format.ts';
import { amount, type Figures, message, num, type Ranked, rowOfYear } from './figures.ts';

/**
 * "De realisatie over 2018 (€ 10,49 mln) ligt € 0,50 mln boven de begroting (€ 9,99 mln): 105,0 % van de begroting."
 * Null without a budget for the year.
 * @param budget the budget metric without split (one row per year)
 */
export function budgetBalance(budget: Figures, year: number): Ranked | null {
  const row = rowOfYear(budget.result, year);
  const planned = num(row, 'budget');
  const realised = num(row, 'realised');
  const difference = num(row, 'difference');
  const pct = num(row, 'realised_pct');
  if (!planned || realised === null || difference === null || pct === null) return null;
  const head = `De realisatie over ${year} (${amount(realised)})`;
  const text =
    difference === 0
      ? `${head} is gelijk aan de begroting.`
      : `${head} ligt ${amount(Math.abs(difference))} ${difference < 0 ? 'boven' : 'onder'} de begroting (${amount(planned)}): ${formatPct(pct)} van de begroting.`;
  return message('budget-balance', text, [budget], 85);
}

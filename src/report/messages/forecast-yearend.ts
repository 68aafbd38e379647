// Key message on the year-end forecast: the expected cost of the year with its 80 % interval, against the budget.
import { formatEur, formatEurMln } from '../../contract/format.ts';
import type { YearEndRow } from '../../forecast/yearend-view.ts';

/**
 * "Naar verwachting komen de kosten over 2024 uit op € 11,9 mln (80 %-interval € 11,6–12,3 mln), € 0,4 mln boven de
 * jaarkosten (begroting + burap − taakstelling)." The total is compared with the financial framework's year cost, named
 * as the framework names it, so it is not read as the framework's Begroting. Millions with one decimal from € 1 mln up, else whole euros; without an interval or budget that part is
 * left out. Amounts in cents, as the forecast gives them.
 */
const YEAR_COST = 'de jaarkosten (begroting + burap − taakstelling)';

export function yearEndSentence(year: number, total: YearEndRow): string {
  const big = total.centralCents >= 100_000_000;
  const eur = (cents: number) => (big ? formatEurMln(cents / 100, 1) : formatEur(Math.round(cents / 100)));
  const interval =
    total.low80Cents === null || total.high80Cents === null
      ? ''
      : big
        ? ` (80 %-interval ${eur(total.low80Cents).replace(/\u00a0mln$/, '')}–${eur(total.high80Cents).replace(/^€\u00a0/, '')})`
        : ` (80 %-interval ${eur(total.low80Cents)}–${eur(total.high80Cents)})`;
  const head = `Naar verwachting komen de kosten over ${year} uit op ${eur(total.centralCents)}${interval}`;
  const over = total.overspendCents;
  if (over === null) return `${head}.`;
  const size = eur(Math.abs(over));
  if (size === eur(0)) return `${head}, gelijk aan ${YEAR_COST}.`;
  return `${head}, ${size} ${over > 0 ? 'boven' : 'onder'} ${YEAR_COST}.`;
}

// Key messages on why the cost changed: the effect of the decomposition (volume, care-days per youth, price per
// care-day, shift between care types) that drove the change most, for all care together or for one care type.
import { formatChange } from '../../contract/format.ts';
import { amount, type Figures, message, moved, num, type Ranked, rowOfYear, size } from './figures.ts';

type Effect = 'effect_volume' | 'effect_intensity' | 'effect_price' | 'effect_mix';

/** The change in percent that goes with each effect (the mix has none: it is named with its amount). */
const CHANGE_OF: Record<Effect, string | null> = {
  effect_volume: 'clients_change_pct',
  effect_intensity: 'care_days_per_client_change_pct',
  effect_price: 'cost_per_care_day_change_pct',
  effect_mix: null,
};

/** The words for each effect, rising and falling. */
const WORDS: Record<Effect, [up: string, down: string]> = {
  effect_volume: ['meer jeugdigen', 'minder jeugdigen'],
  effect_intensity: ['meer trajectdagen per jeugdige', 'minder trajectdagen per jeugdige'],
  effect_price: ['een hogere prijs per trajectdag', 'een lagere prijs per trajectdag'],
  effect_mix: ['een verschuiving naar duurdere zorgsoorten', 'een verschuiving naar goedkopere zorgsoorten'],
};

/**
 * "Bij LVB komt de stijging vooral door een hogere prijs per trajectdag (+31,5 %); het aantal jeugdigen met LVB-zorg
 * steeg met 5,2 %." The driver is the largest effect in the direction of the change; null when the cost did not change
 * or no effect points its way.
 * @param decomposition the decomposition answer (of one care type when `careType` is given)
 * @param careType the care type's name, or null for all care together
 * @param weight the message's weight in the summary
 */
export function changeDriver(decomposition: Figures, year: number, careType: string | null, weight: number): Ranked | null {
  const row = rowOfYear(decomposition.result, year);
  const change = num(row, 'cost_change');
  if (change === null || change === 0) return null;
  const effects = (Object.keys(WORDS) as Effect[])
    .filter((e) => careType === null || e !== 'effect_mix')
    .map((e) => ({ e, v: num(row, e) }))
    .filter((x): x is { e: Effect; v: number } => x.v !== null && Math.sign(x.v) === Math.sign(change));
  if (effects.length === 0) return null;
  const driver = effects.reduce((a, b) => (Math.abs(b.v) > Math.abs(a.v) ? b : a));
  const pctColumn = CHANGE_OF[driver.e];
  const pct = pctColumn ? num(row, pctColumn) : null;
  const words = WORDS[driver.e][driver.v > 0 ? 0 : 1];
  const detail = pctColumn ? (pct === null ? null : `(${formatChange(pct / 100)})`) : `(${amount(driver.v)})`;
  if (detail === null) return null;
  const noun = change > 0 ? 'stijging' : 'daling';
  const head = careType ? `Bij ${careType} komt de ${noun} vooral door` : `De ${noun} van de kosten komt vooral door`;
  return message('change-driver', `${head} ${words} ${detail}${secondClause(row, driver.e, careType)}.`, [decomposition], weight);
}

/** Beside a driver other than volume: how the number of youths moved; beside volume: how the price moved. */
function secondClause(row: ReturnType<typeof rowOfYear>, driver: Effect, careType: string | null): string {
  if (driver === 'effect_volume') {
    const price = num(row, 'cost_per_care_day_change_pct');
    if (price === null) return '';
    return price === 0
      ? '; de kosten per trajectdag bleven gelijk'
      : `; de kosten per trajectdag ${moved(price)} met ${size(price)}`;
  }
  const clients = num(row, 'clients_change_pct');
  if (clients === null) return '';
  const who = careType ? `het aantal jeugdigen met ${careWords(careType)}` : 'het aantal jeugdigen';
  return clients === 0 ? `; ${who} bleef gelijk` : `; ${who} ${moved(clients, true)} met ${size(clients)}`;
}

/** A care type after "jeugdigen met": an abbreviation as "LVB-zorg", any other name as "zorgsoort ambulant". */
export function careWords(careType: string): string {
  return /^[A-Z&]+$/.test(careType) ? `${careType}-zorg` : `zorgsoort ${careType}`;
}

// Section "Ontleding van de verandering": the change in cost split into more youths, more care-days per youth, a higher
// price per care-day and a shift between care types, for all care and for the care types that changed most.
import { num, rowOfYear } from '../messages/figures.ts';
import { changeDriver } from '../messages/decomposition.ts';
import { MIN_MOVE_SHARE } from '../messages/movers.ts';
import { chart, inYear, type SectionDef, table } from './context.ts';

/** The care types decomposed on their own: those whose cost changed most, at most this many. */
export const CARE_TYPES_DECOMPOSED = 3;

const EFFECTS = [
  'year',
  'cost',
  'cost_change',
  'effect_volume',
  'effect_intensity',
  'effect_price',
  'effect_mix',
  'effect_other',
];
const CHANGES = [
  'year',
  'cost',
  'clients',
  'clients_change_pct',
  'care_days_per_client_change_pct',
  'cost_per_care_day_change_pct',
  'cost_change',
];

export const decompositionSection: SectionDef = {
  id: 'decomposition',
  title: 'Ontleding van de verandering',
  notes: ['decomposition'],
  async build(ctx) {
    const { year, compare } = ctx.request;
    const keep = (r: Record<string, unknown>) => Number(r.year) === year || Number(r.year) === compare;
    const all = await ctx.ask('decomposition', { filters: ctx.compared, split: [] });
    if (!all || !rowOfYear(all.result, year)) return null;
    const blocks = [
      table(all, `Ontleding van de verandering in ${year}`, EFFECTS, inYear(year)),
      chart(all, 'waterfall', `Van de kosten in ${compare} naar ${year}`, undefined, keep),
    ];
    const messages = [changeDriver(all, year, null, 75)];
    const byType = await ctx.ask('costs_yoy', { filters: ctx.compared, split: ['care_type'] });
    const total = num(rowOfYear(all.result, year), 'cost') ?? 0;
    const moved = (byType?.result.rows ?? [])
      .filter((r) => Number(r.year) === year && Math.abs(num(r, 'cost_change') ?? 0) >= MIN_MOVE_SHARE * total && total > 0)
      .sort((a, b) => Math.abs(num(b, 'cost_change')!) - Math.abs(num(a, 'cost_change')!))
      .slice(0, CARE_TYPES_DECOMPOSED);
    for (const r of moved) {
      const careType = String(r.care_type);
      const one = await ctx.ask('decomposition', { filters: { ...ctx.compared, care_type: [careType] }, split: [] });
      if (!one || !rowOfYear(one.result, year)) continue;
      blocks.push(table(one, `${careType}: verandering in ${year}`, CHANGES, keep));
      const share = Math.abs(num(r, 'cost_change')!) / total;
      // Ranked by their share of the change: a care type that made most of it outranks a provider's move.
      messages.push(changeDriver(one, year, careType, 45 + 25 * Math.min(1, share)));
    }
    return { blocks, messages };
  },
};

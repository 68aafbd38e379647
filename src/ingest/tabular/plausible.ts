// Refuses a file whose amounts are evidently read in the wrong unit, before anything is stored: a column whose name
// says cents (or euros) while the mapping reads the other, and product tariffs too high for their unit.
import { RoerError } from '../../errors.ts';
import { ident, join, sql } from '../../store/index.ts';
import type { ImportContext } from '../context.ts';
import { fieldsOf, tariffYear } from './fields.ts';
import type { Stage } from './stage.ts';
import type { AmountStyle, TableSpec } from './types.ts';

/**
 * Highest plausible tariff per iJw unit (WJ756), in cents. Dutch youth-care tariffs run to about € 200 an hour and
 * € 1,000 a day (closed residential care); ten times a real tariff is a cents column read as euros. Units without a
 * natural ceiling (stuks, euro's, week, maand) are not checked.
 */
export const TARIFF_CEILINGS: Record<string, { cents: number; per: string }> = {
  '01': { cents: 1_000, per: 'minuut' },
  '04': { cents: 50_000, per: 'uur' },
  '16': { cents: 100_000, per: 'dagdeel' },
  '14': { cents: 250_000, per: 'etmaal' },
};

const CENTS_NAME = /(^|[^a-z])(euro)?cent(s|en)?([^a-z]|$)/i;
const EUROS_NAME = /(^|[^a-z])(euro'?s?|eur)([^a-z]|$)|€/i;

/** What a column's name says its amounts are in, if anything: `tarief_cent_2024` → cents, `Bedrag (€)` → euros. */
export function amountsInName(header: string): AmountStyle | undefined {
  return CENTS_NAME.test(header) ? 'cents' : EUROS_NAME.test(header) ? 'euros' : undefined;
}

/** Refuses the file when an amount column's name contradicts the mapping's `amounts`; reads one example cell. */
export async function checkAmountNames(ctx: ImportContext, spec: TableSpec, stage: Stage): Promise<void> {
  const defs = fieldsOf(spec, stage.columns);
  for (const [field, header] of Object.entries(stage.columns)) {
    const says = amountsInName(header);
    if (defs[field]?.type !== 'amount' || says === undefined || says === spec.amounts) continue;
    const c = ident(header);
    const example = await ctx.store.one<{ v: string }>(
      sql`SELECT ${c} AS v FROM ${stage.from} WHERE nullif(trim(${c}), '') IS NOT NULL LIMIT 1`,
    );
    const read = spec.amounts === 'cents' ? 'centen' : "euro's";
    throw new RoerError(
      `${ctx.fileName}: de kolom "${header}" noemt ${says === 'cents' ? 'centen' : "euro's"}, maar de mapping leest de bedragen als ${read}` +
        `${example ? ` (voorbeeld: "${example.v}")` : ''}. Er is niets opgeslagen.`,
      `Zet "amounts": "${says}" in de mapping als de bedragen in ${says === 'cents' ? 'centen' : "euro's"} staan.`,
    );
  }
}

/** Refuses a product list with a tariff above its unit's ceiling (TARIFF_CEILINGS), naming the first one found. */
export async function checkTariffs(ctx: ImportContext, spec: TableSpec, stage: Stage, typed: string): Promise<void> {
  if (spec.kind !== 'products' || !('unit' in stage.columns || 'unit' in spec.constants)) return;
  const fields = Object.keys(stage.columns).filter((f) => f === 'tariff' || tariffYear(f) !== undefined);
  const whens = Object.entries(TARIFF_CEILINGS).map(([u, c]) => sql`WHEN ${u} THEN ${c.cents}`);
  const ceiling = sql`CASE unit ${join(whens, ' ')} END`;
  for (const field of fields) {
    const v = ident(field);
    const hit = await ctx.store.one<{ line: number; code: string; unit: string; cents: number }>(
      sql`SELECT __line AS line, product_code AS code, unit, ${v} AS cents FROM ${ident(typed)} WHERE __ok AND ${v} > ${ceiling} ORDER BY __line LIMIT 1`,
    );
    if (!hit) continue;
    const max = TARIFF_CEILINGS[hit.unit]!;
    throw new RoerError(
      `${ctx.fileName}: de kolom "${stage.columns[field]}" geeft een onwaarschijnlijk tarief: ${euros(hit.cents)} per ${max.per} ` +
        `(regel ${hit.line}, product ${hit.code}; verwacht hooguit ${euros(max.cents, 0)} per ${max.per}). Er is niets opgeslagen.`,
      spec.amounts === 'euros'
        ? 'Staan de bedragen in centen? Zet dan "amounts": "cents" in de mapping.'
        : 'Controleer de bedragen en de eenheid in het bestand.',
    );
  }
}

/** `€ 8.950,00` (or `€ 2.500` with no decimals). */
const euros = (cents: number, decimals = 2) =>
  `€ ${(cents / 100).toLocaleString('nl-NL', { minimumFractionDigits: decimals, maximumFractionDigits: decimals })}`;

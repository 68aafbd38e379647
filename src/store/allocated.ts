// Allocated euros per the iJw standard's maxima, as an exact fraction per month piece of an allocation (num / den cents),
// and the one rounding of such sums to whole cents (half up, once per allocation and year).
// Codes from reference/ijw/xsd/basisschema.xsd: LDT_Frequentie 1 per dag, 2 per week, 4 per maand, 6 totaal binnen de
// geldigheidsduur; LDT_Eenheid 01 minuut, 04 uur.
import { idents, sql, type Sql } from './sql.ts';

/**
 * SQL columns allocated_num, allocated_den for a month piece aliased `alias` (columns budget_cents, volume, unit, frequency,
 * tariff_cents, tariff_unit of the piece's year, start_date/end_date of the allocation, first_day/last_day/days of the
 * piece). The piece's allocated cents are allocated_num / allocated_den; den is constant per allocation and year, so a
 * year's sum stays an exact fraction. allocated_num is NULL when neither a budget nor volume × tariff is known.
 *   budget:        budget × days ÷ all days of the allocation (pro rata)
 *   per day:       V × T × days
 *   per week:      V × T × ISO weeks (Monday–Sunday) touched (IV077): a piece holds the weeks whose first allocated day
 *                  within the year falls in it (its Mondays, plus the allocation's first day of the year when that is no
 *                  Monday), so the months of a year add up to the weeks touched in that year and a week across New Year
 *                  counts in both years
 *   per month:     V × T for every calendar month touched (IV078: a broken month allows the full monthly volume)
 *   total:         V × T × days ÷ all days of the allocation
 */
export function allocatedPieceSql(alias: string): Sql {
  const [budgetCents, volume, unit, frequency, tariffCents, tariffUnit, startDate, endDate, firstDay, lastDay, days] = idents(
    [
      'budget_cents',
      'volume',
      'unit',
      'frequency',
      'tariff_cents',
      'tariff_unit',
      'start_date',
      'end_date',
      'first_day',
      'last_day',
      'days',
    ],
    alias,
  ) as [Sql, Sql, Sql, Sql, Sql, Sql, Sql, Sql, Sql, Sql, Sql];
  const allDays = sql`(${endDate} - ${startDate} + 1)`;
  // Minutes allocated against an hourly tariff and the reverse: the conversion as a fraction (num, den).
  const convNum = sql`CASE WHEN ${unit} = '04' AND ${tariffUnit} = '01' THEN 60 ELSE 1 END`;
  const convDen = sql`CASE WHEN ${unit} = '01' AND ${tariffUnit} = '04' THEN 60 ELSE 1 END`;
  const firstMonday = sql`(${firstDay} + ((8 - isodow(${firstDay})) % 7)::INTEGER)`;
  const mondays = sql`CASE WHEN ${firstMonday} > ${lastDay} THEN 0 ELSE (${lastDay} - ${firstMonday}) // 7 + 1 END`;
  const yearStart = sql`greatest(${startDate}, date_trunc('year', ${firstDay})::DATE)`;
  const weeks = sql`(${mondays} + CASE WHEN isodow(${firstDay}) <> 1 AND ${firstDay} = ${yearStart} THEN 1 ELSE 0 END)`;
  const vt = sql`${volume} * ${tariffCents} * ${convNum}`;
  const priced = sql`${volume} IS NOT NULL AND ${tariffCents} IS NOT NULL`;
  return sql`
    (CASE WHEN ${budgetCents} IS NOT NULL THEN ${budgetCents} * ${days}
      WHEN NOT (${priced}) THEN NULL
      ELSE ${vt} * CASE ${frequency} WHEN '1' THEN ${days} WHEN '2' THEN ${weeks} WHEN '4' THEN 1 WHEN '6' THEN ${days} END
    END)::BIGINT AS allocated_num,
    (CASE WHEN ${budgetCents} IS NOT NULL THEN ${allDays}
      WHEN ${frequency} = '6' THEN ${allDays} * ${convDen} ELSE ${convDen} END)::BIGINT AS allocated_den`;
}

/** SQL: the whole cents of the exact fraction `num` / `den` (num ≥ 0), rounded half up. */
export function roundedCentsSql(num: Sql, den: Sql): Sql {
  return sql`floor((${num}) / (${den}) + 0.5)::BIGINT`;
}

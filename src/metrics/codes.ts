// Code meanings the metrics need, from iJw 3.2 basisschema.xsd (LDT_RedenBeeindiging here; LDT_TypeVerwijzer is a
// dimension's code list, declared in src/contract).
import { REFERRER_TYPES } from '../contract/dimensions.ts';
import { join, sql, type Sql } from '../store/index.ts';

export { REFERRER_TYPES };

/**
 * LDT_RedenBeeindiging (JZ588) grouped for the planned-vs-early analysis:
 * planned 31 "volgens plan beëindigd"; early 32–35 "voortijdig afgesloten" (by the client, by the provider, by mutual
 * agreement, by external circumstances); other: 02 overlijden, 20 tijdelijk beëindigd, 36 geïnitieerd door de gemeente,
 * 37 wijzigingsverzoek, 38 overstap naar andere aanbieder, 39 uitstroom naar ander domein.
 */
export const END_REASON_GROUPS = { planned: ['31'], early: ['32', '33', '34', '35'] } as const;

export const END_REASONS: Record<string, string> = {
  '02': 'Overlijden',
  '20': 'Levering is tijdelijk beëindigd',
  '31': 'Levering is volgens plan beëindigd',
  '32': 'Voortijdig afgesloten: eenzijdig door de cliënt',
  '33': 'Voortijdig afgesloten: eenzijdig door de aanbieder',
  '34': 'Voortijdig afgesloten: in overeenstemming',
  '35': 'Voortijdig afgesloten: wegens externe omstandigheden',
  '36': 'Geïnitieerd door de gemeente',
  '37': 'In verband met wijzigingsverzoek',
  '38': 'Overstap naar andere aanbieder',
  '39': 'Uitstroom naar ander domein',
};

/** SQL CASE mapping an end-reason column (`col`, SQL on the row) to 'gepland' / 'voortijdig' / 'overig' / 'onbekend'. */
export function endGroupSql(col: Sql): Sql {
  return sql`CASE WHEN ${col} IN (${join(END_REASON_GROUPS.planned)}) THEN 'gepland'
    WHEN ${col} IN (${join(END_REASON_GROUPS.early)}) THEN 'voortijdig'
    WHEN ${col} IS NULL THEN 'onbekend' ELSE 'overig' END`;
}

/** SQL CASE mapping a referrer-type column (`col`, SQL on the row) to its Dutch name. */
export function referrerTypeNameSql(col: Sql): Sql {
  const cases = Object.entries(REFERRER_TYPES).map(([k, v]) => sql`WHEN ${k} THEN ${v}`);
  return sql`CASE ${col} ${join(cases, ' ')}
    ELSE 'Onbekend (' || coalesce(${col}, '') || ')' END`;
}

/**
 * Care types that count as specialist mental-health care (GGZ zwaar / specialistisch) for the GP-referral share:
 * the municipality's care-type names starting with "GGZ zwaar" or "GGZ specialistisch" (case-insensitive).
 */
export const SPECIALIST_MH_SQL = (col: Sql) => sql`regexp_matches(lower(${col}), ${'^(ggz[ -]zwaar|ggz[ -]specialistisch)'})`;

// SQL expressions that turn a staged text cell into a typed value, and the Dutch reason when they cannot.
// Every expression takes `r`: the trimmed cell, NULL when empty, already recoded (`values`) and zero-padded.
import { bsnValidSql } from './bsn.ts';
import type { FieldDef } from './fields.ts';
import type { Params } from './params.ts';
import type { DateFormat, DecimalStyle } from './types.ts';

export interface ParseStyle { dateFormat: DateFormat; decimal: DecimalStyle }

/** The SQL type a field is stored as in the typed table. */
export function sqlType(def: FieldDef): string {
  switch (def.type) {
    case 'date': return 'DATE';
    case 'amount': case 'int': return 'BIGINT';
    case 'year': return 'INTEGER';
    case 'yesno': return 'BOOLEAN';
    default: return 'VARCHAR';
  }
}

// The shape checks (cheaper than a regex) insist on a four-digit year, which strptime alone would not.
const DMY = `CASE WHEN length({r}) BETWEEN 8 AND 10 AND substr({r}, -5, 1) = '-' THEN try_strptime({r}, '%d-%m-%Y')::DATE END`;
const YMD = `CASE WHEN length({r}) BETWEEN 8 AND 10 AND substr({r}, 5, 1) = '-' THEN try_strptime({r}, '%Y-%m-%d')::DATE END`;

/**
 * Euros as text → the number as text ("digits" + optional ".dd", sign kept), NULL when the shape is wrong; `centsSql`
 * turns that into cents. Auto: with both ',' and '.', the last one is the decimal mark; a lone ',' is decimal;
 * a lone '.' is a thousands separator only in the exact pattern 1.234(.567), else decimal. At most two decimals.
 */
export function amountTextSql(r: string, style: DecimalStyle): string {
  // Each branch validates the shape, then yields the number as "digits" + optional ".dd" (sign kept).
  const comma = `CASE WHEN regexp_full_match(${r}, '-?(\\d{1,3}(\\.\\d{3})+|\\d+)(,\\d{1,2})?') THEN replace(replace(${r}, '.', ''), ',', '.') END`;
  const point = `CASE WHEN regexp_full_match(${r}, '-?(\\d{1,3}(,\\d{3})+|\\d+)(\\.\\d{1,2})?') THEN replace(${r}, ',', '') END`;
  const plainThousands = `CASE WHEN regexp_full_match(${r}, '-?\\d{1,3}(\\.\\d{3})+') THEN replace(${r}, '.', '') END`;
  const text =
    style === ',' ? comma
    : style === '.' ? point
    : `CASE WHEN strpos(${r}, ',') > 0 AND strpos(${r}, '.') > 0
              THEN (CASE WHEN strpos(${r}, ',') > strpos(${r}, '.') THEN ${comma} ELSE ${point} END)
            WHEN strpos(${r}, ',') > 0 THEN ${comma} ELSE coalesce(${plainThousands}, ${point}) END`;
  return text;
}

/**
 * "-12.5" (the output of `amountTextSql`: digits, optionally "." and one or two decimals) → -1250: the digits as one
 * integer, scaled by the number of decimals (cheaper than splitting, and than a DECIMAL cast). NULL if out of range.
 */
export function centsSql(n: string): string {
  return `TRY_CAST(replace(${n}, '.', '') AS BIGINT) * CASE WHEN strpos(${n}, '.') = 0 THEN 100 WHEN strpos(${n}, '.') = length(${n}) - 1 THEN 10 ELSE 1 END`;
}

/** Strips what may surround an amount: the euro sign and (non-breaking) spaces. */
export function stripAmountSql(r: string): string {
  const common = `replace(replace(${r}, '€', ''), ' ', '')`;
  const all = `replace(replace(${common}, chr(160), ''), chr(8239), '')`;
  // Most cells are plain numbers: only those with a euro sign or a space pay for the replaces, and only the rare
  // non-breaking spaces for all four.
  return `CASE WHEN regexp_matches(${r}, '[€ \u00A0\u202F]')
            THEN nullif(CASE WHEN regexp_matches(${r}, '[\u00A0\u202F]') THEN ${all} ELSE ${common} END, '') ELSE ${r} END`;
}

/** The value expression for a field whose normalised cell is `r`. */
export function valueSql(def: FieldDef, r: string, style: ParseStyle, p: Params): string {
  switch (def.type) {
    case 'text': return r;
    case 'bsn': return `CASE WHEN ${bsnValidSql(r)} THEN ${r} END`;
    case 'date': {
      const dmy = DMY.replaceAll('{r}', r), ymd = YMD.replaceAll('{r}', r);
      return style.dateFormat === 'dd-mm-jjjj' ? dmy : style.dateFormat === 'jjjj-mm-dd' ? ymd : `coalesce(${dmy}, ${ymd})`;
    }
    // A subquery names the number text once (the import pipeline computes it one projection earlier instead).
    case 'amount': return `(SELECT ${centsSql('n')} FROM (SELECT ${amountTextSql(r, style.decimal)} AS n))`;
    case 'int': {
      // Thousands separators are allowed ("3.512" inhabitants): '.' unless the table's decimal mark is '.', then ','.
      const sep = style.decimal === '.' ? ',' : '\\.';
      return `CASE WHEN regexp_full_match(${r}, '-?\\d{1,15}') THEN CAST(${r} AS BIGINT)
                   WHEN regexp_full_match(${r}, '-?\\d{1,3}(${sep}\\d{3})+') THEN CAST(replace(${r}, '${sep.at(-1)}', '') AS BIGINT) END`;
    }
    case 'year': return `CASE WHEN regexp_full_match(${r}, '(19|20)\\d\\d') THEN CAST(${r} AS INTEGER) END`;
    case 'enum':
      return `CASE upper(${r}) ${(def.codes ?? []).map((c) => `WHEN ${p.add(c.toUpperCase())} THEN ${p.add(c)}`).join(' ')} END`;
    case 'yesno':
      return `CASE WHEN lower(${r}) IN ('ja', 'j', 'true', 'waar', '1') THEN true WHEN lower(${r}) IN ('nee', 'n', 'false', 'onwaar', '0') THEN false END`;
  }
}

/** The Dutch reason when `r` is not empty but its value came out NULL. */
export function reasonSql(def: FieldDef, r: string, style: ParseStyle, p: Params): string {
  const quoted = `'"' || ${r} || '"'`;
  switch (def.type) {
    case 'date': {
      const expect = style.dateFormat === 'auto' ? 'dd-mm-jjjj of jjjj-mm-dd' : style.dateFormat;
      return `${p.add(`geen geldige datum (verwacht ${expect}): `)} || ${quoted}`;
    }
    case 'amount': return `'geen geldig bedrag (euro, hooguit twee decimalen): ' || ${quoted}`;
    case 'int': return `'geen geheel getal: ' || ${quoted}`;
    case 'year': return `'geen geldig jaartal: ' || ${quoted}`;
    case 'enum': return `${p.add(`onbekende code (toegestaan: ${(def.codes ?? []).join(', ')}): `)} || ${quoted}`;
    case 'yesno': return `'verwacht ja of nee: ' || ${quoted}`;
    case 'bsn': return `'geen geldig BSN (elfproef)'`;
    default: return `NULL`;
  }
}

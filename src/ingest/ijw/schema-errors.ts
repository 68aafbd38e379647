// Turns libxml2's English XSD complaints into Dutch problems (line, element, reason), without leaking personal data:
// values are quoted only for elements that hold codes, dates or amounts, never for a BSN, name, address or phone number.

export interface SchemaError {
  line: number;
  /** Local name of the element the complaint is about (null when libxml2 names none). */
  field: string | null;
  reason: string;
}

/** Elements whose values may be repeated in a message: codes, dates, amounts, numbers of the standard. */
const SHOWABLE =
  /^(?:.*datum|Dagtekening|.*tijd|Eenheid|Frequentie|Volume|GeleverdVolume|Bedrag|TotaalBedrag|Budget|ProductTarief|Categorie|ProductCategorie|Code|ProductCode|DebetCredit|StatusAanlevering|RedenWijziging|RedenBeeindiging|Geslacht|Type|ToewijzingNummer|Afzender|Ontvanger|BerichtCode|BerichtVersie|BerichtSubversie|RetourCode|DatumGebruik)$/;
const NEVER = /^(?:Bsn|Postcode|Huisnummer|Telefoonnummer)$/;

/** Parses one line of xmllint output (`file:line: Schemas validity error : Element '{ns}X': …`). */
export function parseSchemaError(line: number, message: string): SchemaError {
  const el = /Element '(?:\{[^}]*\})?([^']+)'(?:, attribute '([^']+)')?:\s*([^]*)$/.exec(message);
  if (!el)
    return { line, field: null, reason: `voldoet niet aan het schema: ${redact(message.replace(/^.*?error\s*:\s*/, ''))}` };
  const field = el[1]!;
  const show = SHOWABLE.test(field) && !NEVER.test(field);
  return { line, field, reason: translate(el[3]!.trim(), show) };
}

function translate(m: string, show: boolean): string {
  const v = (s: string) => (show ? `'${s}'` : 'de waarde');
  let r: RegExpExecArray | null;
  if ((r = /^'([^']*)' is not a valid value of the (?:atomic|local atomic|list) type '(?:\{[^}]*\})?([^']*)'/.exec(m))) {
    return `${v(r[1]!)} is geen geldige waarde voor ${typeName(r[2]!)}`;
  }
  if ((r = /^This element is not expected\.(?: Expected is(?: one of)? \(\s*([^)]*)\))?/.exec(m))) {
    return r[1] ? `element hier niet verwacht; verwacht: ${names(r[1])}` : 'element hier niet verwacht';
  }
  if ((r = /^Missing child element\(s\)\. Expected is(?: one of)? \(\s*([^)]*)\)/.exec(m))) {
    return `verplicht element ontbreekt: ${names(r[1]!)}`;
  }
  if ((r = /^\[facet 'enumeration'\] The value '([^']*)' is not an element of the set/.exec(m))) {
    return `${v(r[1]!)} is geen code uit de codelijst`;
  }
  if ((r = /^\[facet 'pattern'\] The value '([^']*)' is not accepted by the pattern '([^']*)'/.exec(m))) {
    return `${v(r[1]!)} heeft niet de vereiste vorm (${r[2]})`;
  }
  if (
    (r =
      /^\[facet '(maxLength|minLength|length)'\] The value (?:'[^']*' )?has a length of '(\d+)'; this (?:exceeds|underruns|differs from) the allowed (?:maximum |minimum )?length of '(\d+)'/.exec(
        m,
      ))
  ) {
    return r[1] === 'maxLength'
      ? `waarde te lang (${r[2]} tekens, hoogstens ${r[3]})`
      : `waarde te kort of onjuist van lengte (${r[2]} tekens, vereist ${r[3]})`;
  }
  if (
    (r = /^\[facet '(maxInclusive|minInclusive|maxExclusive|minExclusive)'\] The value '([^']*)' is (greater|less) than/.exec(m))
  ) {
    return `${v(r[2]!)} is te ${r[3] === 'greater' ? 'groot' : 'klein'}`;
  }
  if (/^Character content other than whitespace is not allowed/.test(m)) return 'tekst is hier niet toegestaan';
  if (/^No matching global declaration available for the validation root/.test(m))
    return 'het hoofdelement hoort niet bij dit berichtschema';
  return `voldoet niet aan het schema: ${show ? m : redact(m)}`;
}

function typeName(t: string): string {
  const known: Record<string, string> = {
    LDT_Datum: 'een datum',
    LDT_Tijd: 'een tijd',
    LDT_Bedrag: 'een bedrag',
    LDT_Budget: 'een budget',
    LDT_Nummer: 'een nummer',
  };
  return known[t] ?? `type ${t}`;
}

function names(list: string): string {
  return list
    .split(',')
    .map((s) => s.trim().replace(/^\{[^}]*\}/, ''))
    .filter(Boolean)
    .join(', ');
}

function redact(m: string): string {
  return m.replace(/'[^']*'/g, (q) => (q.startsWith("'{") ? q : "'…'"));
}

// Claimed, rejected and accepted: what providers invoiced (JW323), what the municipality rejected in its answers (JW325,
// per return code) and what it accepted — the cost everywhere else in Roer — by any cut.
import { METRIC_COLUMNS as C } from '../contract/columns.ts';
import { xsdEnumeration } from '../ingest/ijw/enumerations.ts';
import { empty, idents, join, leading, sql, type Store } from '../store/index.ts';
import { splitSelect } from './sql/dimensions.ts';
import { claimFact, NOT_REJECTED } from './sql/facts.ts';
import type { Where } from './sql/filters.ts';
import { eur, pct, result, rowsAndTotals, splitColumns, type Row } from './result.ts';
import { ALL_DIMENSIONS, type Column, type Dimension, type Metric, type MetricRequest } from './types.ts';

/** Claimed and rejected cents, lines and unique clients (two-step: per client first) for a split. */
function claimsSql(req: MetricRequest, split: Dimension[]): Where {
  const fact = claimFact(req, split);
  const names = split as string[];
  return sql`
    SELECT ${leading(idents(names))} sum(claimed)::BIGINT AS claimed_cents, sum(rejected)::BIGINT AS rejected_cents,
      sum(lines)::BIGINT AS lines, count(*) AS clients, sum(mismatched)::BIGINT AS mismatched
    FROM (SELECT ${leading(splitSelect(split, fact.period))} f.client_no, sum(f.claimed_cents) AS claimed,
            sum(f.rejected_cents) AS rejected, count(*) AS lines,
            count(*) FILTER (WHERE f.answer_cents <> f.claimed_cents) AS mismatched
          FROM ${fact.from} WHERE ${fact.where} GROUP BY ALL)
    ${names.length ? sql`GROUP BY ALL ORDER BY ${join(idents(names))}` : empty}`;
}

/** The Dutch meaning of a return code, as LDT_RetourCode in basisschema.xsd documents it. */
export function returnCodeName(code: string): string {
  if (code === NOT_REJECTED) return 'Niet afgewezen';
  return xsdEnumeration('LDT_RetourCode')[code] ?? 'Onbekende retourcode';
}

function figures(r: Row): Row {
  const claimed = Number(r.claimed_cents ?? 0);
  const rejected = Number(r.rejected_cents ?? 0);
  return {
    claimed: eur(claimed),
    rejected: eur(rejected),
    accepted: eur(claimed - rejected),
    rejected_pct: pct(rejected, claimed),
    lines: Number(r.lines ?? 0),
    clients: Number(r.clients ?? 0),
  };
}

const COLUMNS: Column[] = Object.values(C.claims).filter((c) => c.name !== 'return_code_name');

export const claims: Metric = {
  id: 'claims',
  title: 'Gedeclareerd, afgewezen en geaccepteerd',
  definition:
    'Gedeclareerd: het ingediende bedrag van alle declaratieregels (prestaties uit JW323 of de export van het ' +
    'cliëntsysteem), debet min credit: een correctie is een creditregel (negatief) plus een nieuwe debetregel, beide in ' +
    'de periode van de zorg (tenzij u kiest voor "declaratiedatum"). Een regel hoort bij één aanbieder en heeft een ' +
    'referentienummer dat alleen binnen die aanbieder uniek is. Afgewezen: het bedrag van de regels die de gemeente in ' +
    'een declaratie-antwoord (JW325) heeft afgewezen; JW325 noemt alleen afgewezen regels, en een regel wordt altijd ' +
    'helemaal afgewezen (noemt het antwoord een ander bedrag, dan telt het gedeclareerde bedrag). Geaccepteerd = gedeclareerd − ' +
    'afgewezen: de kosten zoals overal in Roer, zonder PGB (PGB kent geen declaraties). Een afgewezen regel die de ' +
    'aanbieder opnieuw indient, is een nieuwe regel: die telt opnieuw als gedeclareerd, en als geaccepteerd als hij niet ' +
    'weer wordt afgewezen. Aandeel afgewezen = afgewezen ÷ gedeclareerd. Declaratieregels: het aantal regels, debet en ' +
    'credit. Unieke cliënten: het aantal verschillende jeugdigen met een regel in de rij. Per retourcode: een afgewezen ' +
    'regel met meer dan één retourcode telt bij elke code volledig mee (bedrag, regel en cliënt), zodat per code te zien ' +
    'is hoeveel geld om die reden is afgewezen; de rijen tellen dan samen op tot meer dan het totaal, dat elke regel één ' +
    'keer telt. Regels die niet zijn afgewezen staan onder "geen". De omschrijving van een retourcode is die uit de ' +
    'iJw-standaard (LDT_RetourCode).',
  splits: ALL_DIMENSIONS,
  async compute(store: Store, req: MetricRequest) {
    const { rows, totals } = await rowsAndTotals(store, req.split, (split) => claimsSql(req, split));
    const byCode = req.split.includes('return_code');
    const shaped = rows.map((r) => ({
      ...Object.fromEntries(req.split.map((d) => [d, r[d] ?? null])),
      ...(byCode ? { return_code_name: returnCodeName(String(r.return_code)) } : {}),
      ...figures(r),
    }));
    const nameColumn: Column[] = byCode ? [C.claims.return_code_name] : [];
    const notes = byCode
      ? ['Een regel met meer dan één retourcode telt bij elke code volledig mee; het totaal telt elke regel één keer.']
      : [];
    const mismatched = Number(totals.mismatched ?? 0);
    if (mismatched > 0) {
      notes.push(
        `${mismatched === 1 ? '1 afgewezen regel noemt' : `${mismatched} afgewezen regels noemen`} in het ` +
          'declaratie-antwoord (JW325) een ander bedrag dan in de declaratie; als afgewezen telt het gedeclareerde bedrag.',
      );
    }
    return result(this, req, [...splitColumns(req.split), ...nameColumn, ...COLUMNS], shaped, figures(totals), notes);
  },
};

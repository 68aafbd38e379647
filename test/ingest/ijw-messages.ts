// Builders for small, schema-valid iJw 3.2 messages used by the importer tests (shaped like the published examples).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Test BSNs that pass the 11-proof, and one that does not. */
export const BSN = { a: '999900006', b: '999900018', c: '111222333', d: '123456782', invalid: '123456789' } as const;

export interface Head {
  afzender: string;
  ontvanger: string;
  id: string;
  date: string;
}

const NS = (k: string) =>
  `xmlns:ijw="http://www.istandaarden.nl/ijw/3_2/basisschema/schema" xmlns:${k}="http://www.istandaarden.nl/ijw/3_2/${k}/schema"`;

function header(k: string, code: string, h: Head, extra = ''): string {
  return `<${k}:Header>
  <${k}:BerichtCode>${code}</${k}:BerichtCode>
  <${k}:BerichtVersie>3</${k}:BerichtVersie>
  <${k}:BerichtSubversie>2</${k}:BerichtSubversie>
  <${k}:Afzender>${h.afzender}</${k}:Afzender>
  <${k}:Ontvanger>${h.ontvanger}</${k}:Ontvanger>
  <${k}:BerichtIdentificatie>
   <ijw:Identificatie>${h.id}</ijw:Identificatie>
   <ijw:Dagtekening>${h.date}</ijw:Dagtekening>
  </${k}:BerichtIdentificatie>
  <${k}:XsdVersie>
   <ijw:BasisschemaXsdVersie>1.0.0</ijw:BasisschemaXsdVersie>
   <ijw:BerichtXsdVersie>1.0.0</ijw:BerichtXsdVersie>
  </${k}:XsdVersie>${extra}
 </${k}:Header>`;
}

const doc = (k: string, body: string) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<${k}:Bericht ${NS(k)}>\n ${body}\n</${k}:Bericht>\n`;
const product = (k: string, cat?: string, code?: string) =>
  cat ? `<${k}:Product><ijw:Categorie>${cat}</ijw:Categorie>${code ? `<ijw:Code>${code}</ijw:Code>` : ''}</${k}:Product>` : '';
const opt = (k: string, el: string, v: string | undefined) => (v === undefined ? '' : `<${k}:${el}>${v}</${k}:${el}>`);
const person = (k: string, bsn: string, birth = '2010-02-14', sex = '1') => `<${k}:Bsn>${bsn}</${k}:Bsn>
  <${k}:Geboortedatum><ijw:Datum>${birth}</ijw:Datum></${k}:Geboortedatum>
  <${k}:Geslacht>${sex}</${k}:Geslacht>`;
const shortName = (k: string) =>
  `<${k}:Naam><ijw:Geslachtsnaam><ijw:Achternaam>Jansen</ijw:Achternaam></ijw:Geslachtsnaam><ijw:Voornamen>Piet</ijw:Voornamen></${k}:Naam>`;

export interface Allocated {
  no: string;
  ref?: string;
  cat?: string;
  code?: string;
  date: string;
  time: string;
  start: string;
  end?: string;
  reden?: string;
  omvang?: [number, string, string];
  budget?: number;
}

/** JW301 from municipality `afzender` to provider `ontvanger`. */
export function jw301(h: Head, bsn: string, products: Allocated[]): string {
  const k = 'jw301';
  const items = products
    .map(
      (p) => `<${k}:ToegewezenProduct>
   <${k}:ToewijzingNummer>${p.no}</${k}:ToewijzingNummer>${opt(k, 'ReferentieAanbieder', p.ref)}${product(k, p.cat, p.code)}
   <${k}:Toewijzingsdatum>${p.date}</${k}:Toewijzingsdatum>
   <${k}:Toewijzingstijd>${p.time}</${k}:Toewijzingstijd>
   <${k}:Ingangsdatum>${p.start}</${k}:Ingangsdatum>${opt(k, 'Einddatum', p.end)}${opt(k, 'RedenWijziging', p.reden)}${
     p.omvang
       ? `
   <${k}:Omvang><ijw:Volume>${p.omvang[0]}</ijw:Volume><ijw:Eenheid>${p.omvang[1]}</ijw:Eenheid><ijw:Frequentie>${p.omvang[2]}</ijw:Frequentie></${k}:Omvang>`
       : ''
   }${opt(k, 'Budget', p.budget?.toString())}
   <${k}:Commentaar>Vertrouwelijke toelichting</${k}:Commentaar>
  </${k}:ToegewezenProduct>`,
    )
    .join('\n  ');
  return doc(
    k,
    `${header(k, '436', h)}
 <${k}:Client>
  ${person(k, bsn)}
  <${k}:Naam><ijw:Geslachtsnaam><ijw:Achternaam>Jansen</ijw:Achternaam></ijw:Geslachtsnaam><ijw:Voornamen>Piet</ijw:Voornamen><ijw:NaamGebruik>1</ijw:NaamGebruik></${k}:Naam>
  <${k}:Contactgegevens><${k}:Contact><${k}:Soort>01</${k}:Soort><${k}:Telefoon><ijw:Telefoon01><ijw:Telefoonnummer>0612345678</ijw:Telefoonnummer><ijw:Landnummer>0031</ijw:Landnummer></ijw:Telefoon01></${k}:Telefoon></${k}:Contact></${k}:Contactgegevens>
  <${k}:ToegewezenProducten>
  ${items}
  </${k}:ToegewezenProducten>
 </${k}:Client>`,
  );
}

export interface Requested {
  ref: string;
  cat?: string;
  code?: string;
  start: string;
  end?: string;
  referrer: { type: string; agb?: string };
}

/** JW315 from provider `afzender` to municipality `ontvanger`. */
export function jw315(h: Head, bsn: string, products: Requested[]): string {
  const k = 'jw315';
  const items = products
    .map(
      (p) => `<${k}:AangevraagdProduct>
   <${k}:ReferentieAanbieder>${p.ref}</${k}:ReferentieAanbieder>${product(k, p.cat, p.code)}
   <${k}:ToewijzingIngangsdatum>${p.start}</${k}:ToewijzingIngangsdatum>${opt(k, 'ToewijzingEinddatum', p.end)}
   <${k}:Verwijzer><ijw:Type>${p.referrer.type}</ijw:Type>${p.referrer.agb ? `<ijw:ZorgverlenerCode>${p.referrer.agb}</ijw:ZorgverlenerCode>` : '<ijw:Naam>Dokter Bakker</ijw:Naam>'}</${k}:Verwijzer>
  </${k}:AangevraagdProduct>`,
    )
    .join('\n  ');
  return doc(
    k,
    `${header(k, '446', h)}
 <${k}:Client>
  ${person(k, bsn)}
  ${shortName(k)}
  <${k}:AangevraagdeProducten>
  ${items}
  </${k}:AangevraagdeProducten>
 </${k}:Client>`,
  );
}

export interface CareStart {
  no: string;
  cat: string;
  code: string;
  start: string;
  status: string;
}
export interface CareStop extends CareStart {
  end: string;
  reason: string;
}

/** JW305 (start zorg) from provider `afzender` to municipality `ontvanger`. */
export function jw305(h: Head, bsn: string, items: CareStart[]): string {
  const k = 'jw305';
  return doc(
    k,
    `${header(k, '438', h)}
 <${k}:Client>
  ${person(k, bsn)}
  ${shortName(k)}
  <${k}:StartProducten>
  ${items.map((p) => `<${k}:StartProduct><${k}:ToewijzingNummer>${p.no}</${k}:ToewijzingNummer>${product(k, p.cat, p.code)}<${k}:ToewijzingIngangsdatum>${p.start}</${k}:ToewijzingIngangsdatum><${k}:Begindatum>${p.start}</${k}:Begindatum><${k}:StatusAanlevering>${p.status}</${k}:StatusAanlevering></${k}:StartProduct>`).join('\n  ')}
  </${k}:StartProducten>
 </${k}:Client>`,
  );
}

/** JW307 (stop zorg) from provider `afzender` to municipality `ontvanger`. */
export function jw307(h: Head, bsn: string, items: CareStop[]): string {
  const k = 'jw307';
  return doc(
    k,
    `${header(k, '440', h)}
 <${k}:Client>
  ${person(k, bsn)}
  ${shortName(k)}
  <${k}:StopProducten>
  ${items.map((p) => `<${k}:StopProduct><${k}:ToewijzingNummer>${p.no}</${k}:ToewijzingNummer>${product(k, p.cat, p.code)}<${k}:ToewijzingIngangsdatum>${p.start}</${k}:ToewijzingIngangsdatum><${k}:Begindatum>${p.start}</${k}:Begindatum><${k}:RedenBeeindiging>${p.reason}</${k}:RedenBeeindiging><${k}:Einddatum>${p.end}</${k}:Einddatum><${k}:StatusAanlevering>${p.status}</${k}:StatusAanlevering></${k}:StopProduct>`).join('\n  ')}
  </${k}:StopProducten>
 </${k}:Client>`,
  );
}

export interface Prestatie {
  ref: string;
  prev?: string;
  no: string;
  cat?: string;
  code?: string;
  from: string;
  to: string;
  volume: number;
  unit?: string;
  tariff?: number;
  amount: number;
  dc: 'D' | 'C';
  codes?: string[];
}

function prestaties(k: string, list: Prestatie[]): string {
  return list
    .map(
      (p) => `<${k}:Prestatie>
     <${k}:ProductReferentie><ijw:ReferentieNummer>${p.ref}</ijw:ReferentieNummer>${p.prev ? `<ijw:VorigReferentieNummer>${p.prev}</ijw:VorigReferentieNummer>` : ''}</${k}:ProductReferentie>
     <${k}:ToewijzingNummer>${p.no}</${k}:ToewijzingNummer>
     <${k}:ProductCategorie>${p.cat ?? '45'}</${k}:ProductCategorie>
     <${k}:ProductCode>${p.code ?? '45A03'}</${k}:ProductCode>
     <${k}:ProductPeriode><ijw:Begindatum>${p.from}</ijw:Begindatum><ijw:Einddatum>${p.to}</ijw:Einddatum></${k}:ProductPeriode>
     <${k}:GeleverdVolume>${p.volume}</${k}:GeleverdVolume>
     <${k}:Eenheid>${p.unit ?? '04'}</${k}:Eenheid>${p.tariff !== undefined ? `<${k}:ProductTarief>${p.tariff}</${k}:ProductTarief>` : ''}
     <${k}:IngediendBedrag><ijw:Bedrag>${p.amount}</ijw:Bedrag><ijw:DebetCredit>${p.dc}</ijw:DebetCredit></${k}:IngediendBedrag>${
       p.codes
         ? `
     <${k}:RetourCodes>${p.codes.map((c) => `<${k}:RetourCode>${c}</${k}:RetourCode>`).join('')}</${k}:RetourCodes>`
         : ''
     }
    </${k}:Prestatie>`,
    )
    .join('\n    ');
}

const total = (list: Prestatie[]) => list.reduce((n, p) => n + (p.dc === 'C' ? -p.amount : p.amount), 0);
const totalXml = (k: string, el: string, n: number) =>
  `<${k}:${el}><ijw:TotaalBedrag>${Math.abs(n)}</ijw:TotaalBedrag><ijw:DebetCredit>${n < 0 ? 'C' : 'D'}</ijw:DebetCredit></${k}:${el}>`;

/** JW323 from provider `afzender` to municipality `ontvanger`; `clients` maps BSN → prestaties. */
export function jw323(h: Head, clients: [string, Prestatie[]][]): string {
  const k = 'jw323';
  const all = clients.flatMap(([, p]) => p);
  return doc(
    k,
    `${header(k, '490', h)}
 <${k}:Declaratie>
  <${k}:DeclaratieNummer>D${h.id}</${k}:DeclaratieNummer>
  <${k}:DeclaratiePeriode><ijw:Begindatum>2026-01-01</ijw:Begindatum><ijw:Einddatum>2026-01-31</ijw:Einddatum></${k}:DeclaratiePeriode>
  <${k}:DeclaratieDagtekening>${h.date}</${k}:DeclaratieDagtekening>
  ${totalXml(k, 'TotaalIngediendBedrag', total(all))}
  <${k}:Clienten>
  ${clients
    .map(
      ([bsn, list]) => `<${k}:Client>
   <${k}:Bsn>${bsn}</${k}:Bsn>
   <${k}:Prestaties>
    ${prestaties(k, list)}
   </${k}:Prestaties>
  </${k}:Client>`,
    )
    .join('\n  ')}
  </${k}:Clienten>
 </${k}:Declaratie>`,
  );
}

/** JW325 from municipality `afzender` to provider `ontvanger`: the rejected prestaties with their return codes. */
export function jw325(h: Head, clients: [string, Prestatie[]][]): string {
  const k = 'jw325';
  const all = clients.flatMap(([, p]) => p);
  const extra = `
  <${k}:DeclaratieIdentificatie><ijw:Identificatie>1</ijw:Identificatie><ijw:Dagtekening>${h.date}</ijw:Dagtekening></${k}:DeclaratieIdentificatie>
  <${k}:XsdVersieDeclaratie><ijw:BasisschemaXsdVersie>1.0.0</ijw:BasisschemaXsdVersie><ijw:BerichtXsdVersie>1.0.0</ijw:BerichtXsdVersie></${k}:XsdVersieDeclaratie>
  <${k}:RetourCodes><${k}:RetourCode>0200</${k}:RetourCode></${k}:RetourCodes>`;
  return doc(
    k,
    `${header(k, '491', h, extra)}
 <${k}:DeclaratieAntwoord>
  <${k}:DeclaratieNummer>D1</${k}:DeclaratieNummer>
  ${totalXml(k, 'TotaalIngediendBedrag', total(all))}
  ${totalXml(k, 'TotaalToegekendBedrag', 0)}
  <${k}:Clienten>
  ${clients
    .map(
      ([bsn, list]) => `<${k}:Client>
   <${k}:Bsn>${bsn}</${k}:Bsn>
   <${k}:Prestaties>
    ${prestaties(k, list)}
   </${k}:Prestaties>
   <${k}:RetourCodes><${k}:RetourCode>0200</${k}:RetourCode></${k}:RetourCodes>
  </${k}:Client>`,
    )
    .join('\n  ')}
  </${k}:Clienten>
  <${k}:RetourCodes><${k}:RetourCode>0200</${k}:RetourCode></${k}:RetourCodes>
 </${k}:DeclaratieAntwoord>`,
  );
}

/** A fresh temporary folder with the given files written into it; returns the folder and the file paths. */
export function writeFiles(files: Record<string, string | Buffer>): { dir: string; paths: Record<string, string> } {
  const dir = mkdtempSync(join(tmpdir(), 'roer-ijw-'));
  const paths: Record<string, string> = {};
  for (const [name, body] of Object.entries(files)) {
    paths[name] = join(dir, name);
    writeFileSync(paths[name], body);
  }
  return { dir, paths };
}

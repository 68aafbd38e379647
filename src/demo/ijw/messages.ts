// One builder per iJw message the demo sends: JW315 request, JW301 allocation, JW305/JW307 start/stop of care, JW323
// declaration and JW325 answer. Each takes records of one client (or one declaration) and returns the message text.
import { omvang } from '../catalogue.ts';
import { iso, monthEnd, monthStart, type Day } from '../dates.ts';
import type { Allocation, InvoiceLine } from '../model.ts';
import { escapeXml, Message } from './xml.ts';

export interface Header {
  sender: string;
  receiver: string;
  id: string;
  date: Day;
}

function omvangOf(m: Message, a: Allocation): void {
  const o = omvang(a.product, a.monthlyVolume);
  m.open('Omvang').ijw('Volume', o.volume).ijw('Eenheid', o.unit).ijw('Frequentie', o.frequency).close('Omvang');
}

/** JW315: the provider asks for allocations of one client (one product per request line), naming the referrer. */
export function jw315(h: Header, items: Allocation[]): string {
  const m = new Message('JW315').header(h.sender, h.receiver, h.id, h.date).open('Client');
  const c = items[0].client;
  m.person(c.bsn, c.birth, c.sex, false).open('AangevraagdeProducten');
  for (const a of items) {
    m.open('AangevraagdProduct')
      .el('ReferentieAanbieder', a.providerRef)
      .product(a.product.category, a.product.code)
      .el('ToewijzingIngangsdatum', iso(a.start));
    if (a.end !== null) m.el('ToewijzingEinddatum', iso(a.end));
    omvangOf(m, a);
    const r = a.referrer;
    m.open('Verwijzer').ijw('Type', r.type);
    if (r.name) m.ijw('Naam', escapeXml(r.name));
    if (r.agb) m.ijw('ZorgverlenerCode', r.agb);
    m.close('Verwijzer').close('AangevraagdProduct');
  }
  return m.close('AangevraagdeProducten').close('Client').toString();
}

/** JW301: the allocations of one decision plus the client's other current allocations at this provider. */
export function jw301(h: Header, items: Allocation[]): string {
  const m = new Message('JW301').header(h.sender, h.receiver, h.id, h.date).open('Client');
  const c = items[0].client;
  m.person(c.bsn, c.birth, c.sex, true)
    .open('Contactgegevens')
    .open('Contact')
    .el('Soort', '01')
    .close('Contact')
    .close('Contactgegevens');
  m.open('ToegewezenProducten');
  for (const a of items) {
    m.open('ToegewezenProduct')
      .el('ToewijzingNummer', a.no)
      .el('ReferentieAanbieder', a.providerRef)
      .product(a.product.category, a.product.code)
      .el('Toewijzingsdatum', iso(a.allocatedOn))
      .el('Toewijzingstijd', a.allocatedTime)
      .el('Ingangsdatum', iso(a.start));
    if (a.end !== null) m.el('Einddatum', iso(a.end));
    omvangOf(m, a);
    m.close('ToegewezenProduct');
  }
  return m.close('ToegewezenProducten').close('Client').toString();
}

/** JW305: care started for allocations of one client. */
export function jw305(h: Header, items: Allocation[]): string {
  const m = new Message('JW305').header(h.sender, h.receiver, h.id, h.date).open('Client');
  const c = items[0].client;
  m.person(c.bsn, c.birth, c.sex, false).open('StartProducten');
  for (const a of items) {
    m.open('StartProduct')
      .el('ToewijzingNummer', a.no)
      .product(a.product.category, a.product.code)
      .el('ToewijzingIngangsdatum', iso(a.start))
      .el('Begindatum', iso(a.careStart!))
      .el('StatusAanlevering', 1)
      .close('StartProduct');
  }
  return m.close('StartProducten').close('Client').toString();
}

/** JW307: care ended for allocations of one client, with the reason (JZ588). */
export function jw307(h: Header, items: Allocation[]): string {
  const m = new Message('JW307').header(h.sender, h.receiver, h.id, h.date).open('Client');
  const c = items[0].client;
  m.person(c.bsn, c.birth, c.sex, false).open('StopProducten');
  for (const a of items) {
    m.open('StopProduct')
      .el('ToewijzingNummer', a.no)
      .product(a.product.category, a.product.code)
      .el('ToewijzingIngangsdatum', iso(a.start))
      .el('Begindatum', iso(a.careStart!))
      .el('RedenBeeindiging', a.endReason!)
      .el('Einddatum', iso(a.careEnd!))
      .el('StatusAanlevering', 1)
      .close('StopProduct');
  }
  return m.close('StopProducten').close('Client').toString();
}

function total(m: Message, name: string, cents: number): void {
  m.open(name)
    .ijw('TotaalBedrag', Math.abs(cents))
    .ijw('DebetCredit', cents < 0 ? 'C' : 'D')
    .close(name);
}

function prestatie(m: Message, l: InvoiceLine, returnCodes?: string): void {
  m.open('Prestatie').open('ProductReferentie').ijw('ReferentieNummer', l.reference);
  if (l.previousReference) m.ijw('VorigReferentieNummer', l.previousReference);
  m.close('ProductReferentie')
    .el('ToewijzingNummer', l.allocation.no)
    .el('ProductCategorie', l.allocation.product.category)
    .el('ProductCode', l.allocation.product.code)
    .open('ProductPeriode')
    .ijw('Begindatum', iso(l.periodStart))
    .ijw('Einddatum', iso(l.periodEnd))
    .close('ProductPeriode')
    .el('GeleverdVolume', l.volume)
    .el('Eenheid', l.allocation.product.unit)
    .el('ProductTarief', l.tariffCents)
    .open('IngediendBedrag')
    .ijw('Bedrag', Math.abs(l.amountCents))
    .ijw('DebetCredit', l.debitCredit)
    .close('IngediendBedrag');
  if (returnCodes) m.open('RetourCodes').el('RetourCode', returnCodes).close('RetourCodes');
  m.close('Prestatie');
}

/** Lines grouped per client in first-seen order (a declaration lists each client once). */
function byClient(lines: InvoiceLine[]): InvoiceLine[][] {
  const groups = new Map<string, InvoiceLine[]>();
  for (const l of lines) {
    const g = groups.get(l.client.bsn);
    if (g) g.push(l);
    else groups.set(l.client.bsn, [l]);
  }
  return [...groups.values()];
}

/** JW323: one declaration of a provider to a municipality for one month (many clients, many prestaties). */
export function jw323(h: Header, month: number, lines: InvoiceLine[]): string {
  const m = new Message('JW323')
    .header(h.sender, h.receiver, h.id, h.date)
    .open('Declaratie')
    .el('DeclaratieNummer', lines[0].invoiceNo)
    .open('DeclaratiePeriode')
    .ijw('Begindatum', iso(monthStart(month)))
    .ijw('Einddatum', iso(monthEnd(month)))
    .close('DeclaratiePeriode')
    .el('DeclaratieDagtekening', iso(lines[0].invoiceDate));
  total(
    m,
    'TotaalIngediendBedrag',
    lines.reduce((s, l) => s + l.amountCents, 0),
  );
  m.open('Clienten');
  for (const group of byClient(lines)) {
    m.open('Client').el('Bsn', group[0].client.bsn).open('Prestaties');
    for (const l of group) prestatie(m, l);
    m.close('Prestaties').close('Client');
  }
  return m.close('Clienten').close('Declaratie').toString();
}

/** JW325: the answer to a declaration, listing only the rejected prestaties with their return codes. */
export function jw325(h: Header, declaration: Header, lines: InvoiceLine[]): string {
  const claimed = lines.reduce((s, l) => s + l.amountCents, 0);
  const rejected = lines.filter((l) => l.rejected);
  const m = new Message('JW325')
    .header(h.sender, h.receiver, h.id, h.date, false)
    .open('DeclaratieIdentificatie')
    .ijw('Identificatie', declaration.id)
    .ijw('Dagtekening', iso(declaration.date))
    .close('DeclaratieIdentificatie')
    .xsdVersie('XsdVersieDeclaratie')
    .open('RetourCodes')
    .el('RetourCode', '0200')
    .close('RetourCodes')
    .close('Header')
    .open('DeclaratieAntwoord')
    .el('DeclaratieNummer', lines[0].invoiceNo);
  total(m, 'TotaalIngediendBedrag', claimed);
  total(m, 'TotaalToegekendBedrag', claimed - rejected.reduce((s, l) => s + l.amountCents, 0));
  m.open('Clienten');
  for (const group of byClient(rejected)) {
    m.open('Client').el('Bsn', group[0].client.bsn).open('Prestaties');
    for (const l of group) prestatie(m, l, l.rejected!);
    m.close('Prestaties').open('RetourCodes').el('RetourCode', '0200').close('RetourCodes').close('Client');
  }
  return m
    .close('Clienten')
    .open('RetourCodes')
    .el('RetourCode', '0200')
    .close('RetourCodes')
    .close('DeclaratieAntwoord')
    .toString();
}

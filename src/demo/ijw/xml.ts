// The shared parts of every iJw 3.2 message: namespaces, the header, and small element helpers. Output is compact
// (one element per line, no indentation) to keep large declaration files small.
import { iso, type Day } from '../dates.ts';

export type MessageCode = 'JW301' | 'JW305' | 'JW307' | 'JW315' | 'JW323' | 'JW325';

export const BERICHT_CODE: Record<MessageCode, string> = {
  JW301: '436',
  JW305: '438',
  JW307: '440',
  JW315: '446',
  JW323: '490',
  JW325: '491',
};

const XSD_VERSIE =
  '<ijw:BasisschemaXsdVersie>1.0.0</ijw:BasisschemaXsdVersie>\n<ijw:BerichtXsdVersie>1.0.0</ijw:BerichtXsdVersie>\n';

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A message being written: `p` is its namespace prefix, e.g. 'jw301'. */
export class Message {
  readonly p: string;
  private parts: string[] = [];

  constructor(readonly code: MessageCode) {
    this.p = code.toLowerCase();
    this.parts.push(
      `<?xml version="1.0" encoding="UTF-8"?>\n<${this.p}:Bericht xmlns:ijw="http://www.istandaarden.nl/ijw/3_2/basisschema/schema" xmlns:${this.p}="http://www.istandaarden.nl/ijw/3_2/${this.p}/schema">\n`,
    );
  }

  /** An element of the message's own namespace with text content. */
  el(name: string, value: string | number): this {
    this.parts.push(`<${this.p}:${name}>${value}</${this.p}:${name}>\n`);
    return this;
  }

  /** An element of the basisschema namespace with text content. */
  ijw(name: string, value: string | number): this {
    this.parts.push(`<ijw:${name}>${value}</ijw:${name}>\n`);
    return this;
  }

  open(name: string): this {
    this.parts.push(`<${this.p}:${name}>\n`);
    return this;
  }

  close(name: string): this {
    this.parts.push(`</${this.p}:${name}>\n`);
    return this;
  }

  /** Header fields up to and including XsdVersie (JW325 continues with its own fields before closing). */
  header(sender: string, receiver: string, id: string, date: Day, closeHeader = true): this {
    this.open('Header')
      .el('BerichtCode', BERICHT_CODE[this.code])
      .el('BerichtVersie', 3)
      .el('BerichtSubversie', 2)
      .el('Afzender', sender)
      .el('Ontvanger', receiver)
      .open('BerichtIdentificatie')
      .ijw('Identificatie', id)
      .ijw('Dagtekening', iso(date))
      .close('BerichtIdentificatie');
    this.parts.push(`<${this.p}:XsdVersie>\n${XSD_VERSIE}</${this.p}:XsdVersie>\n`);
    return closeHeader ? this.close('Header') : this;
  }

  /** XsdVersie-shaped element under another name (JW325's XsdVersieDeclaratie). */
  xsdVersie(name: string): this {
    this.parts.push(`<${this.p}:${name}>\n${XSD_VERSIE}</${this.p}:${name}>\n`);
    return this;
  }

  /** Bsn, Geboortedatum, Geslacht and a placeholder surname: the schema requires a name, the demo has none to give. */
  person(bsn: string, birth: Day, sex: string, fullName: boolean): this {
    this.el('Bsn', bsn).open('Geboortedatum').ijw('Datum', iso(birth)).close('Geboortedatum').el('Geslacht', sex).open('Naam');
    this.parts.push('<ijw:Geslachtsnaam>\n<ijw:Achternaam>Demo</ijw:Achternaam>\n</ijw:Geslachtsnaam>\n');
    if (fullName) this.ijw('NaamGebruik', 1);
    return this.close('Naam');
  }

  product(category: string, code: string | null): this {
    this.open('Product').ijw('Categorie', category);
    if (code) this.ijw('Code', code);
    return this.close('Product');
  }

  toString(): string {
    return `${this.parts.join('')}</${this.p}:Bericht>\n`;
  }
}

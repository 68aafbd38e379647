// The iJw 3.2 messages Roer recognises: which it imports and which it skips (return messages).

export const IMPORTED = ['JW315', 'JW301', 'JW305', 'JW307', 'JW323', 'JW325'] as const;
export const SKIPPED = ['JW302', 'JW306', 'JW308', 'JW316', 'JW317', 'JW318', 'JW319', 'JW320'] as const;
export type ImportedKind = (typeof IMPORTED)[number];
export type IjwKind = ImportedKind | (typeof SKIPPED)[number];

/** BerichtCode per message, as fixed by the `BerichtCode` pattern in each message XSD (checked by a test). */
export const BERICHT_CODE: Record<IjwKind, string> = {
  JW301: '436',
  JW302: '437',
  JW305: '438',
  JW306: '439',
  JW307: '440',
  JW308: '441',
  JW315: '446',
  JW316: '447',
  JW317: '486',
  JW318: '487',
  JW319: '488',
  JW320: '489',
  JW323: '490',
  JW325: '491',
};

/** Dutch name of each message, for the import log and the CLI. */
export const LABEL: Record<IjwKind, string> = {
  JW301: 'toewijzing',
  JW302: 'retourbericht toewijzing',
  JW305: 'start zorg',
  JW306: 'retourbericht start zorg',
  JW307: 'stop zorg',
  JW308: 'retourbericht stop zorg',
  JW315: 'verzoek om toewijzing',
  JW316: 'retourbericht verzoek om toewijzing',
  JW317: 'verzoek om wijziging',
  JW318: 'retourbericht verzoek om wijziging',
  JW319: 'antwoord verzoek om wijziging',
  JW320: 'retourbericht antwoord verzoek om wijziging',
  JW323: 'declaratie',
  JW325: 'declaratie-antwoord',
};

/** Import order: requests before allocations (referrers), allocations before care and invoices, invoices before answers. */
export const ORDER: IjwKind[] = [...IMPORTED, ...SKIPPED];

export function isImported(kind: IjwKind): kind is ImportedKind {
  return (IMPORTED as readonly string[]).includes(kind);
}

/** The message kind for an iJw 3.2 message namespace, e.g. 'http://www.istandaarden.nl/ijw/3_2/jw301/schema' → 'JW301'. */
export function kindOfNamespace(ns: string): IjwKind | undefined {
  const m = /^http:\/\/www\.istandaarden\.nl\/ijw\/3_2\/jw(\d{3})\/schema$/.exec(ns);
  const kind = m ? `JW${m[1]}` : undefined;
  return kind && kind in BERICHT_CODE ? (kind as IjwKind) : undefined;
}

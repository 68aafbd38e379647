// Code values Roer acts on, taken from the enumerations in basisschema.xsd (a test checks each against that file).

/** LDT_RedenWijziging 13 "Verwijderd": the allocation is withdrawn (kept, marked deleted). */
export const REDEN_WIJZIGING_VERWIJDERD = '13';

/** LDT_StatusAanlevering: 1 eerste, 2 gewijzigde, 3 verwijderen aanlevering, 9 niet van toepassing (ongewijzigd). */
export const STATUS_AANLEVERING = { eerste: '1', gewijzigd: '2', verwijderen: '3', ongewijzigd: '9' } as const;

/** LDT_DebetCredit. */
export const DEBET = 'D';
export const CREDIT = 'C';

/** LDT_RetourCode 0200 "Geen opmerking over deze berichtklasse": a JW325 line with only this code is not rejected. */
export const RETOUR_GEEN_OPMERKING = '0200';

/** Referrer type for "unknown": not an iJw code (LDT_TypeVerwijzer has 01–08); Roer's own, never guessed. */
export const VERWIJZER_ONBEKEND = '00';

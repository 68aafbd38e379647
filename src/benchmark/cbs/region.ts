// CBS region keys: 'GM0150' is municipality 0150, 'NL01' the Netherlands, 'PV23' a province, 'JZ…' a youth-care region.

/** The four-digit municipality code of a CBS region key ('GM0150' → '0150'); null for other regions (NL01, PV…). */
export function municipalityCode(cbsRegion: string): string | null {
  const m = /^GM(\d{4})$/.exec(cbsRegion.trim());
  return m ? m[1]! : null;
}

/** The CBS region key of a municipality code ('0150' → 'GM0150'). */
export function cbsRegionOf(municipality: string): string {
  return `GM${municipality}`;
}

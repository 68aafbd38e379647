// CBS's metadata into typed form: DataProperties gives the measures (Topic, with the titles of their TopicGroups) and
// the dimensions (the GeoDimension RegioS, the TimeDimension Perioden, other Dimensions); RegioS and Perioden give
// each category key its title (and a period its status). Keys are trimmed: CBS pads them with spaces.
import type { NamedText } from './files.ts';
import { readRows, refuse } from './records.ts';
import type { CbsMeasure } from './types.ts';

export interface TableLayout {
  measures: Map<string, CbsMeasure>;
  /** The column of the GeoDimension (RegioS) and of the TimeDimension (Perioden). */
  region: string;
  period: string;
  /** The other dimension columns (Geslacht, Leeftijd, …). */
  dims: string[];
}

const str = (v: unknown): string | null => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : null);

/** What kind of property a DataProperties row is: 'Topic', 'TopicGroup', 'GeoDimension', … (Type, else odata.type). */
function kindOf(row: Record<string, unknown>): string {
  return str(row.Type) ?? str(row['odata.type'])?.replace(/^Cbs\.OData\./, '') ?? '';
}

/** Reads DataProperties; refused when it lacks the region or the period dimension, or has no measure. */
export function readLayout(file: NamedText): TableLayout {
  const { rows } = readRows(file);
  const groups = new Map<string, { title: string; parent: string | null }>();
  for (const { fields } of rows)
    if (kindOf(fields) === 'TopicGroup')
      groups.set(str(fields.ID) ?? '', { title: str(fields.Title)?.trim() ?? '', parent: str(fields.ParentID) });
  const pathOf = (parent: string | null, title: string): string => {
    const titles = [title];
    for (let id = parent, guard = 0; id !== null && groups.has(id) && guard < 50; guard++) {
      titles.unshift(groups.get(id)!.title);
      id = groups.get(id)!.parent;
    }
    return titles.join(' > ');
  };
  const measures = new Map<string, CbsMeasure>();
  const dims: string[] = [];
  let region: string | null = null;
  let period: string | null = null;
  for (const { record, fields } of rows) {
    const kind = kindOf(fields);
    const key = str(fields.Key)?.trim() ?? '';
    if (kind === 'TopicGroup') continue;
    if (!key) throw refuse(file.name, `eigenschap van soort '${kind}' zonder Key`, record, 'Key');
    if (kind === 'Topic') {
      const title = str(fields.Title)?.trim();
      if (!title) throw refuse(file.name, `maatstaf ${key} heeft geen titel`, record, 'Title');
      const decimals = Number(str(fields.Decimals) ?? Number.NaN);
      measures.set(key, {
        key,
        title,
        path: pathOf(str(fields.ParentID), title),
        unit: str(fields.Unit)?.trim() || null,
        datatype: str(fields.Datatype) ?? 'Double',
        decimals: Number.isInteger(decimals) ? decimals : null,
      });
    } else if (kind === 'GeoDimension' || kind === 'GeoDetail') region = key;
    else if (kind === 'TimeDimension') period = key;
    else if (kind === 'Dimension') dims.push(key);
    else throw refuse(file.name, `onbekende soort eigenschap '${kind}'`, record, 'Type');
  }
  if (!region) throw refuse(file.name, 'geen regiodimensie (GeoDimension, bijv. RegioS): Roer vergelijkt gemeenten');
  if (!period) throw refuse(file.name, 'geen tijdsdimensie (TimeDimension, bijv. Perioden)');
  if (measures.size === 0) throw refuse(file.name, 'geen enkele maatstaf (Topic)');
  return { measures, region, period, dims };
}

/** A category list (RegioS, Perioden): trimmed key → title and status. */
export function readCategories(file: NamedText | null): Map<string, { title: string | null; status: string | null }> {
  const out = new Map<string, { title: string | null; status: string | null }>();
  if (!file) return out;
  for (const { record, fields } of readRows(file).rows) {
    const key = str(fields.Key)?.trim();
    if (!key) throw refuse(file.name, 'categorie zonder Key', record, 'Key');
    out.set(key, { title: str(fields.Title)?.trim() ?? null, status: str(fields.Status)?.trim() ?? null });
  }
  return out;
}

/** The table id: TableInfos' Identifier, else the id in the OData address, else the folder's name when it is one. */
export function tableIdOf(tableInfos: NamedText | null, odataMetadata: string | null, folder: string): string | null {
  if (tableInfos) {
    const info = readRows(tableInfos).rows[0]?.fields;
    const id = str(info?.Identifier)?.trim();
    if (id) return id;
  }
  const fromUrl = odataMetadata ? /\/odata\/([0-9A-Za-z]+)\/\$metadata/i.exec(odataMetadata)?.[1] : undefined;
  if (fromUrl) return fromUrl;
  return /^\d{5}[A-Za-z]{3}$/.test(folder) ? folder : null;
}

/** The table title from TableInfos, if given. */
export function tableTitleOf(tableInfos: NamedText | null): string | null {
  if (!tableInfos) return null;
  return str(readRows(tableInfos).rows[0]?.fields.Title)?.trim() ?? null;
}

// Finds and reads the files of one downloaded CBS table: the data (TypedDataSet.json, or TypedDataSet.csv /
// UntypedDataSet.csv) and beside it the metadata CBS publishes with it (DataProperties, RegioS, Perioden, TableInfos, and
// a category list per other dimension, e.g. Leeftijd),
// laid out as `roer benchmark fetch`, cbsodata (Python) and cbsodataR write them: one folder per table, one file each.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { RoerError } from '../../errors.ts';

/** A file's name (for messages) and its text. */
export interface NamedText {
  name: string;
  text: string;
}

/** The texts of one table download; the parser (parse.ts) makes typed records of them. */
export interface TableFiles {
  /** The folder's name: the table id when the folder is named after it ('85097NED'). File names start with it. */
  folder: string;
  data: NamedText;
  dataProperties: NamedText;
  regions: NamedText | null;
  periods: NamedText | null;
  tableInfos: NamedText | null;
  /** The other files of the folder by base name: among them the category lists of the other dimensions (Leeftijd.json). */
  others: Map<string, NamedText>;
}

const DATA_NAMES = ['TypedDataSet.json', 'TypedDataSet.csv', 'UntypedDataSet.json', 'UntypedDataSet.csv'];

/**
 * The data file of a table folder. A file given by itself is the data file, unless it lies beside one (a metadata file,
 * as `roer benchmark import 85097NED/*` gives them): then it stands for that table's data file.
 */
export function dataFileOf(path: string): string {
  if (!statSync(path).isDirectory()) {
    if (DATA_NAMES.includes(basename(path))) return path;
    return DATA_NAMES.map((n) => join(dirname(path), n)).find((p) => existsSync(p)) ?? path;
  }
  const found = DATA_NAMES.map((n) => join(path, n)).find((p) => existsSync(p));
  if (!found) throw new RoerError(`${basename(path)}: geen CBS-gegevens gevonden (verwacht ${DATA_NAMES.join(' of ')})`);
  return found;
}

const KNOWN_META = ['DataProperties', 'RegioS', 'Perioden', 'TableInfos'];

/** The metadata files beside a data file (every JSON or CSV but the data), sorted: the import's identity covers them. */
export function metadataFilesOf(dataFile: string): string[] {
  const dir = dirname(dataFile);
  return readdirSync(dir)
    .filter((f) => /\.(json|csv)$/i.test(f) && !DATA_NAMES.includes(f))
    .sort()
    .map((f) => join(dir, f));
}

/** Reads a table folder (or a data file and the metadata beside it). DataProperties is required: it names the measures. */
export function readTableFiles(path: string): TableFiles {
  const dataFile = dataFileOf(path);
  const dir = dirname(dataFile);
  // Every table folder holds a 'TypedDataSet.json': the folder in the name tells them apart in messages and quarantine.
  const read = (p: string | null): NamedText | null =>
    p ? { name: `${basename(dir)}/${basename(p)}`, text: readFileSync(p, 'utf8') } : null;
  const dataProperties = read(metaFile(dir, 'DataProperties'));
  if (!dataProperties)
    throw new RoerError(
      `${basename(dir)}/${basename(dataFile)}: DataProperties.json (of .csv) ontbreekt naast het bestand`,
      'Download de tabel met haar metadata (roer benchmark fetch, of DataProperties van de CBS-OData-API) in dezelfde map.',
    );
  return {
    folder: basename(dir),
    data: read(dataFile)!,
    dataProperties,
    regions: read(metaFile(dir, 'RegioS')),
    periods: read(metaFile(dir, 'Perioden')),
    tableInfos: read(metaFile(dir, 'TableInfos')),
    others: new Map(
      metadataFilesOf(dataFile)
        .map((p) => [basename(p).replace(/\.(json|csv)$/i, ''), p] as const)
        .filter(([name]) => !KNOWN_META.includes(name))
        .map(([name, p]) => [name, read(p)!]),
    ),
  };
}

function metaFile(dir: string, name: string): string | null {
  for (const ext of ['.json', '.csv']) if (existsSync(join(dir, name + ext))) return join(dir, name + ext);
  return null;
}

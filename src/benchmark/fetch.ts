// `roer benchmark fetch`: downloads CBS tables from the open-data API (OData v3) into one folder per table, in the
// layout `roer benchmark import` reads (TableInfos, DataProperties, RegioS, Perioden, TypedDataSet as JSON), following
// CBS's paging links. Only municipalities and the Netherlands are fetched: the rest is not compared.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { RoerError } from '../errors.ts';

/** CBS's open-data API (v3); the feed variant pages large tables. */
export const CBS_ODATA = 'https://opendata.cbs.nl/ODataFeed/odata';

/** The tables issue 18 compares with: youths with youth care (half-year and year), costs, population by age. */
export const DEFAULT_TABLES = ['85097NED', '83454NED', '03759ned'];

const PARTS = ['TableInfos', 'DataProperties', 'RegioS', 'Perioden', 'TypedDataSet'];

/** Downloads each table into `<dir>/<table>/`; returns the folders written. Offline is a Dutch error, not a stack. */
export async function fetchTables(tables: string[], dir: string, base = CBS_ODATA): Promise<string[]> {
  const written: string[] = [];
  for (const table of tables) {
    const folder = join(dir, table);
    mkdirSync(folder, { recursive: true });
    for (const part of PARTS) {
      // RegioS keys are space-padded, hence startswith; NL01 is the national figure the benchmark shows beside them.
      const filter = part === 'TypedDataSet' ? "?$filter=substringof('GM',RegioS) or substringof('NL',RegioS)" : '';
      const value = await getAll(`${base}/${table}/${part}${filter}`, table);
      writeFileSync(
        join(folder, `${part}.json`),
        JSON.stringify({ 'odata.metadata': `${base}/${table}/$metadata#${part}`, value }),
      );
    }
    written.push(folder);
  }
  return written;
}

async function getAll(url: string, table: string): Promise<unknown[]> {
  const rows: unknown[] = [];
  for (let next: string | undefined = url; next; ) {
    let response: Response;
    try {
      response = await fetch(next, { headers: { accept: 'application/json' } });
    } catch (e) {
      throw new RoerError(
        `CBS is niet bereikbaar (${(e as Error).cause instanceof Error ? ((e as Error).cause as Error).message : (e as Error).message}).`,
        'Is deze computer online? Zonder internet: download de tabellen elders en lees ze in met roer benchmark import.',
      );
    }
    if (!response.ok) throw new RoerError(`CBS gaf ${response.status} ${response.statusText} voor tabel ${table}.`);
    const body = (await response.json()) as { value?: unknown[]; 'odata.nextLink'?: string };
    rows.push(...(body.value ?? []));
    next = body['odata.nextLink'];
  }
  return rows;
}

// The one parser of a downloaded CBS table: data rows and metadata into typed observations (types.ts). A cell it cannot
// read, a region or period CBS did not list, or a repeated observation is a problem (file, record, field, Dutch reason)
// and is left out; the rest is kept. A file whose structure is wrong (no DataProperties, an unknown column) is refused.
import type { Problem } from '../../errors.ts';
import { parseCell } from './cell.ts';
import type { TableFiles } from './files.ts';
import { readCategories, readLayout, tableIdOf, tableTitleOf } from './metadata.ts';
import { parsePeriod } from './period.ts';
import { readRows, refuse } from './records.ts';
import type { CbsObservation, CbsTable } from './types.ts';

const NUMERIC = new Set(['Double', 'Float', 'Integer', 'Long', 'Decimal', 'Int16', 'Int32', 'Int64']);

/**
 * Parses one table download.
 * @example const { table, problems } = parseCbsTable(readTableFiles('downloads/85097NED'))
 */
export function parseCbsTable(files: TableFiles): { table: CbsTable; problems: Problem[] } {
  const layout = readLayout(files.dataProperties);
  const regions = readCategories(files.regions);
  const periods = readCategories(files.periods);
  const categories = new Map(
    layout.dims.map((d) => {
      const list = readCategories(files.others.get(d) ?? null);
      return [d, new Map([...list].map(([key, c]) => [key, c.title ?? key]))] as const;
    }),
  );
  const data = readRows(files.data);
  const file = files.data.name;
  const id = tableIdOf(files.tableInfos, data.odataMetadata, files.folder);
  if (!id)
    throw refuse(file, 'onbekend welke CBS-tabel dit is: geen TableInfos, OData-adres of map met de tabelnaam (bijv. 85097NED)');

  const known = new Set(['ID', layout.region, layout.period, ...layout.dims, ...layout.measures.keys()]);
  const unknown = data.columns.find((c) => !known.has(c));
  if (unknown !== undefined) throw refuse(file, `kolom '${unknown}' staat niet in ${files.dataProperties.name}`, 0, unknown);
  const measures = [...layout.measures.values()].filter((m) => NUMERIC.has(m.datatype) && data.columns.includes(m.key));

  const problems: Problem[] = [];
  const observations: CbsObservation[] = [];
  const seen = new Set<string>();
  for (const { record, fields } of data.rows) {
    const problem = (field: string, reason: string) => problems.push({ file, record, field, reason });
    const region = typeof fields[layout.region] === 'string' ? (fields[layout.region] as string).trim() : '';
    if (!region) {
      problem(layout.region, 'regiocode ontbreekt');
      continue;
    }
    if (regions.size > 0 && !regions.has(region)) {
      problem(layout.region, `regio '${region}' staat niet in ${files.regions!.name}`);
      continue;
    }
    const rawPeriod = typeof fields[layout.period] === 'string' ? (fields[layout.period] as string).trim() : '';
    if (periods.size > 0 && !periods.has(rawPeriod)) {
      problem(layout.period, `periode '${rawPeriod}' staat niet in ${files.periods!.name}`);
      continue;
    }
    const period = parsePeriod(rawPeriod, periods.get(rawPeriod) ?? {});
    if (!period.ok) {
      problem(layout.period, period.reason);
      continue;
    }
    const dims = Object.fromEntries(layout.dims.map((d) => [d, String(fields[d] ?? '').trim()]));
    const unlisted = layout.dims.find((d) => categories.get(d)!.size > 0 && !categories.get(d)!.has(dims[d]!));
    if (unlisted !== undefined) {
      problem(unlisted, `categorie '${dims[unlisted]}' staat niet in ${files.others.get(unlisted)!.name}`);
      continue;
    }
    const at = [region, rawPeriod, ...layout.dims.map((d) => dims[d])].join('|');
    if (seen.has(at)) {
      problem(layout.region, `regio ${region}, periode ${rawPeriod} komt al eerder voor in dit bestand`);
      continue;
    }
    seen.add(at);
    for (const measure of measures) {
      const cell = parseCell(fields[measure.key]);
      if (!cell.ok) {
        problem(measure.key, cell.reason);
        continue;
      }
      observations.push({
        measure,
        region,
        regionTitle: regions.get(region)?.title ?? null,
        period: period.period,
        dims,
        ...cell.cell,
        record,
      });
    }
  }
  return { table: { id, title: tableTitleOf(files.tableInfos), measures, categories, observations }, problems };
}

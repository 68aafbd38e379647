// Keeps an import within a set of municipalities (an analyst's upload): checked inside the file's own transaction, after
// its records were written, so a file that touched another municipality is rolled back whole and refused.
import { RoerError } from '../errors.ts';
import { ident, join, type Store, sql } from '../store/index.ts';

/** Tables that carry the file that last wrote a row, and that row's municipality. */
const OWNED: [table: string, fileColumn: string][] = [
  ['request', 'file_id'],
  ['allocation', 'file_id'],
  ['care_period', 'start_file_id'],
  ['care_period', 'stop_file_id'],
  ['invoice_line', 'file_id'],
  ['budget', 'file_id'],
  ['pgb_cost', 'file_id'],
  ['cost_line', 'file_id'],
];

/**
 * Kinds whose rows belong to no municipality or carry no file (products, providers, clients, population): they are
 * shared by the whole region, so only a user without a municipality limit may import them.
 */
const REGIONAL = new Set(['products', 'providers', 'clients', 'population']);

/**
 * Throws a RoerError unless every row the files wrote lies in `municipalities`. A row a file left unchanged keeps its
 * earlier file, so only what the file actually changed counts. Must run inside the files' transaction.
 * @example await assertWithin(store, [{ fileId, fileName: 'jw301.xml', kind: 'JW301' }], ['0150'])
 */
export async function assertWithin(
  store: Store,
  files: { fileId: string; fileName: string; kind: string }[],
  municipalities: readonly string[],
): Promise<void> {
  const own = municipalities.join(', ');
  for (const f of files) {
    const regional = f.kind.split('+').filter((k) => REGIONAL.has(k));
    if (regional.length > 0)
      throw new RoerError(
        `${f.fileName}: bestanden met ${regional.join(', ')} gelden voor de hele regio; alleen de beheerder mag die inlezen.`,
      );
    const inList = municipalities.length ? join(municipalities) : sql`NULL`;
    const parts = OWNED.map(
      ([table, column]) =>
        sql`SELECT municipality FROM ${ident(table)} WHERE ${ident(column)} = ${f.fileId} AND municipality NOT IN (${inList})`,
    );
    // JW325 rejections name invoice lines, which carry the municipality.
    parts.push(sql`SELECT l.municipality FROM invoice_rejection r JOIN invoice_line l USING (provider_agb, reference)
                 WHERE r.file_id = ${f.fileId} AND l.municipality NOT IN (${inList})`);
    const outside = await store.all<{ municipality: string }>(
      sql`SELECT DISTINCT municipality FROM (${join(parts, ' UNION ALL ')}) ORDER BY municipality LIMIT 5`,
    );
    if (outside.length > 0)
      throw new RoerError(
        `${f.fileName}: het bestand bevat gegevens van gemeente ${outside.map((r) => r.municipality).join(', ')}; ` +
          `u mag alleen gegevens van ${own} inlezen. Er is niets uit dit bestand opgeslagen.`,
      );
  }
}

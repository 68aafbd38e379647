// `roer benchmark`: CBS open data for comparing municipalities. `import` reads downloaded CBS tables and context decile
// files (one line per table or file, like `roer import`); `fetch` downloads the tables when the machine is online.
import { existsSync } from 'node:fs';
import { auditImports, cliActor } from '../access/audit.ts';
import { formatProblem } from '../errors.ts';
import { DEFAULT_TABLES, fetchTables } from '../benchmark/fetch.ts';
import { importCbsPaths, type CbsImportReport } from '../benchmark/import.ts';
import { Store, dbPath } from '../store/index.ts';
import type { Command } from './command.ts';

const n = (x: number) => x.toLocaleString('nl-NL');

export const benchmark: Command = {
  name: 'benchmark',
  summary: 'lees open data van het CBS in om met andere gemeenten te vergelijken',
  usage: `Gebruik: roer benchmark import [--db <bestand>] <map|bestand>…
       roer benchmark fetch [--map <map>] [<tabel>…]

import   Leest CBS-tabellen in zoals het CBS ze publiceert (OData v3): per tabel een map met
         TypedDataSet.json (of de CSV-download TypedDataSet.csv/UntypedDataSet.csv) en daarnaast
         DataProperties, RegioS en Perioden (en TableInfos), zoals 'roer benchmark fetch', cbsodata en
         cbsodataR ze wegschrijven. Een map met zulke mappen mag ook. Maatstaven worden herkend aan
         sleutel en titel uit DataProperties. Lege en afgeschermde cellen (., x, .., -, leeg) blijven
         leeg, met de reden; ze worden nooit 0. Een tabel die al eerder precies zo is ingelezen, wordt
         overgeslagen; een nieuwere download vervangt alleen de cijfers die veranderd zijn. Cellen die
         niet te lezen zijn, gaan in quarantaine (bestand, regel, veld, reden).
         Ook: een CSV-bestand met contextdecielen per gemeente en jaar (kolommen gemeentecode,
         gemeentenaam, jaar en inkomensdeciel en/of kinderarmoededeciel, 1 t/m 10; puntkomma's of
         komma's). Een later bestand vervangt de decielen die het voor een gemeente en jaar geeft.
fetch    Downloadt tabellen van opendata.cbs.nl naar <map>/<tabel>/ (standaard ${DEFAULT_TABLES.join(', ')}),
         alleen gemeenten en Nederland. Daarna: roer benchmark import <map>.

Opties:
  --map <map>      waar fetch de tabellen neerzet (standaard ./cbs)
  --db <bestand>   de database (standaard ./data/roer.duckdb, of $ROER_DB)

Afsluitcode: 0 als alles is ingelezen of gedownload, 1 als een tabel is geweigerd of CBS niet
bereikbaar is, 2 bij een verkeerde aanroep.`,
  options: { map: { type: 'string' } },
  async run(values, positionals) {
    const [action, ...rest] = positionals;
    if (action === 'fetch') {
      const folders = await fetchTables(rest.length ? rest : DEFAULT_TABLES, (values.map as string | undefined) ?? 'cbs');
      for (const f of folders) process.stdout.write(`Gedownload: ${f}\n`);
      return 0;
    }
    if (action !== 'import') {
      process.stderr.write("Geef 'import' of 'fetch' op. Zie 'roer benchmark --help'.\n");
      return 2;
    }
    if (rest.length === 0) {
      process.stderr.write("Geef een of meer mappen of bestanden op. Zie 'roer benchmark --help'.\n");
      return 2;
    }
    const missing = rest.filter((p) => !existsSync(p));
    if (missing.length > 0) {
      process.stderr.write(`Niet gevonden: ${missing.join(', ')}\n`);
      return 2;
    }
    const store = await Store.open(dbPath(values.db as string | undefined));
    try {
      const reports = await importCbsPaths(store, rest);
      await auditImports(
        store,
        cliActor(),
        reports.map((r) => ({ ...r, kind: r.table ? `cbs ${r.table}` : 'cbs' })),
      );
      for (const r of reports) process.stdout.write(describe(r));
      return reports.some((r) => r.status === 'geweigerd') ? 1 : 0;
    } finally {
      store.close();
    }
  },
};

function describe(r: CbsImportReport): string {
  if (r.status === 'overgeslagen') return `${r.fileName}: overgeslagen (${r.note})\n`;
  if (r.status === 'geweigerd') return `${r.fileName}: GEWEIGERD — ${r.note}\n`;
  const what =
    r.table === 'decielen'
      ? `contextdecielen: ${n(r.total)} regels gelezen`
      : `CBS-tabel ${r.table}: ${n(r.total)} cellen gelezen`;
  const lines = [
    `${r.fileName}: ${what}, ${n(r.ok)} opgeslagen` +
      (r.unchanged > 0 ? `, ${n(r.unchanged)} ongewijzigd` : '') +
      `, ${n(r.quarantined)} in quarantaine` +
      (r.note ? ` (${r.note})` : ''),
    ...r.problems.slice(0, 5).map((p) => `    ${formatProblem(p)}`),
  ];
  if (r.quarantined > 5) lines.push(`    … en ${n(r.quarantined - 5)} meer (zie 'roer status')`);
  return `${lines.join('\n')}\n`;
}

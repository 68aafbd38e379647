// `roer import`: reads iJw messages and CSV/XLSX exports into the store, with a progress bar, a line per file (records
// read, stored, quarantined with the first problems, or why it was refused) and a summary. Exit 0 when every file was
// read, 1 when one was refused.
import { existsSync } from 'node:fs';
import { formatProblem } from '../errors.ts';
import { auditImports, cliActor } from '../access/audit.ts';
import { importPaths, type FileReport } from '../ingest/importer.ts';
import { loadMunicipalities } from '../ingest/municipalities.ts';
import { IJW_LABEL, type IjwKind } from '../ingest/ijw/index.ts';
import { loadOrCreateSecret } from '../ingest/pseudonym.ts';
import { loadMapping } from '../ingest/tabular/index.ts';
import { Store, dbPath, secretPath } from '../store/index.ts';
import type { Command } from './command.ts';
import { progress, type Progress } from './progress.ts';

const SHOWN_PROBLEMS = 5;

export const importCommand: Command = {
  name: 'import',
  summary: 'lees iJw-berichten (XML) en exports (CSV/XLSX) in',
  usage: `Gebruik: roer import [--mapping <json>] [--db <bestand>] <bestand|map>…

Leest iJw 3.2-berichten (JW315, JW301, JW305, JW307, JW323, JW325) en CSV/XLSX-exports in.
Mappen worden doorzocht (ook submappen). Bestanden die al eerder zijn ingelezen, worden overgeslagen.
Elk bestand wordt in zijn geheel ingelezen of (bij een fout) helemaal niet. Een iJw-bericht dat niet
aan het XSD-schema voldoet, wordt in zijn geheel geweigerd (zoals retourcode 0001), met regel, veld en
reden. Records die een andere regel breken (bijv. de elfproef van het BSN), gaan in quarantaine, met
bestand, regel, veld en reden; de rest van het bestand wordt wel ingelezen.
Retourberichten (JW302, JW306, JW308, JW316–JW320) worden alleen gecontroleerd.

Het BSN wordt direct vervangen door een pseudoniem; namen, adressen en telefoonnummers worden niet bewaard.

Opties:
  --mapping <json>   kolomindeling voor CSV/XLSX-exports (zie docs/import.md)
  --max-mb <getal>   grootste XML-bestand dat wordt geaccepteerd, in MB (standaard 512)
  --db <bestand>     de database (standaard ./data/roer.duckdb, of $ROER_DB)

Afsluitcode: 0 als elk bestand is ingelezen (ook met records in quarantaine), 1 als een bestand
is geweigerd, 2 bij een verkeerde aanroep.`,
  options: { mapping: { type: 'string' }, 'max-mb': { type: 'string' } },
  async run(values, positionals) {
    if (positionals.length === 0) {
      process.stderr.write("Geef een of meer bestanden of mappen op. Zie 'roer import --help'.\n");
      return 2;
    }
    const missing = positionals.filter((p) => !existsSync(p));
    if (missing.length > 0) {
      process.stderr.write(`Niet gevonden: ${missing.join(', ')}\n`);
      return 2;
    }
    const maxMb = values['max-mb'] === undefined ? undefined : Number(values['max-mb']);
    if (maxMb !== undefined && !(maxMb > 0)) {
      process.stderr.write('--max-mb moet een positief getal zijn.\n');
      return 2;
    }
    const mapping = typeof values.mapping === 'string' ? await loadMapping(values.mapping) : undefined;
    const db = dbPath(values.db as string | undefined);
    const store = await Store.open(db);
    try {
      const secret = loadOrCreateSecret(secretPath(db));
      let bar: Progress | null = null;
      await loadMunicipalities(store);
      const reports = await importPaths(store, positionals, {
        secret,
        ...(mapping ? { mapping } : {}),
        ...(maxMb ? { maxFileBytes: Math.round(maxMb * 1024 ** 2) } : {}),
        onProgress: (p) => {
          if (p.filesTotal === 0) return;
          bar ??= progress('Inlezen', p.filesTotal);
          bar.update(p.filesDone, `${p.records.toLocaleString('nl-NL')} records ${p.file}`);
        },
      });
      (bar as Progress | null)?.done(`Inlezen klaar (${db})`);
      await auditImports(store, cliActor(), reports);
      for (const r of reports) process.stdout.write(describe(r));
      process.stdout.write(summary(reports));
      return reports.some((r) => r.status === 'geweigerd') ? 1 : 0;
    } finally {
      store.close();
    }
  },
};

const n = (x: number) => x.toLocaleString('nl-NL');

function describe(r: FileReport): string {
  if (r.status === 'overgeslagen') return `${r.fileName}: overgeslagen (${r.note})\n`;
  const label = r.kind in IJW_LABEL ? `${r.kind} (${IJW_LABEL[r.kind as IjwKind]})` : r.kind;
  const lines =
    r.status === 'geweigerd'
      ? [`${r.fileName}: GEWEIGERD — ${r.note}`]
      : r.total === 0 && r.note
        ? [`${r.fileName}: ${r.note}`]
        : [
            `${r.fileName}: ${label}: ${n(r.total)} gelezen, ${n(r.ok)} opgeslagen` +
              (r.unchanged > 0 ? `, ${n(r.unchanged)} ongewijzigd` : '') +
              `, ${n(r.quarantined)} in quarantaine` +
              (r.note ? ` — ${r.note}` : ''),
          ];
  // A message refused for its schema errors lists them like quarantined records.
  for (const p of r.problems.slice(0, SHOWN_PROBLEMS)) lines.push(`    ${formatProblem(p)}`);
  if (r.quarantined > SHOWN_PROBLEMS) lines.push(`    … en ${n(r.quarantined - SHOWN_PROBLEMS)} meer (zie 'roer status')`);
  return `${lines.join('\n')}\n`;
}

function summary(reports: FileReport[]): string {
  const count = (s: FileReport['status']) => reports.filter((r) => r.status === s).length;
  const sum = (k: 'total' | 'ok' | 'quarantined') => reports.reduce((t, r) => t + r[k], 0);
  return (
    `\nSamenvatting: ${n(reports.length)} bestand(en): ${n(count('ingelezen'))} ingelezen, ${n(count('overgeslagen'))} overgeslagen, ` +
    `${n(count('geweigerd'))} geweigerd; ${n(sum('total'))} records gelezen, ${n(sum('ok'))} opgeslagen, ${n(sum('quarantined'))} in quarantaine.\n`
  );
}

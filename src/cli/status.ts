// `roer status`: what the store holds, the latest imports, refused files and the records in quarantine with their reasons.
import { existsSync } from 'node:fs';
import { RoerError } from '../errors.ts';
import { Store, dbPath, schemaVersion } from '../store/index.ts';
import { formatSummary, summarise } from '../store/summary.ts';
import type { Command } from './command.ts';

export const status: Command = {
  name: 'status',
  summary: 'toon wat er in de database staat, de laatste imports en de quarantaine',
  usage: `Gebruik: roer status [--db <bestand>] [--bestanden]

Toont het aantal records per soort, de geweigerde bestanden (met de reden; een bericht dat niet aan
het XSD-schema voldoet, wordt in zijn geheel geweigerd) en de records in quarantaine (bestand, regel,
veld en reden), zodat u ze kunt verbeteren en opnieuw inlezen.

Opties:
  --bestanden      toon ook de lijst van ingelezen bestanden
  --db <bestand>   de database (standaard ./data/roer.duckdb, of $ROER_DB)`,
  options: { bestanden: { type: 'boolean' } },
  async run(values) {
    const path = dbPath(values.db as string | undefined);
    if (!existsSync(path))
      throw new RoerError(`Er is nog geen database op ${path}.`, "Lees eerst gegevens in met 'roer import' of 'roer demo'.");
    const store = await Store.open(path);
    try {
      const summary = await summarise(store);
      process.stdout.write(`Database: ${path} (schemaversie ${await schemaVersion(store)})\n`);
      process.stdout.write(formatSummary(summary));
      if (values.bestanden) {
        process.stdout.write('\nIngelezen bestanden:\n');
        for (const f of summary.files) {
          process.stdout.write(
            `  ${f.imported_at}  ${f.kind.padEnd(14)} ${f.status.padEnd(12)} ${String(f.records_ok).padStart(8)} ok ${String(f.records_quarantined).padStart(6)} quarantaine  ${f.file_name}\n`,
          );
        }
      }
      return 0;
    } finally {
      store.close();
    }
  },
};

// `roer start` (the README's start command): on a store without data it first builds and imports the demo region
// IJsselland, then serves the dashboard. Later starts reuse the store and are ready in seconds.
import { existsSync } from 'node:fs';
import { dbPath, sql, Store } from '../store/index.ts';
import type { Command } from './command.ts';
import { demo } from './demo.ts';
import { serve } from './serve.ts';

/** True when the store at `path` exists and has at least one imported file. */
async function hasData(path: string): Promise<boolean> {
  if (!existsSync(path)) return false;
  const store = await Store.open(path);
  try {
    return (await store.one<{ n: number }>(sql`SELECT count(*) AS n FROM import_file WHERE status = 'ingelezen'`))!.n > 0;
  } finally {
    store.close();
  }
}

export const start: Command = {
  name: 'start',
  summary: 'start Roer; de eerste keer wordt eerst de demoregio IJsselland gemaakt en ingelezen',
  usage: `Gebruik: roer start [--port 3000] [--host 127.0.0.1] [--schaal 1] [--db <bestand>]

Heeft de database nog geen gegevens, dan maakt Roer eerst de demoregio IJsselland
(zoals 'roer demo': 2015 tot en met november 2024 als CSV-exports, december 2024 als
iJw-berichten) en leest die in. Daarna start de webserver zoals 'roer serve'.

Opties:
  --port, --host, --tls, --proxy   zie 'roer serve --help'
  --schaal, --zaad, --ijw-vanaf    zie 'roer demo --help' (alleen bij de eerste start)
  --db <bestand>                   de database (standaard ./data/roer.duckdb, of $ROER_DB)`,
  options: { ...serve.options, ...demo.options },
  async run(values, positionals) {
    const path = dbPath(values.db as string | undefined);
    if (!(await hasData(path))) {
      process.stdout.write(`Nog geen gegevens in ${path}: de demoregio IJsselland wordt gemaakt en ingelezen.\n`);
      const code = await demo.run({ ...values, 'ijw-vanaf': values['ijw-vanaf'] ?? '2024-12-01' }, positionals);
      if (code === 2) return code;
    }
    return serve.run(values, positionals);
  },
};

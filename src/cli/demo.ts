// `roer demo`: generates the demo region IJsselland (deterministic, seedable, scalable) and imports it through the
// ordinary importers, then prints what came in and the region's headline figures.
import { resolve } from 'node:path';
import { generateDemo, type DemoSummary } from '../demo/generate.ts';
import { day, type Day } from '../demo/dates.ts';
import { yearFigures } from '../demo/figures.ts';
import { importDemo } from '../demo/load.ts';
import { loadOrCreateSecret } from '../ingest/pseudonym.ts';
import { Store, dbPath, secretPath } from '../store/index.ts';
import type { Command } from './command.ts';
import { progress, type Progress } from './progress.ts';

const n = (x: number) => x.toLocaleString('nl-NL');
const eur = (x: number) => `€ ${(x / 1e6).toLocaleString('nl-NL', { minimumFractionDigits: 1, maximumFractionDigits: 1 })} mln`;

export const demo: Command = {
  name: 'demo',
  summary: 'maak de demoregio IJsselland en lees die in',
  usage: `Gebruik: roer demo [--schaal 1] [--zaad 42] [--map data/demo] [--alleen-genereren] [--ijw-vanaf jjjj-mm-dd] [--db <bestand>]

Maakt een verzonnen maar realistische jeugdzorgregio: de elf gemeenten van IJsselland, 2015–2024.
Tot en met 2020 als exports uit een zaaksysteem (CSV met kolomindeling mapping.json), vanaf 2021
als iJw 3.2-berichten (JW315, JW301, JW305, JW307, JW323, JW325). Daarna leest Roer alles in met
dezelfde importfuncties als 'roer import'. Dezelfde schaal en hetzelfde zaad geven precies dezelfde
bestanden. Er staan geen echte personen in: de BSN's zijn testnummers, namen ontbreken.
Voor de vergelijking met andere gemeenten komt er een VERZONNEN landelijke set in CBS-formaat bij
(map cbs/: jongeren met jeugdhulp met/zonder verblijf per halfjaar en bevolking, alle 342 gemeenten;
titel "fictief, gegenereerd door Roer"); de gemeenten van de regio hebben daarin hun eigen demo-cijfers.

Opties:
  --schaal <getal>     grootte ten opzichte van de echte regio (standaard 1; 0,1 = een tiende)
  --zaad <tekst>       startwaarde van het toeval (standaard 42)
  --map <map>          waar de bestanden komen (standaard data/demo)
  --alleen-genereren   alleen de bestanden maken, niet inlezen
  --ijw-vanaf <datum>  vanaf deze dag iJw-berichten, daarvoor CSV-exports (standaard 2021-01-01;
                       'roer start' gebruikt 2024-12-01: één bericht per beslissing leest traag)
  --db <bestand>       de database (standaard ./data/roer.duckdb, of $ROER_DB)

Afsluitcode: 0 als alles is ingelezen, 1 als een bestand is geweigerd of records in quarantaine
gingen, 2 bij een verkeerde aanroep.`,
  options: {
    schaal: { type: 'string' },
    zaad: { type: 'string' },
    map: { type: 'string' },
    'alleen-genereren': { type: 'boolean' },
    'ijw-vanaf': { type: 'string' },
  },
  async run(values) {
    const scale = Number(String(values.schaal ?? '1').replace(',', '.'));
    if (!(scale > 0 && scale <= 100)) {
      process.stderr.write('--schaal moet een getal groter dan 0 en hoogstens 100 zijn.\n');
      return 2;
    }
    const ijwStart = parseDay(values['ijw-vanaf'] as string | undefined);
    if (ijwStart === null) {
      process.stderr.write('--ijw-vanaf moet een datum jjjj-mm-dd tussen 2015-01-01 en 2025-01-01 zijn.\n');
      return 2;
    }
    const seed = String(values.zaad ?? '42');
    const dir = resolve(String(values.map ?? 'data/demo'));

    const started = Date.now();
    const bar = progress('Demoregio maken', 11);
    const made = generateDemo({
      seed,
      scale,
      outDir: dir,
      ...(ijwStart === undefined ? {} : { ijwStart }),
      onProgress: (done, _total, label) => bar.update(done, label),
    });
    bar.done(`Demoregio gemaakt in ${dir} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
    process.stdout.write(describeFiles(made));
    if (values['alleen-genereren']) return 0;

    const db = dbPath(values.db as string | undefined);
    const store = await Store.open(db);
    try {
      const secret = loadOrCreateSecret(secretPath(db));
      let importBar: Progress | null = null;
      const importStart = Date.now();
      const reports = await importDemo(store, dir, secret, (p) => {
        if (p.filesTotal === 0) return;
        importBar ??= progress('Inlezen', p.filesTotal);
        importBar.update(p.filesDone, `${n(p.records)} records`);
      });
      (importBar as Progress | null)?.done(`Ingelezen in ${db} (${((Date.now() - importStart) / 1000).toFixed(1)} s)`);
      const refused = reports.filter((r) => r.status === 'geweigerd');
      const quarantined = reports.reduce((t, r) => t + r.quarantined, 0);
      const skipped = reports.filter((r) => r.status === 'overgeslagen').length;
      process.stdout.write(
        `Bestanden: ${n(reports.length - skipped - refused.length)} ingelezen, ${n(skipped)} al eerder ingelezen, ${n(refused.length)} geweigerd; ` +
          `${n(reports.reduce((t, r) => t + r.ok, 0))} records opgeslagen, ${n(quarantined)} in quarantaine.\n`,
      );
      for (const r of refused.slice(0, 5)) process.stdout.write(`  GEWEIGERD ${r.fileName}: ${r.note}\n`);
      process.stdout.write('\nJeugdhulp in natura per jaar (hele regio, naar periode van de zorg):\n');
      for (const y of await yearFigures(store, null)) {
        process.stdout.write(
          `  ${y.year}: ${n(y.clients).padStart(7)} jeugdigen, ${eur(y.cost).padStart(14)}, € ${n(y.costPerClient)} per jeugdige\n`,
        );
      }
      process.stdout.write(`\nKlaar. Bekijk de stand met 'roer status'.\n`);
      return refused.length > 0 || quarantined > 0 ? 1 : 0;
    } finally {
      store.close();
    }
  },
};

/** Parses --ijw-vanaf: undefined when absent, null when invalid. */
function parseDay(value: string | undefined): Day | null | undefined {
  if (value === undefined) return undefined;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m || value < '2015-01-01' || value > '2025-01-01') return null;
  return day(Number(m[1]), Number(m[2]), Number(m[3]));
}

function describeFiles(s: DemoSummary): string {
  const xml = Object.entries(s.ijw.files)
    .map(([code, k]) => `${code} ${n(k)}`)
    .join(', ');
  return (
    `  ${s.municipalities} gemeenten, ${s.providers} aanbieders, ${n(s.clients)} cliënten\n` +
    `  CSV-exports: ${s.csvFiles} bestanden met ${n(s.allocations.csv)} toewijzingen en ${n(s.invoiceLines.csv)} declaratieregels\n` +
    `  iJw-berichten: ${xml}; ${n(s.allocations.xml)} toewijzingen en ${n(s.invoiceLines.xml)} declaratieregels\n`
  );
}

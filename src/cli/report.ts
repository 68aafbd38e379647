// `roer report`: writes the council report of a municipality (or the whole region) for a year as PDF or HTML, computed
// directly on the store (no login: whoever holds the database file sees everything already).
import { existsSync, writeFileSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import { dimensions } from '../api/dimensions.ts';
import { metricsEngine } from '../api/engine.ts';
import { ChromiumMissingError } from '../chromium.ts';
import { RoerError } from '../errors.ts';
import { buildReport, fullRequest } from '../report/build.ts';
import { renderHtml } from '../report/html.ts';
import type { ReportRequest } from '../report/model.ts';
import { renderPdf } from '../report/pdf.ts';
import { storeSource } from '../report/source.ts';
import { Store, dbPath, sql } from '../store/index.ts';
import type { Command } from './command.ts';

/** The formats, by the extension of --out. */
const FORMATS = { '.pdf': 'pdf', '.html': 'html', '.htm': 'html' } as const;
type Format = (typeof FORMATS)[keyof typeof FORMATS];

export const reportCommand: Command = {
  name: 'report',
  summary: 'schrijf het raadsrapport jeugdhulp van een gemeente of de regio (PDF of HTML)',
  usage: `Gebruik: roer report --jaar <jaar> --out <rapport.pdf|rapport.html> [--gemeente <code>] [--vergelijk <jaar>]
                   [--tot <jjjj-mm-dd>] [--db <bestand>]

Schrijft het rapport voor de raad: samenvatting met kernboodschappen, kosten en cliënten over de jaren,
de verklaring van de verandering, zorgsoorten, verwijzers, aanbieders, in- en uitstroom, begroting,
declaraties, notities, kanttekeningen en een verantwoording van elk cijfer. Hetzelfde rapport over
dezelfde gegevens geeft dezelfde inhoud. Het formaat volgt uit de extensie van --out.

Opties:
  --gemeente <code>   CBS-code van de gemeente (bijv. 1708); zonder deze optie de hele regio
  --jaar <jaar>       het rapportjaar
  --vergelijk <jaar>  het jaar om mee te vergelijken (standaard het jaar ervoor)
  --tot <datum>       laatste dag van de gegevens (standaard 31 december van het rapportjaar)
  --out <bestand>     waar het rapport komt: .pdf of .html
  --db <bestand>      de database (standaard ./data/roer.duckdb, of $ROER_DB)

Terwijl 'roer serve' of 'roer start' draait, is de database in gebruik: maak het rapport dan
in het dashboard (knop "Rapport") of stop de server eerst.`,
  options: {
    gemeente: { type: 'string' },
    jaar: { type: 'string' },
    vergelijk: { type: 'string' },
    tot: { type: 'string' },
    out: { type: 'string' },
  },
  async run(values) {
    const out = values.out as string | undefined;
    if (!out) throw new RoerError('Geef met --out op waar het rapport komt (rapport.pdf of rapport.html).');
    const format = formatOf(out);
    const request: ReportRequest = {
      municipality: (values.gemeente as string | undefined) ?? null,
      year: year(values.jaar, '--jaar', true)!,
      ...(values.vergelijk !== undefined ? { compare: year(values.vergelijk, '--vergelijk', false) } : {}),
      ...(values.tot !== undefined ? { through: String(values.tot) } : {}),
    };
    fullRequest(request); // the same checks as the API, before the database is opened
    const path = dbPath(values.db as string | undefined);
    if (!existsSync(path))
      throw new RoerError(`Er is nog geen database op ${path}.`, "Lees eerst gegevens in met 'roer import' of 'roer demo'.");
    const started = performance.now();
    const store = await Store.open(path);
    let bytes: string | Uint8Array;
    let title: string;
    try {
      await checkData(store, request.municipality, request.year);
      const report = await buildReport(storeSource(store, metricsEngine), request, new Date());
      const html = renderHtml(report, { lookups: await dimensions(store) });
      bytes = format === 'pdf' ? await printed(html, report) : html;
      title = report.title;
    } finally {
      store.close();
    }
    writeFileSync(out, bytes);
    const seconds = ((performance.now() - started) / 1000).toLocaleString('nl-NL', {
      minimumFractionDigits: 1,
      maximumFractionDigits: 1,
    });
    process.stdout.write(`${title} geschreven naar ${resolve(out)} (${format.toUpperCase()}, in ${seconds} s).\n`);
    return 0;
  },
};

/** The format --out asks for by its extension. */
function formatOf(out: string): Format {
  const format = FORMATS[extname(out).toLowerCase() as keyof typeof FORMATS];
  if (!format)
    throw new RoerError(`Het rapport kan alleen als PDF of HTML: geef --out een naam op .pdf of .html, niet '${out}'.`);
  return format;
}

function year(value: unknown, flag: string, required: boolean): number | undefined {
  if (value === undefined) {
    if (required) throw new RoerError(`Geef met ${flag} het rapportjaar op, bijv. ${flag} 2018.`);
    return undefined;
  }
  const text = String(value);
  if (!/^\d{4}$/.test(text)) throw new RoerError(`${flag} moet een jaartal zijn (bijv. 2018), niet '${text}'.`);
  return Number(text);
}

/** Refuses, in Dutch, a municipality code the store does not know and a year without care data for the place. */
async function checkData(store: Store, municipality: string | null, year: number): Promise<void> {
  let place = 'de regio';
  if (municipality !== null) {
    const known = await store.one<{ name: string }>(sql`SELECT name FROM municipality WHERE code = ${municipality}`);
    if (!known)
      throw new RoerError(
        `Gemeentecode '${municipality}' is onbekend.`,
        'Gebruik de CBS-code van de gemeente (vier cijfers, bijv. 1708), of laat --gemeente weg voor de hele regio.',
      );
    place = known.name;
  }
  const scope = municipality === null ? sql`true` : sql`municipality = ${municipality}`;
  const found = await store.one<{ n: number }>(
    sql`SELECT (EXISTS (SELECT 1 FROM invoice_line WHERE ${scope} AND year(period_start) = ${year})
             OR EXISTS (SELECT 1 FROM pgb_cost WHERE ${scope} AND year(period_start) = ${year}))::INTEGER AS n`,
  );
  if (!found?.n) {
    throw new RoerError(
      `Er zijn geen gegevens over ${year} voor ${place}: er is in dat jaar geen zorg gedeclareerd.`,
      "Kies een ander jaar; 'roer status' toont wat er in de database staat.",
    );
  }
}

/** The PDF, with a missing chromium told as a user error (it names the Debian package to install). */
async function printed(html: string, report: Parameters<typeof renderPdf>[1]): Promise<Uint8Array> {
  try {
    return await renderPdf(html, report);
  } catch (e) {
    if (e instanceof ChromiumMissingError) throw new RoerError(e.message);
    throw e;
  }
}

// Benchmark: end-to-end CSV import of invoice lines (scan, read_csv, typing, pseudonyms, upsert) into an in-memory store.
// Run: npx tsx bench/csv-throughput.ts [lines=1000000]. Prints lines/s; the target is ≥ 500,000 lines/s.
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Store } from '../src/store/index.ts';
import { importTabular } from '../src/ingest/tabular/index.ts';
import { parseMapping } from '../src/ingest/tabular/mapping.ts';

const lines = Number(process.argv[2] ?? 1_000_000);
const dir = mkdtempSync(join(tmpdir(), 'roer-bench-'));
const path = join(dir, 'declaraties-bench.csv');

/** A valid BSN from a seed: 8 digits, then the check digit that satisfies the 11-proof (skipping seeds that need 10). */
function bsn(seed: number): string {
  for (let s = seed; ; s += 7919) {
    const d = String(10000000 + (s % 89999999)).padStart(8, '0');
    let sum = 0;
    for (let i = 0; i < 8; i++) sum += (9 - i) * Number(d[i]);
    const check = sum % 11;
    if (check < 10) return d + String(check);
  }
}

async function generate(): Promise<void> {
  const out = createWriteStream(path);
  const clients = Array.from({ length: 20_000 }, (_, i) => bsn(i * 104729 + 13));
  out.write('Aanbieder;Referentie;Gemeente;BSN;Toewijzing;Product;Categorie;Begindatum;Einddatum;Volume;Eenheid;Tarief;Bedrag;DebetCredit;Factuurnummer;Factuurdatum\n');
  let buf = '';
  for (let i = 0; i < lines; i++) {
    const agb = String(12000000 + (i % 150));
    const m = 1 + (i % 12);
    const day = String(m).padStart(2, '0');
    const vol = 1 + (i % 40);
    const euros = vol * 95;
    buf += `${agb};REF${i};${['0150', '0148', '0160'][i % 3]};${clients[(i * 31) % clients.length]};TW${i % 50000};45A0${i % 9};45;01-${day}-2019;28-${day}-2019;${vol};04;95,00;€ ${euros.toLocaleString('nl-NL')},00;${i % 50 === 0 ? 'C' : 'D'};F${i >> 6};05-${day}-2019\n`;
    if (buf.length > 1 << 20) { if (!out.write(buf)) await once(out, 'drain'); buf = ''; }
  }
  out.end(buf);
  await once(out, 'finish');
}

const mapping = parseMapping({
  source: 'bench',
  tables: [{
    kind: 'invoice_lines', files: 'declaraties*.csv', dateFormat: 'dd-mm-jjjj', decimal: ',',
    columns: {
      provider_agb: 'Aanbieder', reference: 'Referentie', municipality: 'Gemeente', bsn: 'BSN', allocation_no: 'Toewijzing',
      product_code: 'Product', product_category: 'Categorie', period_start: 'Begindatum', period_end: 'Einddatum', volume: 'Volume',
      unit: 'Eenheid', tariff: 'Tarief', amount: 'Bedrag', debit_credit: 'DebetCredit', invoice_no: 'Factuurnummer', invoice_date: 'Factuurdatum',
    },
  }],
});

await generate();
const mb = statSync(path).size / 1e6;
const store = await Store.open(':memory:');
const quarantined: unknown[] = [];
const t0 = performance.now();
const outcome = await store.transaction(() => importTabular({
  store, secret: Buffer.alloc(32, 1), fileId: 'bench', path, fileName: 'declaraties-bench.csv',
  quarantine: (p) => { quarantined.push(p); },
}, mapping));
const seconds = (performance.now() - t0) / 1000;
console.log(`CSV-import: ${lines.toLocaleString('nl-NL')} declaratieregels (${mb.toFixed(0)} MB) in ${seconds.toFixed(2)} s`);
console.log(`  ${Math.round(lines / seconds).toLocaleString('nl-NL')} regels/s; opgeslagen ${outcome.ok}, quarantaine ${quarantined.length}`);
console.log(`  piekgeheugen (RSS) ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
store.close();
rmSync(dir, { recursive: true, force: true });

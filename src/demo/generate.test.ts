// The generated files: byte-identical for the same seed, CSVs that read back through DuckDB with the mapping's
// columns and Dutch formats, and iJw messages that validate against their XSDs.
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateXML } from 'xmllint-wasm';
import { isValidBsn } from '../ingest/pseudonym.ts';
import { xsdDir } from '../reference.ts';
import { sql, Store } from '../store/index.ts';
import { TABLES } from './csv/tables.ts';
import { generateDemo, type DemoSummary } from './generate.ts';
import { YEARS } from './region.ts';

const XSD_DIR = xsdDir();
const SCALE = 0.01;

function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true })
    .map(String)
    .filter((f) => statSync(join(dir, f)).isFile())
    .sort();
}

function digest(dir: string): Map<string, string> {
  return new Map(
    files(dir).map((f) => [
      f,
      createHash('sha256')
        .update(readFileSync(join(dir, f)))
        .digest('hex'),
    ]),
  );
}

let dirA: string;
let dirB: string;
let summary: DemoSummary;

beforeAll(() => {
  dirA = mkdtempSync(join(tmpdir(), 'roer-demo-a-'));
  dirB = mkdtempSync(join(tmpdir(), 'roer-demo-b-'));
  summary = generateDemo({ seed: 7, scale: SCALE, outDir: dirA });
  generateDemo({ seed: 7, scale: SCALE, outDir: dirB });
});

afterAll(() => {
  rmSync(dirA, { recursive: true, force: true });
  rmSync(dirB, { recursive: true, force: true });
});

describe('generateDemo', () => {
  it('writes byte-identical files for the same seed and scale', () => {
    const a = digest(dirA);
    expect(a.size).toBeGreaterThan(100);
    expect(digest(dirB)).toEqual(a);
  });

  it('writes something else for another seed', () => {
    const other = mkdtempSync(join(tmpdir(), 'roer-demo-c-'));
    try {
      generateDemo({ seed: 8, scale: SCALE, outDir: other });
      expect(readFileSync(join(other, 'declaraties_2018.csv'))).not.toEqual(readFileSync(join(dirA, 'declaraties_2018.csv')));
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });

  it('writes 2015–2020 as CSV exports and 2021–2024 as iJw messages, with one mapping', () => {
    const names = readdirSync(dirA).sort();
    expect(names).toEqual([
      'aanbieders.csv',
      'bevolking.csv',
      'budgetten.csv',
      'cbs',
      'clienten.csv',
      'context',
      ...[2015, 2016, 2017, 2018, 2019, 2020].map((y) => `declaraties_${y}.csv`),
      'ijw',
      'kostenregels.csv',
      'mapping.json',
      'pgb_svb.csv',
      'producten.csv',
      ...[2015, 2016, 2017, 2018, 2019, 2020].map((y) => `toewijzingen_${y}.csv`),
      'verwijzers.csv',
    ]);
    for (const code of ['JW301', 'JW305', 'JW307', 'JW315', 'JW323', 'JW325'] as const)
      expect(summary.ijw.files[code]).toBeGreaterThan(0);
    expect(summary.providers).toBe(150);
  });

  it('re-running replaces the earlier output instead of adding to it', () => {
    const before = files(dirB).length;
    generateDemo({ seed: 7, scale: SCALE, outDir: dirB });
    expect(files(dirB).length).toBe(before);
  });
});

describe('CSV exports', () => {
  it('have exactly the columns the mapping names, and DuckDB reads every row with Dutch dates and decimals', async () => {
    const mapping = JSON.parse(readFileSync(join(dirA, 'mapping.json'), 'utf8')) as {
      tables: { kind: string; files: string; columns: Record<string, string>; tariffColumns?: string }[];
    };
    expect(mapping.tables.map((t) => t.kind)).toEqual(TABLES.map((t) => t.kind));
    const store = await Store.open(':memory:');
    try {
      let invoiceRows = 0;
      let allocationRows = 0;
      for (const spec of mapping.tables) {
        const pattern = new RegExp(`^${spec.files.replace('.', '\\.').replace('*', '\\d{4}')}$`);
        const matched = readdirSync(dirA).filter((n) => pattern.test(n));
        expect(matched.length, spec.files).toBeGreaterThan(0);
        for (const name of matched) {
          const path = join(dirA, name);
          const header = readFileSync(path, 'utf8').split('\r\n')[0].replace('\uFEFF', '').split(';');
          // The product list is wide: after its columns one tariff column per demo year, each fitting tariffColumns.
          const wide = spec.tariffColumns === undefined ? [] : YEARS.map((y) => `Tarief ${y}`);
          expect(header, name).toEqual([...Object.values(spec.columns), ...wide]);
          expect(wide.every((h) => new RegExp(`^(?:${spec.tariffColumns})$`).test(h))).toBe(true);
          const rows = await store.all<{ n: number }>(
            sql`SELECT count(*)::INTEGER AS n FROM read_csv(${path}, delim=';', header=true, decimal_separator=',', dateformat='%d-%m-%Y', all_varchar=false)`,
          );
          const lines = readFileSync(path, 'utf8').split('\r\n').filter(Boolean).length - 1;
          expect(rows[0].n, name).toBe(lines);
          if (spec.kind === 'invoice_lines') invoiceRows += lines;
          if (spec.kind === 'allocations') allocationRows += lines;
        }
      }
      expect(invoiceRows).toBe(summary.invoiceLines.csv);
      expect(allocationRows).toBe(summary.allocations.csv);
      const typed = await store.all<{ d: string; amount: number }>(
        sql`SELECT "Begindatum"::DATE::VARCHAR AS d, "Bedrag"::DOUBLE AS amount FROM read_csv(${join(dirA, 'declaraties_2018.csv')}, delim=';', header=true, decimal_separator=',', dateformat='%d-%m-%Y') LIMIT 1`,
      );
      expect(typed[0].d.startsWith('2018-')).toBe(true);
      expect(typed[0].amount).toBeGreaterThan(0);
    } finally {
      store.close();
    }
  });

  it('show credit lines as negative amounts that point at an earlier reference', () => {
    const text =
      readFileSync(join(dirA, `declaraties_2019.csv`), 'utf8') + readFileSync(join(dirA, `declaraties_2020.csv`), 'utf8');
    const credits = text.split('\r\n').filter((l) => l.endsWith(';C'));
    expect(credits.length).toBeGreaterThan(0);
    for (const c of credits) {
      const [, , previous, , , , , , , , , , , , , amount] = c.split(';');
      expect(previous).toMatch(/^R\d{12}$/);
      expect(amount.startsWith('-')).toBe(true);
    }
  });
});

describe('iJw messages', () => {
  const base = () => ({ fileName: 'basisschema.xsd', contents: readFileSync(join(XSD_DIR, 'basisschema.xsd'), 'utf8') });

  for (const code of ['JW301', 'JW305', 'JW307', 'JW315', 'JW323', 'JW325']) {
    it(`${code}: every message validates against ${code}.xsd`, async () => {
      const paths = files(join(dirA, 'ijw')).filter((f) => f.includes(`/${code}/`));
      expect(paths.length).toBeGreaterThan(0);
      for (let i = 0; i < paths.length; i += 400) {
        const batch = paths.slice(i, i + 400);
        const result = await validateXML({
          xml: batch.map((f) => ({
            fileName: relative('.', f).replace(/[^\w.]/g, '_'),
            contents: readFileSync(join(dirA, 'ijw', f), 'utf8'),
          })),
          schema: { fileName: `${code}.xsd`, contents: readFileSync(join(XSD_DIR, `${code}.xsd`), 'utf8') },
          preload: [base()],
          maxMemoryPages: 16384,
        });
        expect(result.errors.map((e) => e.rawMessage).slice(0, 3)).toEqual([]);
        expect(result.valid).toBe(true);
      }
    });
  }

  it('contain no names beyond the placeholder and only BSNs that pass the 11-proof', () => {
    const sample = files(join(dirA, 'ijw'))
      .filter((f) => f.includes('/JW301/'))
      .slice(0, 50)
      .map((f) => readFileSync(join(dirA, 'ijw', f), 'utf8'));
    for (const xml of sample) {
      expect([...xml.matchAll(/<ijw:Achternaam>([^<]*)</g)].map((m) => m[1])).toEqual(['Demo']);
      expect(xml).not.toMatch(/Voornamen|Straatnaam|Telefoon/);
      for (const [, bsn] of xml.matchAll(/<jw301:Bsn>([^<]*)</g)) expect(isValidBsn(bsn)).toBe(true);
    }
  });
});

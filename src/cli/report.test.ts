// `roer report` on a small store: writes the HTML or the PDF the --out extension asks for and says where, names a GP
// practice by the AGB list's name, and refuses in Dutch a wrong extension, an unknown municipality, a year without data
// and a database held by another process.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { derive } from '../metrics/fixtures.ts';
import { literal, sql } from '../store/index.ts';
import { tinyRegion } from '../../test/web/region.ts';
import { roer } from './testing.ts';

let dir: string;
let db: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'roer-report-cli-'));
  db = join(dir, 'roer.duckdb');
  const region = await tinyRegion();
  // The GP practice as an iJw message gives it: its AGB code only; its name comes from the imported AGB list.
  await region.run(sql`UPDATE referrer SET agb = '01598930', name = NULL WHERE referrer_id = '02:01000001'`);
  await region.run(
    sql`INSERT INTO referrer_agb (agb, name, type, place) VALUES ('01598930', 'Huisartsenpraktijk De Linde', '02', 'Steenwijk')`,
  );
  // Its care costs twenty times as much in 2018: the referrer whose cost moved most, so a key message names it.
  await region.run(sql`UPDATE invoice_line SET amount_cents = amount_cents * 20 WHERE year(period_start) = 2018
    AND (municipality, allocation_no) IN (SELECT municipality, allocation_no FROM allocation WHERE referrer_id = '02:01000001')`);
  await derive(region);
  // The CLI reads a file: the in-memory region copied into one.
  await region.run(sql`ATTACH ${literal(db)} AS target`);
  await region.run(sql`COPY FROM DATABASE memory TO target`);
  await region.run(sql`DETACH target`);
  region.close();
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('roer report', () => {
  it('writes the HTML report of a municipality and says where, and how long it took', async () => {
    const out = join(dir, 'rapport.html');
    const r = await roer('report', '--gemeente', '1708', '--jaar', '2018', '--out', out, '--db', db);
    expect(r).toMatchObject({ code: 0, err: '' });
    expect(r.out).toMatch(/^Jeugdhulp in Steenwijkerland 2018 geschreven naar .*rapport\.html \(HTML, in \d+,\d s\)\.\n$/);
    const html = readFileSync(out, 'utf8');
    expect(html).toContain('<title>Jeugdhulp in Steenwijkerland 2018</title>');
    expect(html).toContain('2018, vergeleken met 2017');
  });

  it('writes the whole region without --gemeente, compared with the year asked', async () => {
    const out = join(dir, 'regio.html');
    const r = await roer('report', '--jaar', '2018', '--vergelijk', '2016', '--out', out, '--db', db);
    expect(r.code).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(html).toContain('<title>Jeugdhulp in Regio IJsselland 2018</title>');
    expect(html).toContain('2018, vergeleken met 2016');
  });

  it('names the GP practice by its name in the AGB list, as the dashboard does, never by its code', async () => {
    const out = join(dir, 'namen.html');
    expect((await roer('report', '--jaar', '2018', '--out', out, '--db', db)).code).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(html).toContain('Huisartsenpraktijk De Linde (huisarts)');
    expect(html).not.toContain('AGB 01598930');
    expect(html).toMatch(/Bij verwijzer Huisartsenpraktijk De Linde \(huisarts\) stegen de kosten het meest: /);
  });

  it('writes a PDF for an --out ending in .pdf', async () => {
    const out = join(dir, 'rapport.pdf');
    const r = await roer('report', '--gemeente', '1708', '--jaar', '2018', '--out', out, '--db', db);
    expect(r.code).toBe(0);
    expect(r.out).toContain('(PDF, in ');
    expect(readFileSync(out).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  }, 60_000);

  it('refuses, in Dutch, an --out that is neither .pdf nor .html', async () => {
    const out = join(dir, 'rapport.docx');
    expect(await roer('report', '--jaar', '2018', '--out', out, '--db', db)).toEqual({
      code: 1,
      out: '',
      err: `Fout: Het rapport kan alleen als PDF of HTML: geef --out een naam op .pdf of .html, niet '${out}'.\n`,
    });
    expect(existsSync(out)).toBe(false);
  });

  it('refuses, in Dutch, an unknown municipality code', async () => {
    const r = await roer('report', '--gemeente', '9999', '--jaar', '2018', '--out', join(dir, 'x.html'), '--db', db);
    expect(r.code).toBe(1);
    expect(r.err).toBe(
      "Fout: Gemeentecode '9999' is onbekend.\n" +
        'Gebruik de CBS-code van de gemeente (vier cijfers, bijv. 1708), of laat --gemeente weg voor de hele regio.\n',
    );
  });

  it('refuses, in Dutch, a year without data', async () => {
    const r = await roer('report', '--gemeente', '1708', '--jaar', '2012', '--out', join(dir, 'x.html'), '--db', db);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(
      /^Fout: Er zijn geen gegevens over 2012 voor Steenwijkerland: er is in dat jaar geen zorg gedeclareerd\.\n/,
    );
  });

  it('refuses, in Dutch, a missing --jaar, a comparison year after the year and a date outside it', async () => {
    const out = join(dir, 'x.html');
    expect((await roer('report', '--out', out, '--db', db)).err).toBe(
      'Fout: Geef met --jaar het rapportjaar op, bijv. --jaar 2018.\n',
    );
    expect((await roer('report', '--jaar', '2018', '--vergelijk', '2019', '--out', out, '--db', db)).err).toBe(
      'Fout: Het vergelijkingsjaar (2019) moet vóór het rapportjaar (2018) liggen.\n',
    );
    expect((await roer('report', '--jaar', '2018', '--tot', '2019-03-01', '--out', out, '--db', db)).err).toBe(
      'Fout: De einddatum (2019-03-01) moet een datum in 2018 zijn (jjjj-mm-dd).\n',
    );
  });

  it('refuses, in Dutch, a database that a running server holds', async () => {
    // Another process holds the file as `roer serve` would: DuckDB allows one process per file.
    const holder = spawn(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `import { DuckDBInstance } from '@duckdb/node-api';
         const i = await DuckDBInstance.create(${JSON.stringify(db)}); await i.connect();
         process.stdout.write('open\\n'); setInterval(() => {}, 1000);`,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    try {
      await new Promise<void>((resolve, reject) => {
        holder.stdout.on('data', (d) => String(d).includes('open') && resolve());
        holder.on('exit', (code) => reject(new Error(`holder exited ${code}`)));
      });
      const r = await roer('report', '--jaar', '2018', '--out', join(dir, 'x.html'), '--db', db);
      expect(r.code).toBe(1);
      expect(r.err).toMatch(/^Fout: De database .*roer\.duckdb is in gebruik door een ander Roer-proces/);
    } finally {
      holder.kill();
    }
  });
});

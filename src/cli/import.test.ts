// `roer import` end to end in-process: what it prints per file and its exit codes (0 read, 1 refused, 2 usage).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from './main.ts';
import { IJW_EXAMPLES } from '../../test/fixtures/index.ts';

async function roer(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((s) => {
    out += String(s);
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation((s) => {
    err += String(s);
    return true;
  });
  const code = await main(args);
  vi.restoreAllMocks();
  return { code, out, err };
}
afterEach(() => vi.restoreAllMocks());

describe('roer import', () => {
  it('reads the example messages, lists the quarantined records and the refused messages with their lines', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'roer-cli-'));
    const db = join(dir, 'roer.duckdb');
    const r = await roer('import', '--db', db, IJW_EXAMPLES);
    // JW315.xml and JW318.xml fail their XSD: refused, so the exit code is 1.
    expect(r.code).toBe(1);
    expect(r.out).toContain(
      'JW323.xml: JW323 (declaratie): 5 gelezen, 4 opgeslagen, 1 in quarantaine\n    JW323.xml: regel 114, veld ReferentieNummer: ReferentieNummer RN004 komt in dit bericht al eerder voor\n',
    );
    expect(r.out).toContain('JW302.xml: JW302 (retourbericht toewijzing) wordt door Roer niet gebruikt; alleen gecontroleerd\n');
    const refusal =
      'Het bericht voldoet niet aan het XSD-schema en is in zijn geheel geweigerd (iJw-retourcode 0001, afgekeurd om technische ' +
      "redenen): regel 44, veld ToewijzingEinddatum: '2027-06-31' is geen geldige waarde voor een datum (en nog 1 fout). Niets uit dit " +
      'bestand is opgeslagen; lees het verbeterde bericht opnieuw in.';
    expect(r.out).toContain(
      `JW315.xml: GEWEIGERD — ${refusal}\n` +
        "    JW315.xml: regel 44, veld ToewijzingEinddatum: '2027-06-31' is geen geldige waarde voor een datum\n" +
        "    JW315.xml: regel 66, veld ToewijzingEinddatum: '2027-06-31' is geen geldige waarde voor een datum\n",
    );
    expect(r.out).toContain(
      'Samenvatting: 14 bestand(en): 12 ingelezen, 0 overgeslagen, 2 geweigerd; 14 records gelezen, 13 opgeslagen, 1 in quarantaine.',
    );

    // `roer status` shows the refusals until a file of the same name is read.
    const status = await roer('status', '--db', db);
    expect(status.out).toMatch(
      new RegExp(
        `\nGeweigerde bestanden: 2 \\(er is niets uit opgeslagen\\)\n  [\\d: -]{16}  JW315\\.xml: ${refusal.replace(/[.()]/g, '\\$&')}\n`,
      ),
    );
    const fixedDir = mkdtempSync(join(tmpdir(), 'roer-cli-fixed-'));
    writeFileSync(
      join(fixedDir, 'JW315.xml'),
      readFileSync(join(IJW_EXAMPLES, 'JW315.xml'), 'utf8').replaceAll('2027-06-31', '2027-06-30'),
    );
    expect((await roer('import', '--db', db, fixedDir)).out).toContain(
      'JW315.xml: JW315 (verzoek om toewijzing): 2 gelezen, 2 opgeslagen, 0 in quarantaine\n',
    );
    const after = await roer('status', '--db', db);
    expect(after.out).toContain('\nGeweigerde bestanden: 1 (er is niets uit opgeslagen)\n');
    expect(after.out).not.toContain('JW315.xml:');

    writeFileSync(
      join(dir, 'kapot.xml'),
      '<?xml version="1.0"?><!DOCTYPE a [<!ENTITY b SYSTEM "file:///etc/passwd">]><a>&b;</a>',
    );
    const refused = await roer('import', '--db', db, join(dir, 'kapot.xml'), join(IJW_EXAMPLES, 'JW301.xml'));
    expect(refused.code).toBe(1);
    expect(refused.out).toContain('kapot.xml: GEWEIGERD — Het bestand bevat een DOCTYPE-declaratie');
    expect(refused.out).toContain('JW301.xml: overgeslagen (al eerder ingelezen)');
  });

  it('exits 2 on a usage error', async () => {
    expect((await roer('import')).code).toBe(2);
    expect((await roer('import', '/bestaat/niet')).err).toBe('Niet gevonden: /bestaat/niet\n');
    expect((await roer('import', '--onzin', 'x')).code).toBe(2);
  });

  it('has Dutch help', async () => {
    const r = await roer('import', '--help');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Gebruik: roer import \[--mapping <json>\] \[--db <bestand>\] <bestand\|map>…/);
  });
});

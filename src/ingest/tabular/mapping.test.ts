// The mapping file: defaults, validation errors in Dutch with their JSON path, and matching files to table specs.
import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { tempFile } from '../../../test/ingest/tabular/harness.ts';
import { RoerError } from '../../errors.ts';
import { DEFAULT_MAX_FILE_BYTES, globToRegExp, loadMapping, matchTable, parseMapping } from './mapping.ts';

const budgets = { kind: 'budgets', files: 'budget*.csv', columns: { year: 'Jaar', municipality: 'Gemeente', amount: 'Bedrag' } };
const messageOf = (fn: () => unknown): string => {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(RoerError);
    return (e as Error).message;
  }
  throw new Error('no error');
};

describe('parseMapping', () => {
  it('fills the defaults of the contract', () => {
    expect(parseMapping({ source: 'X', tables: [budgets] })).toEqual({
      source: 'X',
      tables: [
        {
          kind: 'budgets',
          files: 'budget*.csv',
          delimiter: ';',
          encoding: 'utf-8',
          dateFormat: 'auto',
          decimal: 'auto',
          amounts: 'euros',
          columns: { year: 'Jaar', municipality: 'Gemeente', amount: 'Bedrag' },
          constants: {},
          values: {},
          maxFileBytes: DEFAULT_MAX_FILE_BYTES,
        },
      ],
    });
  });

  it('lists every problem with its JSON path', () => {
    const msg = messageOf(() =>
      parseMapping(
        {
          source: 'X',
          tables: [
            budgets,
            {
              kind: 'budgets',
              files: 'b.csv',
              columns: { year: 'Jaar', municipality: 'Gemeente', amount: 'Bedrag', bsn: 'BSN' },
              foo: 1,
            },
            { kind: 'allocations', files: 't.csv', columns: { municipality: 'Gemeente' }, delimiter: ';;', encoding: 'utf-16' },
            { kind: 'facturen', files: 'f.csv', columns: {} },
          ],
        },
        'm.json',
      ),
    );
    expect(msg).toBe(
      [
        'De mapping m.json is ongeldig:',
        '  tables[1].foo: onbekende sleutel',
        '  tables[1].columns.bsn: onbekend veld voor soort "budgets"',
        '  tables[2].columns.allocation_no: verplicht veld ontbreekt (geef een kolom of een constante)',
        '  tables[2].columns.bsn: verplicht veld ontbreekt (geef een kolom of een constante)',
        '  tables[2].columns.provider_agb: verplicht veld ontbreekt (geef een kolom of een constante)',
        '  tables[2].columns.product_code: verplicht veld ontbreekt (geef een kolom of een constante)',
        '  tables[2].columns.start_date: verplicht veld ontbreekt (geef een kolom of een constante)',
        '  tables[2].delimiter: ongeldige waarde ";;" (verwacht één teken, bijv. ";")',
        '  tables[2].encoding: ongeldige waarde "utf-16" (verwacht utf-8 / windows-1252 / latin1)',
        '  tables[3].kind: onbekende soort "facturen" (kies uit products, providers, clients, allocations, invoice_lines, budgets, pgb_costs, cost_lines, population, referrers)',
      ].join('\n'),
    );
  });

  it('a constant stands in for a required column, but never for the BSN', () => {
    expect(
      parseMapping({ tables: [{ ...budgets, columns: { year: 'Jaar', amount: 'Bedrag' }, constants: { municipality: '0193' } }] })
        .tables[0]!.constants,
    ).toEqual({ municipality: '0193' });
    expect(
      messageOf(() =>
        parseMapping({
          tables: [{ kind: 'clients', files: 'c.csv', columns: { bsn: 'BSN' }, constants: { bsn: '123456782' } }],
        }),
      ),
    ).toContain('tables[0].constants.bsn: een BSN kan geen constante zijn');
  });

  it('loadMapping reports unreadable files and invalid JSON in Dutch', async () => {
    const path = tempFile('m.json', '{ "tables": [ }');
    await expect(loadMapping(path)).rejects.toThrow(/^Het mappingbestand m\.json is geen geldige JSON/);
    writeFileSync(path, JSON.stringify({ source: 'X', tables: [budgets] }));
    expect((await loadMapping(path)).tables[0]!.kind).toBe('budgets');
    await expect(loadMapping('/nonexistent/m.json')).rejects.toThrow(
      'Het mappingbestand /nonexistent/m.json kan niet worden gelezen.',
    );
  });
});

describe('matching files to table specs', () => {
  const mapping = parseMapping({ tables: [budgets, { ...budgets, files: 'begroting-20??.xlsx' }] });

  it('globs on the base name: * and ? only, case-insensitive, the whole name', () => {
    expect(matchTable(mapping, 'Budget-2019.CSV').files).toBe('budget*.csv');
    expect(matchTable(mapping, 'begroting-2024.xlsx').files).toBe('begroting-20??.xlsx');
    expect(globToRegExp('a.b(c)*').test('a.b(c)x')).toBe(true);
    expect(globToRegExp('a.b').test('axb')).toBe(false);
  });

  it('no match: an error naming the file and the patterns', () => {
    expect(messageOf(() => matchTable(mapping, 'begroting-2024.csv'))).toBe(
      'Geen tabel in de mapping past bij het bestand "begroting-2024.csv" (patronen: budget*.csv, begroting-20??.xlsx).',
    );
  });
});

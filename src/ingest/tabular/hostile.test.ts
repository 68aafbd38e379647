// Broken and hostile CSV input: every case is refused with a clear Dutch error or quarantined line by line.
import { describe, expect, it } from 'vitest';
import { importFile, openStore, tempFile } from '../../../test/ingest/tabular/harness.ts';
import { sql } from '../../store/index.ts';

const providers = (extra: Record<string, unknown> = {}) => ({
  source: 'T',
  tables: [{ kind: 'providers', files: '*.csv', columns: { provider_agb: 'AGB', provider_name: 'Naam' }, ...extra }],
});
const budgets = (extra: Record<string, unknown> = {}) => ({
  source: 'T',
  tables: [{ kind: 'budgets', files: '*.csv', columns: { year: 'Jaar', municipality: 'Gemeente', amount: 'Bedrag' }, ...extra }],
});
const run = async (name: string, content: string | Buffer, mapping: unknown) => {
  const store = await openStore();
  return { store, ...(await importFile(store, tempFile(name, content), mapping)) };
};
const refusal = async (name: string, content: string | Buffer, mapping: unknown) => {
  const store = await openStore();
  return importFile(store, tempFile(name, content), mapping).then(
    () => 'no error',
    (e: Error) => `${e.name}: ${e.message}`,
  );
};

describe('encodings', () => {
  it('windows-1252 is transcoded: é and the euro sign (byte 0x80) come out right', async () => {
    const { store } = await run(
      'a.csv',
      Buffer.from('AGB;Naam\n12345678;Zwartewaterland \xe9\n', 'latin1'),
      providers({ encoding: 'windows-1252' }),
    );
    expect(await store.all(sql`SELECT * FROM provider`)).toEqual([{ agb: '12345678', name: 'Zwartewaterland é' }]);
    const b = await run(
      'b.csv',
      Buffer.from('Jaar;Gemeente;Bedrag\n2019;0193;\x80 1.234,56\n', 'latin1'),
      budgets({ encoding: 'windows-1252' }),
    );
    expect(await b.store.all(sql`SELECT amount_cents FROM budget`)).toEqual([{ amount_cents: 123456 }]);
  });

  it('latin1 is read as ISO-8859-1', async () => {
    const { store } = await run(
      'a.csv',
      Buffer.from('AGB;Naam\n12345678;Zwartewaterland \xe9\n', 'latin1'),
      providers({ encoding: 'latin1' }),
    );
    expect(await store.all(sql`SELECT name FROM provider`)).toEqual([{ name: 'Zwartewaterland é' }]);
  });

  it('invalid UTF-8 in a file declared utf-8 is refused, naming the line', async () => {
    expect(
      await refusal('a.csv', Buffer.from('AGB;Naam\n12345678;Zorg\n12345679;Zwartewaterland \xe9\n', 'latin1'), providers()),
    ).toBe('RoerError: a.csv: regel 3 is geen geldige UTF-8-tekst; het bestand heeft een andere tekenset.');
    // A Latin-1 export declared UTF-8 whose first 'é' is on line 26, after 24 plain lines.
    const latin = [
      'AGB;Naam',
      ...Array.from({ length: 24 }, (_, i) => `${10000000 + i};Zorg ${i}`),
      '12345679;Zwartewaterland \xe9',
      '12345680;Caf\xe9',
    ];
    expect(await refusal('b.csv', Buffer.from(`${latin.join('\n')}\n`, 'latin1'), providers())).toBe(
      'RoerError: b.csv: regel 26 is geen geldige UTF-8-tekst; het bestand heeft een andere tekenset.',
    );
  });

  it('spaces around cells are trimmed; a cell of spaces is empty', async () => {
    const { store } = await run('a.csv', 'AGB;Naam\n 12345678 ;  Zorg BV  \n87654321;   \n', providers());
    expect(await store.all(sql`SELECT * FROM provider ORDER BY agb`)).toEqual([
      { agb: '12345678', name: 'Zorg BV' },
      { agb: '87654321', name: null },
    ]);
  });

  it('a UTF-8 byte-order mark is allowed', async () => {
    const { store } = await run('a.csv', '\uFEFFAGB;Naam\n12345678;Zorg é\n', providers());
    expect(await store.all(sql`SELECT * FROM provider`)).toEqual([{ agb: '12345678', name: 'Zorg é' }]);
  });
});

describe('broken files', () => {
  it('rows with too few or too many fields are quarantined by line; the other rows import', async () => {
    const { store, outcome, quarantined } = await run(
      'a.csv',
      'Jaar;Gemeente;Bedrag\n2019;0193;100\n2020;0193\n2021;0193;1;2\n2022;0193;300',
      budgets(),
    );
    expect(outcome).toEqual({ kind: 'budgets', total: 4, ok: 2, unchanged: 0 });
    expect(await store.all(sql`SELECT year, amount_cents FROM budget ORDER BY year`)).toEqual([
      { year: 2019, amount_cents: 10000 },
      { year: 2022, amount_cents: 30000 },
    ]);
    expect(quarantined).toEqual([
      {
        record: 3,
        field: null,
        reason: 'te weinig kolommen (2 van de 3); is de regel afgebroken?',
        raw: '{"Jaar":"2020","Gemeente":"0193","Bedrag":null}',
      },
      {
        record: 4,
        field: null,
        reason: 'te veel kolommen (4 in plaats van 3)',
        raw: '{"Jaar":"2021","Gemeente":"0193","Bedrag":"1"}',
      },
    ]);
  });

  it('line numbers stay physical lines across quoted line breaks, blank lines and CRLF', async () => {
    const csv = 'AGB;Naam\r\n12345678;"Zorg\r\nmet ""twee"" regels"\r\n\r\n1234567x;Fout\r\n87654321;Goed\r\n';
    const { store, quarantined } = await run(
      'a.csv',
      csv,
      providers({ columns: { provider_agb: 'AGB', provider_name: 'Naam' }, values: {} }),
    );
    expect(await store.all(sql`SELECT * FROM provider ORDER BY agb`)).toEqual([
      { agb: '12345678', name: 'Zorg\r\nmet "twee" regels' },
      { agb: '1234567x', name: 'Fout' },
      { agb: '87654321', name: 'Goed' },
    ]);
    const b = await run('b.csv', 'Jaar;Gemeente;Bedrag\n2019;"01\n93";1\n\n2019;0193;veel\n', budgets());
    expect(b.quarantined.map((q) => q.record)).toEqual([5]);
    expect(quarantined).toEqual([]);
  });

  it('refuses a file ending inside a quoted field, an empty file, a header without rows, an oversized file', async () => {
    expect(await refusal('a.csv', 'AGB;Naam\n12345678;"Zorg\n', providers())).toBe(
      'RoerError: a.csv: het bestand eindigt binnen een veld tussen aanhalingstekens (begonnen op regel 2); is het afgebroken?',
    );
    expect(await refusal('a.csv', '', providers())).toBe('RoerError: a.csv: het bestand is leeg.');
    expect(await refusal('a.csv', '\n\n', providers())).toBe('RoerError: a.csv: het bestand is leeg.');
    expect(await refusal('a.csv', 'AGB;Naam\n', providers())).toBe(
      'RoerError: a.csv: het bestand bevat alleen een kopregel, geen gegevens.',
    );
    expect(await refusal('a.csv', 'AGB;Naam\n12345678;Zorg\n', providers({ maxFileBytes: 10 }))).toBe(
      'RoerError: a.csv: het bestand is te groot (23 bytes; grens 10 bytes).',
    );
  });

  it('refuses a header that lacks mapped columns, listing them', async () => {
    expect(
      await refusal(
        'a.csv',
        'Jaar;Bedrag;Naam\n2019;1;x\n',
        budgets({ constants: {}, columns: { year: 'Jaar', municipality: 'Gemeente', amount: 'Bedrag', care_type: 'Zorgsoort' } }),
      ),
    ).toBe('RoerError: a.csv: de kopregel mist de kolommen "Gemeente" (municipality), "Zorgsoort" (care_type).');
  });

  it('refuses a zip (XLSX) file offered as CSV and the old .xls format', async () => {
    expect(await refusal('a.csv', Buffer.from('504b0304000000', 'hex'), providers())).toBe(
      'RoerError: a.csv: dit is geen CSV-bestand maar een zip/XLSX-bestand.',
    );
    expect(await refusal('a.xls', 'x', providers({ files: '*.xls' }))).toBe(
      'RoerError: a.xls: het oude Excel-formaat .xls wordt niet ondersteund.',
    );
  });
});

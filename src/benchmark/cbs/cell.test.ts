import { describe, expect, it } from 'vitest';
import { parseCell } from './cell.ts';

const missing = (raw: unknown) => {
  const r = parseCell(raw);
  return r.ok ? r.cell.missing : r.reason;
};

describe('a CBS cell', () => {
  it('keeps numbers of the typed JSON and of the space-padded CSV', () => {
    expect(parseCell(2165)).toEqual({ ok: true, cell: { value: 2165, missing: null } });
    expect(parseCell('      10.2')).toEqual({ ok: true, cell: { value: 10.2, missing: null } });
    expect(parseCell('0')).toEqual({ ok: true, cell: { value: 0, missing: null } });
    expect(parseCell('-12.5')).toEqual({ ok: true, cell: { value: -12.5, missing: null } });
    // A provisional figure with its footnote marker keeps its value.
    expect(parseCell('  2165*')).toEqual({ ok: true, cell: { value: 2165, missing: null } });
  });

  it('keeps suppressed, unknown and footnote-only cells missing with their reason, never zero', () => {
    expect(parseCell(null)).toEqual({ ok: true, cell: { value: null, missing: 'leeg' } });
    expect(missing('       .')).toBe('onbekend');
    expect(missing('         x')).toBe('geheim');
    expect(missing('..')).toBe('nog niet beschikbaar');
    expect(missing('-')).toBe('nihil');
    expect(missing('          ')).toBe('leeg');
    expect(missing('1)')).toBe('voetnoot');
    expect(missing('*')).toBe('voetnoot');
  });

  it('names what it cannot read', () => {
    expect(parseCell('n/a')).toEqual({ ok: false, reason: "'n/a' is geen getal en geen CBS-teken (., x, .., -)" });
    expect(parseCell('1.234,5')).toMatchObject({ ok: false });
    expect(parseCell(true)).toEqual({ ok: false, reason: 'true is geen getal en geen CBS-teken' });
  });
});

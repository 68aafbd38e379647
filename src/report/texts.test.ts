// Specification of the stored introduction and conclusions: per place and year, replaced on a new save, blank as not
// written, bounded in length, and every save audited with its author.
import { describe, expect, it } from 'vitest';
import { sql, Store } from '../store/index.ts';
import { readReportText, REPORT_TEXT_MAX_LENGTH, saveReportText } from './texts.ts';

const piet = { name: 'piet', role: 'analyst' as const };
const AT = new Date('2026-12-06T10:00:00Z');

describe('report texts', () => {
  it('are stored per municipality or the region and year, the last save winning', async () => {
    const store = await Store.open(':memory:');
    await saveReportText(store, piet, { municipality: '1708', year: 2018, introduction: 'Eerste.', conclusions: null }, AT);
    const saved = await saveReportText(
      store,
      piet,
      { municipality: '1708', year: 2018, introduction: 'Tweede.\r\nregel', conclusions: '  ' },
      AT,
    );
    await saveReportText(store, piet, { municipality: null, year: 2018, introduction: 'Regio.', conclusions: 'Slot.' }, AT);
    expect(saved).toEqual({
      municipality: '1708',
      year: 2018,
      introduction: 'Tweede.\nregel',
      conclusions: null,
      author: 'piet',
      saved_at: '2026-12-06T10:00:00',
    });
    expect((await readReportText(store, null, 2018))?.conclusions).toBe('Slot.');
    expect(await readReportText(store, '1708', 2019)).toBeNull();
    const log = await store.all(sql`SELECT actor, action, target FROM audit_log ORDER BY id`);
    expect(log).toEqual([
      { actor: 'piet', action: 'report_text_save', target: '1708' },
      { actor: 'piet', action: 'report_text_save', target: '1708' },
      { actor: 'piet', action: 'report_text_save', target: 'regio' },
    ]);
  });

  it('refuse a text longer than the limit', async () => {
    const store = await Store.open(':memory:');
    const long = 'x'.repeat(REPORT_TEXT_MAX_LENGTH + 1);
    await expect(
      saveReportText(store, piet, { municipality: null, year: 2018, introduction: long, conclusions: null }),
    ).rejects.toThrow(/te lang/);
  });
});

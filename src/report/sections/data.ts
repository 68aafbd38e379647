// Section "Over de cijfers": every caveat of the report (those of the other sections and the data-wide ones: missing
// or late invoice months, quarantine, product-list changes, PGB in one year only, protection) and the data version.
import { formatMonth } from '../../contract/format.ts';
import { formatMoment } from '../dates.ts';
import { incompleteMonths, pgbInOrOut, productChange, protection, quarantined } from '../caveats.ts';
import type { Caveat } from '../model.ts';
import type { SectionDef } from './context.ts';

export const dataSection: SectionDef = {
  id: 'data',
  title: 'Over de cijfers',
  notes: [],
  async build(ctx) {
    const { year, compare, through, municipality } = ctx.request;
    const version = await ctx.source.dataVersion(municipality ? [municipality] : undefined);
    const facts = await ctx.source.facts(year, compare);
    const financing = await ctx.ask('costs', { filters: ctx.compared, split: ['year', 'financing'] });
    const own = [
      incompleteMonths(version.through, through, version.importedAt),
      quarantined(facts),
      productChange(facts, year, compare),
      financing && pgbInOrOut(financing, year, compare),
      protection(ctx.source.protects, ctx.anyHidden()),
    ].filter((c): c is Caveat => c !== null);
    const all = [...ctx.caveats, ...own];
    const stated =
      `De cijfers rusten op ${version.files} ingelezen ${version.files === 1 ? 'bestand' : 'bestanden'}` +
      (version.importedAt ? `, het laatst ingelezen op ${formatMoment(version.importedAt)}` : '') +
      (version.through ? `; de laatste zorgmaand met declaraties is ${formatMonth(version.through)}` : '') +
      `. Gegevensversie ${version.digest}. Bij elke tabel en grafiek staat de vraag waaruit de cijfers komen (B1, B2, …); de bijlage somt ze op.`;
    return {
      blocks: [...(all.length ? [{ kind: 'caveats' as const, items: all }] : []), { kind: 'paragraph' as const, text: stated }],
      caveats: own,
    };
  },
};

// Section "Gedeclareerd en afgewezen": what providers claimed in the report year, what was rejected and why (return
// codes), with the caveat on rejected invoice lines.
import { rejected } from '../caveats.ts';
import { type SectionDef, table } from './context.ts';

export const claimsSection: SectionDef = {
  id: 'claims',
  title: 'Gedeclareerd en afgewezen',
  notes: ['claims'],
  async build(ctx) {
    const { year } = ctx.request;
    const total = await ctx.ask('claims', { filters: ctx.year, split: [] });
    if (!total) return null;
    const blocks = [table(total, `Declaraties over ${year}`, ['claimed', 'rejected', 'accepted', 'rejected_pct', 'lines'])];
    const byCode = await ctx.ask('claims', { filters: ctx.year, split: ['return_code'] });
    if (byCode) {
      blocks.push(
        table(
          byCode,
          `Afgewezen bedragen per retourcode over ${year}`,
          ['return_code', 'return_code_name', 'rejected', 'lines'],
          (r) => r.return_code !== 'geen',
        ),
      );
    }
    return { blocks, caveats: [rejected(total, year)] };
  },
};

// Section "Verwacht jaareinde": the expected cost of the report year with its 80 % interval against the budget, and
// how it is built up. Only for the year of the last data month: a closed year is not forecast but reported.
import { formatEur, formatMonth } from '../../contract/format.ts';
import type { YearEndView } from '../../forecast/yearend-view.ts';
import { yearEndSentence } from '../messages/forecast-yearend.ts';
import type { SectionDef } from './context.ts';

const eur = (cents: number) => formatEur(Math.round(cents / 100));

/** How the forecast is built up, and what it could not estimate. */
export function yearEndBuildUp(view: YearEndView): string {
  const t = view.total;
  const parts = [
    `Met de declaraties tot en met ${formatMonth(view.cutoff)}: gedeclareerd ${eur(t.invoicedCents)}, geleverd maar nog niet ` +
      `gedeclareerd ${eur(t.notYetInvoicedCents)}, lopende toewijzingen tot het jaareinde ${eur(t.runningCents)} en nieuwe ` +
      `instroom ${eur(t.inflowCents)}.`,
    // The level model gives the rest of the year; the allocations divide it (docs/forecast.md: it backtested better).
    t.utilisation === null
      ? null
      : `De rest van het jaar volgt het recente niveau en het seizoen; lopende toewijzingen (toegewezen bedrag × een ` +
        `uitnutting van ${Math.round(t.utilisation * 100)} %) en nieuwe instroom (zoals in eerdere jaren) verdelen dat.`,
    t.lagReason,
    t.intervalReason,
  ];
  return parts.filter(Boolean).join(' ');
}

export const forecastYearEndSection: SectionDef = {
  id: 'forecast-yearend',
  title: 'Verwacht jaareinde',
  notes: [],
  async build(ctx) {
    const view = await ctx.source.yearEnd(ctx.request.municipality, ctx.request.year);
    if (!view || Number(view.cutoff.slice(0, 4)) !== ctx.request.year) return null;
    const text = yearEndSentence(view.year, view.total);
    const source = ctx.cite(
      'jaareinde',
      'Verwacht jaareinde',
      `Prognose per ${view.cutoff}: gedeclareerd, nog te declareren zorg, lopende toewijzingen en nieuwe instroom, met een 80 %-interval (docs/forecast.md).`,
    );
    return {
      blocks: [
        { kind: 'messages', items: [{ rule: 'yearend-forecast', text, sources: [source] }] },
        { kind: 'paragraph', text: yearEndBuildUp(view) },
      ],
    };
  },
};

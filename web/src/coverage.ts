// The line on every page saying which data it covers: the last care month with invoices in the user's scope, asked
// once per visit. Invoices come in after the month of care, so that month is where the figures stop being complete.
import { api } from './api.ts';
import { h } from './dom.ts';
import { formatMonth } from '../../src/contract/format.ts';

let loaded: Promise<string | null> | null = null;

/** 'YYYY-MM' of the last invoiced care month the user may see (null: none; undefined: the server could not say). */
function through(): Promise<string | null | undefined> {
  loaded ??= api.coverage().then((c) => c.through);
  return loaded.catch(() => {
    loaded = null;
    return undefined;
  });
}

/** The coverage line, filled in once the answer is there. */
export function coverageLine(): HTMLElement {
  const line = h('p', { class: 'coverage', 'data-coverage': '' }, 'Gegevens: bezig met nagaan tot wanneer…');
  void through().then((month) => {
    if (month === undefined) line.textContent = 'Niet bekend tot welke maand de gegevens lopen.';
    else if (month === null) line.textContent = 'Er zijn nog geen declaraties ingelezen voor de gemeenten die u mag zien.';
    else
      line.replaceChildren(
        h('strong', {}, `Gegevens t/m ${formatMonth(month)}`),
        // One line: the chart must stay above the fold on a laptop.
        ' (laatste zorgmaand met ingelezen declaraties; aanbieders declareren achteraf, recente maanden vullen nog aan)',
      );
  });
  return line;
}

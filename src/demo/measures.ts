// The demo's example measures for Steenwijkerland (the story's municipality): each labelled "Voorbeeld", acting on a
// lever of the model (inflow per referrer and care type, duration, price, shift) with a band per year and watched by an
// indicator, on care types and referrer types the demo data contains. The regional plan's measures are all fixed
// amounts; these show the scenario through the baseline and the monitoring panel on the demo.
import type { SeedMeasure } from '../forecast/register.ts';
import { PRACTICE_NURSE_YEAR, STORY_MUNICIPALITY } from './story.ts';

/** Whose register gets the examples. */
export const EXAMPLE_MUNICIPALITY = STORY_MUNICIPALITY;

const MADE_UP = 'Voorbeeldmaatregel van de demo (verzonnen).';

/** The examples in register order; bands in basis points (500 = 5 %), from the year the measure starts. */
export const EXAMPLE_MEASURES: readonly SeedMeasure[] = [
  {
    name: 'Voorbeeld: praktijkondersteuner jeugd-GGZ bij de huisartsen',
    description:
      `${MADE_UP} Een praktijkondersteuner jeugd van het jeugdteam werkt bij de huisartsen en helpt lichtere ` +
      'ggz-vragen zelf: 5–15 % minder instroom in GGZ zwaar via de huisarts. In de demogegevens verwijst zij vanaf ' +
      `${PRACTICE_NURSE_YEAR} namens het jeugdteam de jeugdigen die twee praktijken naar de specialistische GGZ sturen.`,
    owner: 'Beleidsadviseur jeugd',
    start: `${PRACTICE_NURSE_YEAR}-01-01`,
    preparationMonths: 6,
    investmentCents: 12_000_000,
    status: 'lopend',
    mechanisms: [
      {
        lever: { kind: 'inflow', careType: 'GGZ zwaar', referrer: '02' },
        bands: [{ from: PRACTICE_NURSE_YEAR, low: 500, high: 1_500 }],
      },
    ],
    indicator: { metric: 'gp_specialist_mh', column: 'specialist_pct' },
  },
  {
    name: 'Voorbeeld: kortere trajecten ambulante jeugdhulp',
    description:
      `${MADE_UP} Resultaatgerichte afspraken met de aanbieders over het einde van een traject: ambulante ` +
      'trajecten 5–10 % korter.',
    owner: 'Contractmanager jeugd',
    start: '2021-01-01',
    preparationMonths: 3,
    investmentCents: 0,
    status: 'lopend',
    mechanisms: [{ lever: { kind: 'duration', careType: 'ambulant' }, bands: [{ from: 2021, low: 500, high: 1_000 }] }],
    indicator: { metric: 'duration', column: 'median_days', filters: { care_type: ['ambulant'] } },
  },
  {
    name: 'Voorbeeld: tariefafspraak met de aanbieders',
    description: `${MADE_UP} Bij de nieuwe inkoop een lagere prijs per trajectdag: 1–3 % voor alle zorgsoorten.`,
    owner: 'Contractmanager jeugd',
    start: '2022-01-01',
    preparationMonths: 12,
    investmentCents: 0,
    status: 'lopend',
    mechanisms: [{ lever: { kind: 'price' }, bands: [{ from: 2022, low: 100, high: 300 }] }],
    indicator: { metric: 'costs', column: 'cost_per_care_day' },
  },
  {
    name: 'Voorbeeld: ambulant in plaats van verblijf',
    description:
      `${MADE_UP} Intensieve ambulante hulp thuis waar verblijf dreigt: 5–10 % van de instroom in verblijf krijgt ` +
      'ambulante jeugdhulp.',
    owner: 'Beleidsadviseur jeugd',
    start: '2021-01-01',
    preparationMonths: 6,
    investmentCents: 5_000_000,
    status: 'lopend',
    mechanisms: [{ lever: { kind: 'shift', from: 'verblijf', to: 'ambulant' }, bands: [{ from: 2021, low: 500, high: 1_000 }] }],
    indicator: { metric: 'costs', column: 'clients', filters: { care_type: ['verblijf'] } },
  },
];

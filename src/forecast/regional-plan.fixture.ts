// The regional plan of issue 17 as a typed fixture (the plan gives € mln; here cents): its multi-year framework, and its
// fifteen measures (1–14 with 3a/3b), each a fixed saving with a band for 2019, 2020 and 2021 onward, and investments.
import type { FrameworkInput } from './framework.ts';
import type { Measure } from './measures.ts';

/** € mln as cents (exact for one-decimal figures). */
export const mln = (m: number) => Math.round(m * 1e8);

/** 2019 budget 104.5 and burap +10.2; then the budget carries last year's cost, cut by 5, 5 and 4.7; 2022's
 * state contribution is "??" in the plan. */
export const PLAN_FRAMEWORK: FrameworkInput[] = [
  { year: 2019, budgetCents: mln(104.5), burapCents: mln(10.2), targetCents: 0, contributionCents: mln(12) },
  { year: 2020, budgetCents: null, carry: true, burapCents: 0, targetCents: mln(5), contributionCents: mln(9.5) },
  { year: 2021, budgetCents: null, carry: true, burapCents: 0, targetCents: mln(5), contributionCents: mln(9.5) },
  { year: 2022, budgetCents: null, carry: true, burapCents: 0, targetCents: mln(4.7), contributionCents: null },
];

type Row = [id: string, name: string, bands: [number, number][], investment: number];

// [2019, 2020, 2021-onward] bands as [low, high] in € mln.
const ROWS: Row[] = [
  [
    '1',
    'Budgetverantwoordelijkheid jeugdteams',
    [
      [0, 0],
      [1, 8],
      [1, 10],
    ],
    0,
  ],
  [
    '2',
    'Afschaffen van de "nee, tenzij"-regel',
    [
      [0, 2],
      [1, 8],
      [1, 10],
    ],
    0,
  ],
  [
    '3a',
    'Extra toets boven een drempelbedrag',
    [
      [0, 1],
      [1, 4],
      [1, 5],
    ],
    0.5,
  ],
  [
    '3b',
    'Toets door de gemeenten',
    [
      [0, 1],
      [1, 4],
      [1, 5],
    ],
    0.5,
  ],
  [
    '4',
    'Middelen naar de voorkant',
    [
      [0, 0],
      [1, 4],
      [1, 5],
    ],
    0,
  ],
  [
    '5',
    'Strengere criteria voor tweedelijnszorg',
    [
      [0, 1],
      [1, 4],
      [1, 5],
    ],
    0.2,
  ],
  [
    '6',
    'Minder herindicaties',
    [
      [0, 1],
      [1, 2],
      [1, 5],
    ],
    0,
  ],
  [
    '7',
    'Poortwachter / praktijkondersteuner jeugd bij huisartsen',
    [
      [0, 0],
      [1, 3],
      [1, 5],
    ],
    2.0,
  ],
  [
    '8',
    '3D-aanpak multiprobleemgezinnen',
    [
      [0, 0],
      [1, 2],
      [1, 2],
    ],
    0,
  ],
  [
    '9',
    'Tariefkorting',
    [
      [0, 0],
      [1, 3],
      [1, 3],
    ],
    0,
  ],
  [
    '10',
    'Contractmanagement',
    [
      [0, 1],
      [0, 1],
      [0, 1],
    ],
    0,
  ],
  [
    '11',
    'Verbinding met onderwijs',
    [
      [0, 0],
      [0, 1],
      [0, 1],
    ],
    0,
  ],
  [
    '12',
    'Jeugdbeschermingsketen',
    [
      [0, 1],
      [0, 2],
      [0, 2],
    ],
    0,
  ],
  [
    '13',
    'Projecten transformatiefonds',
    [
      [0, 1],
      [0, 2],
      [0, 2],
    ],
    0,
  ],
  [
    '14',
    'Nieuw inkoopmodel',
    [
      [0, 0],
      [0, 0],
      [0, 2],
    ],
    0,
  ],
];

export const PLAN_MEASURES: Measure[] = ROWS.map(([id, name, bands, investment]) => ({
  id,
  name,
  description: '',
  owner: null,
  start: null,
  preparationMonths: null,
  investmentCents: mln(investment),
  status: 'in voorbereiding',
  mechanisms: [
    {
      lever: { kind: 'fixed' },
      bands: bands.map(([low, high], i) => ({ from: 2019 + i, low: mln(low), high: mln(high) })),
    },
  ],
}));

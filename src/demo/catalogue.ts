// The regional product list: care types with their course (entry mix, duration, transitions, stacking) and the
// products in iJw form (JZ020 category + code) with units and 2015 tariffs; yearly indexation gives the other years.

export const CARE_TYPES = [
  'ambulant',
  'J&O',
  'GGZ midden',
  'GGZ zwaar',
  'LVB midden',
  'LVB zwaar',
  'dagbehandeling',
  'crisis',
  'pleegzorg',
  'verblijf',
  'gezinshuis',
  'jeugdbescherming',
  'jeugdreclassering',
] as const;
export type CareType = (typeof CARE_TYPES)[number];

/** Referrer type codes in the order of the weights below: 01 gemeente … 08 rechter, '00' = unknown. */
export const REFERRER_TYPES = ['01', '02', '03', '04', '05', '06', '08', '00'] as const;
export type ReferrerType = (typeof REFERRER_TYPES)[number];

export interface CareCourse {
  /** Share among first care types when a youth enters care. */
  entry: number;
  /** Median episode length in months, and the log-normal spread. */
  months: number;
  sigma: number;
  /** Months per allocation before a re-indication (a new allocation) is needed. */
  allocationMonths: number;
  /** May continue past the 18th birthday (verlengde jeugdhulp). */
  extendable: boolean;
  /** Next care type after an episode ends; 'einde' ends the spell. */
  next: Partial<Record<CareType | 'einde', number>>;
  /** Probability of a second, simultaneous allocation, and its care type. */
  stack: number;
  stackWith: Partial<Record<CareType, number>>;
  referrers: readonly number[];
}

export const COURSE: Record<CareType, CareCourse> = {
  ambulant: {
    entry: 30,
    months: 7,
    sigma: 0.65,
    allocationMonths: 6,
    extendable: false,
    next: {
      einde: 72,
      'GGZ midden': 6,
      dagbehandeling: 4,
      'GGZ zwaar': 4,
      'J&O': 5,
      verblijf: 2,
      crisis: 2,
      'LVB midden': 3,
      pleegzorg: 2,
    },
    stack: 0.08,
    stackWith: { 'GGZ midden': 1, 'J&O': 1 },
    referrers: [38, 46, 4, 1, 2, 1, 0, 8],
  },
  'J&O': {
    entry: 14,
    months: 4,
    sigma: 0.6,
    allocationMonths: 6,
    extendable: false,
    next: { einde: 80, ambulant: 12, 'GGZ midden': 5, crisis: 3 },
    stack: 0.04,
    stackWith: { ambulant: 1 },
    referrers: [55, 32, 6, 0, 0, 2, 0, 5],
  },
  'GGZ midden': {
    entry: 15,
    months: 6,
    sigma: 0.5,
    allocationMonths: 12,
    extendable: false,
    next: { einde: 75, 'GGZ zwaar': 12, ambulant: 8, dagbehandeling: 5 },
    stack: 0.05,
    stackWith: { ambulant: 1 },
    referrers: [12, 75, 3, 0, 6, 0, 0, 4],
  },
  'GGZ zwaar': {
    entry: 6,
    months: 11,
    sigma: 0.5,
    allocationMonths: 12,
    extendable: false,
    next: { einde: 60, 'GGZ midden': 25, dagbehandeling: 7, verblijf: 5, crisis: 3 },
    stack: 0.12,
    stackWith: { ambulant: 1, dagbehandeling: 1 },
    referrers: [10, 62, 2, 1, 20, 0, 0, 5],
  },
  'LVB midden': {
    entry: 4.5,
    months: 10,
    sigma: 0.6,
    allocationMonths: 12,
    extendable: true,
    next: { einde: 65, 'LVB zwaar': 15, ambulant: 12, dagbehandeling: 8 },
    stack: 0.06,
    stackWith: { dagbehandeling: 1 },
    referrers: [55, 20, 8, 5, 6, 0, 0, 6],
  },
  'LVB zwaar': {
    entry: 1.5,
    months: 14,
    sigma: 0.5,
    allocationMonths: 12,
    extendable: true,
    next: { einde: 60, 'LVB midden': 30, verblijf: 10 },
    stack: 0.1,
    stackWith: { dagbehandeling: 1 },
    referrers: [55, 15, 5, 10, 10, 0, 0, 5],
  },
  dagbehandeling: {
    entry: 5,
    months: 9,
    sigma: 0.5,
    allocationMonths: 12,
    extendable: false,
    next: { einde: 55, ambulant: 30, verblijf: 8, 'GGZ zwaar': 7 },
    stack: 0.08,
    stackWith: { ambulant: 1 },
    referrers: [40, 30, 8, 5, 12, 0, 0, 5],
  },
  crisis: {
    entry: 2.5,
    months: 1.1,
    sigma: 0.6,
    allocationMonths: 3,
    extendable: false,
    next: { einde: 30, verblijf: 25, pleegzorg: 15, ambulant: 25, gezinshuis: 5 },
    stack: 0.1,
    stackWith: { jeugdbescherming: 1 },
    referrers: [45, 10, 5, 25, 5, 0, 5, 5],
  },
  pleegzorg: {
    entry: 2,
    months: 24,
    sigma: 0.8,
    allocationMonths: 12,
    extendable: true,
    next: { einde: 60, gezinshuis: 10, verblijf: 10, ambulant: 20 },
    stack: 0.15,
    stackWith: { ambulant: 2, 'GGZ midden': 1 },
    referrers: [45, 2, 0, 45, 0, 0, 3, 5],
  },
  verblijf: {
    entry: 2,
    months: 11,
    sigma: 0.7,
    allocationMonths: 12,
    extendable: true,
    next: { einde: 35, ambulant: 35, gezinshuis: 10, pleegzorg: 10, verblijf: 10 },
    stack: 0.3,
    stackWith: { dagbehandeling: 2, 'GGZ zwaar': 2, jeugdbescherming: 1 },
    referrers: [50, 5, 0, 30, 5, 0, 4, 6],
  },
  gezinshuis: {
    entry: 0.4,
    months: 24,
    sigma: 0.6,
    allocationMonths: 12,
    extendable: true,
    next: { einde: 60, ambulant: 25, verblijf: 15 },
    stack: 0.15,
    stackWith: { ambulant: 1 },
    referrers: [45, 0, 0, 45, 0, 0, 5, 5],
  },
  jeugdbescherming: {
    entry: 5,
    months: 14,
    sigma: 0.5,
    allocationMonths: 12,
    extendable: false,
    next: { einde: 70, jeugdreclassering: 5, ambulant: 25 },
    stack: 0.75,
    stackWith: { pleegzorg: 3, ambulant: 3, verblijf: 1.5, gezinshuis: 0.5, 'GGZ midden': 1, dagbehandeling: 1 },
    referrers: [5, 0, 0, 70, 0, 0, 22, 3],
  },
  jeugdreclassering: {
    entry: 3.5,
    months: 9,
    sigma: 0.4,
    allocationMonths: 12,
    extendable: false,
    next: { einde: 80, ambulant: 20 },
    stack: 0.4,
    stackWith: { ambulant: 3, 'GGZ midden': 2 },
    referrers: [5, 0, 0, 30, 0, 0, 62, 3],
  },
};

/** iJw units (WJ756) and frequencies (WJ757) used here. */
export const UNIT = { uur: '04', etmaal: '14', dagdeel: '16', stuks: '82' } as const;
export const UNIT_LABEL: Record<string, string> = { '04': 'uur', '14': 'etmaal', '16': 'dagdeel', '82': 'stuks' };

export interface Product {
  code: string;
  category: string;
  careType: CareType;
  description: string;
  unit: string;
  /** Volume delivered per month at full use, low–high (per day for etmaal products, so a month is its days). */
  volume: [number, number];
  tariff2015: number;
  /** Relative choice weight within its care type. */
  weight: number;
}

function p(
  code: string,
  careType: CareType,
  description: string,
  unit: string,
  volume: [number, number],
  euros: number,
  weight: number,
): Product {
  return { code, category: code.slice(0, 2), careType, description, unit, volume, tariff2015: Math.round(euros * 100), weight };
}

export const PRODUCTS: Product[] = [
  p('45A01', 'ambulant', 'Ambulante jeugdhulp licht', UNIT.uur, [4, 10], 78, 5),
  p('45A02', 'ambulant', 'Ambulante jeugdhulp midden', UNIT.uur, [8, 16], 88, 4),
  p('45A03', 'ambulant', 'Ambulante jeugdhulp intensief', UNIT.uur, [12, 24], 96, 1.5),
  p('45J01', 'J&O', 'Jeugd- en opvoedhulp basis', UNIT.uur, [5, 12], 72, 3),
  p('45J02', 'J&O', 'Opvoedondersteuning in het gezin', UNIT.uur, [8, 16], 80, 2),
  p('54G01', 'GGZ midden', 'Jeugd-ggz basis', UNIT.uur, [4, 8], 100, 3),
  p('54G02', 'GGZ midden', 'Jeugd-ggz midden', UNIT.uur, [5, 12], 112, 3),
  p('54G11', 'GGZ zwaar', 'Specialistische jeugd-ggz', UNIT.uur, [8, 18], 125, 3),
  p('54G12', 'GGZ zwaar', 'Specialistische jeugd-ggz intensief', UNIT.uur, [15, 30], 138, 1),
  p('45L01', 'LVB midden', 'LVB-begeleiding midden', UNIT.uur, [6, 14], 75, 1),
  p('45L11', 'LVB zwaar', 'LVB-behandeling intensief', UNIT.uur, [16, 32], 86, 2),
  p('43L12', 'LVB zwaar', 'LVB-behandelgroep met verblijf', UNIT.etmaal, [1, 1], 195, 1),
  p('41D01', 'dagbehandeling', 'Dagbehandeling', UNIT.dagdeel, [8, 20], 68, 3),
  p('41D02', 'dagbehandeling', 'Dagbehandeling intensief', UNIT.dagdeel, [16, 36], 82, 1),
  p('46C01', 'crisis', 'Crisisopvang', UNIT.etmaal, [1, 1], 310, 2),
  p('46C02', 'crisis', 'Ambulante crisishulp', UNIT.uur, [8, 20], 105, 1),
  p('44P01', 'pleegzorg', 'Pleegzorg', UNIT.etmaal, [1, 1], 46, 4),
  p('44P02', 'pleegzorg', 'Pleegzorg met extra begeleiding', UNIT.etmaal, [1, 1], 60, 1),
  p('44V01', 'verblijf', 'Verblijf zonder behandeling', UNIT.etmaal, [1, 1], 135, 2),
  p('43V02', 'verblijf', 'Verblijf met behandeling', UNIT.etmaal, [1, 1], 198, 3),
  p('43V03', 'verblijf', 'Verblijf intensief of gesloten', UNIT.etmaal, [1, 1], 330, 0.5),
  p('43G01', 'gezinshuis', 'Gezinshuis', UNIT.etmaal, [1, 1], 135, 1),
  p('48B01', 'jeugdbescherming', 'Ondertoezichtstelling', UNIT.stuks, [1, 1], 1480, 3),
  p('48B02', 'jeugdbescherming', 'Voogdij', UNIT.stuks, [1, 1], 1050, 1),
  p('47R01', 'jeugdreclassering', 'Jeugdreclassering', UNIT.stuks, [1, 1], 1150, 3),
  p('47R02', 'jeugdreclassering', 'Intensieve trajectbegeleiding', UNIT.stuks, [1, 1], 1600, 1),
];

export const PRODUCTS_BY_TYPE: Record<CareType, Product[]> = Object.fromEntries(
  CARE_TYPES.map((t) => [t, PRODUCTS.filter((x) => x.careType === t)]),
) as Record<CareType, Product[]>;

/** Yearly tariff indexation (the jumps of 2022–2024 follow wage and price rises). */
const INDEX: Record<number, number> = {
  2015: 0,
  2016: 0.015,
  2017: 0.018,
  2018: 0.023,
  2019: 0.028,
  2020: 0.03,
  2021: 0.022,
  2022: 0.035,
  2023: 0.065,
  2024: 0.045,
};

/** One calibration knob for the price level: it puts Steenwijkerland's 2018 cost per youth near € 11,000. */
const PRICE_LEVEL = 1.11;

/** The tariff in eurocents of `product` in `year` (2015 tariff with the indexations up to that year). */
export function tariff(product: Product, year: number): number {
  let f = PRICE_LEVEL;
  for (let y = 2016; y <= year; y++) f *= 1 + (INDEX[y] ?? 0.03);
  return Math.round(product.tariff2015 * f);
}

/** JW301 Omvang for a product: etmaal per week, hours/dagdelen/pieces per month. */
export function omvang(product: Product, monthlyVolume: number): { volume: number; unit: string; frequency: string } {
  if (product.unit === UNIT.etmaal) return { volume: 7, unit: product.unit, frequency: '2' };
  return { volume: monthlyVolume, unit: product.unit, frequency: '4' };
}

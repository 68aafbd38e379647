// Every dimension Roer filters or splits by, declared once: its Dutch label, the fact column behind it, the level it is
// known at and, where the codes have a fixed meaning, the code list with Dutch names. Pure data: the web bundles it too.

/** iJw LDT_TypeVerwijzer (basisschema.xsd); '00' is Roer's own code for "no referrer known" (never guessed). */
/** The label of the referrer '00:' (an allocation without a referrer), in the dashboard and the exports. */
export const NO_REFERRER = 'geen verwijzer bekend';

export const REFERRER_TYPES: Readonly<Record<string, string>> = {
  '00': 'Onbekend',
  '01': 'Gemeente',
  '02': 'Huisarts',
  '03': 'Jeugdarts',
  '04': 'Gecertificeerde instelling',
  '05': 'Medisch specialist',
  '06': 'Zelfverwijzer/geen verwijzer',
  '08': 'Rechter, Officier van Justitie, functionaris Justitiële jeugdinrichting',
};

/** iJw COD046 Geslacht. */
export const SEXES: Readonly<Record<string, string>> = { '0': 'onbekend', '1': 'man', '2': 'vrouw' };

/** Care in kind or a personal budget. */
export const FINANCINGS = { ZIN: 'zorg in natura', PGB: 'persoonsgebonden budget' } as const;
export type Financing = keyof typeof FINANCINGS;

/** Age bands as in the population table; the exact age (birthday reached) at the date of the fact row. */
export const AGE_BANDS = ['0-3', '4-11', '12-17', '18-22', '23+', 'onbekend'] as const;
const AGE_BAND_NAMES: Record<string, string> = Object.fromEntries(AGE_BANDS.map((b) => [b, /\d/.test(b) ? `${b} jaar` : b]));

/**
 * 'period': a cut of the date that decides the period (split only); 'fact': a column of every fact; 'allocation': only
 * known per allocation (care-days must be merged on the fly); 'line': only on an invoice line (split only).
 */
export type DimensionLevel = 'period' | 'fact' | 'allocation' | 'line';

export interface DimensionDecl {
  /** Dutch label, as a column header ('Gemeente'). */
  readonly label: string;
  readonly level: DimensionLevel;
  /** The column of every fact table holding the value (absent: computed from a date, or only on a line). */
  readonly column?: string;
  /** The fixed code list with Dutch names; absent when the values come from the data (municipalities, providers). */
  readonly codes?: Readonly<Record<string, string>>;
  /** The data may hold codes outside `codes` (shown, never refused as a filter). */
  readonly openCodes?: boolean;
}

/** The dimensions in the order the API documents them and the dashboard offers them. */
export const DIMENSION_DECLS = {
  year: { label: 'Jaar', level: 'period' },
  half_year: { label: 'Halfjaar', level: 'period' },
  quarter: { label: 'Kwartaal', level: 'period' },
  month: { label: 'Maand', level: 'period' },
  municipality: { label: 'Gemeente', level: 'fact', column: 'municipality' },
  care_type: { label: 'Zorgsoort', level: 'fact', column: 'care_type' },
  product_category: { label: 'Productcategorie', level: 'allocation', column: 'product_category' },
  product: { label: 'Product', level: 'allocation', column: 'product_code' },
  provider: { label: 'Aanbieder', level: 'allocation', column: 'provider_agb' },
  referrer_type: {
    label: 'Type verwijzer',
    level: 'allocation',
    column: 'referrer_type',
    codes: REFERRER_TYPES,
    openCodes: true,
  },
  referrer: { label: 'Verwijzer', level: 'allocation', column: 'referrer_id' },
  team: { label: 'Team', level: 'allocation', column: 'team_id' },
  district: { label: 'Wijk', level: 'fact', column: 'district' },
  // Computed from the birth date at the fact's date; the column is what it is computed from.
  age_band: { label: 'Leeftijdsgroep', level: 'fact', column: 'birth_date', codes: AGE_BAND_NAMES },
  sex: { label: 'Geslacht', level: 'fact', column: 'sex', codes: SEXES },
  financing: { label: 'Financiering', level: 'allocation', column: 'financing', codes: FINANCINGS },
  // One row per return code of a rejected line (the claims metric unnests them); 'geen' = the line was not rejected.
  return_code: { label: 'Retourcode', level: 'line' },
} as const satisfies Record<string, DimensionDecl>;

export type Dimension = keyof typeof DIMENSION_DECLS;

/** Every dimension a metric may split by. */
export const ALL_DIMENSIONS = Object.keys(DIMENSION_DECLS) as Dimension[];

/** Dimensions of every fact (period cuts and fact columns): what most metrics split by. */
export const DIMENSIONS = ALL_DIMENSIONS.filter((d) => DIMENSION_DECLS[d].level !== 'line') as Exclude<
  Dimension,
  'return_code'
>[];

/** Dimensions only an invoice line has (JW325 return codes): a split of the claims metric, not a filter. */
export const LINE_DIMENSIONS = ALL_DIMENSIONS.filter((d) => DIMENSION_DECLS[d].level === 'line');

type LevelOf<D extends Dimension> = (typeof DIMENSION_DECLS)[D]['level'];
/** Dimensions a question can be filtered on: all but the period cuts and the line-only ones. */
export type FilterDimension = { [D in Dimension]: LevelOf<D> extends 'period' | 'line' ? never : D }[Dimension];

/** The filter dimensions, in declaration order. */
export const FILTER_DIMENSIONS = ALL_DIMENSIONS.filter((d) => {
  const level: DimensionLevel = DIMENSION_DECLS[d].level;
  return level !== 'period' && level !== 'line';
}) as FilterDimension[];

/** The declaration of `d`, typed as the general shape (column and codes optional). */
export function dimension(d: Dimension): DimensionDecl {
  return DIMENSION_DECLS[d];
}

/** True for a dimension name. */
export function isDimension(name: string): name is Dimension {
  return Object.hasOwn(DIMENSION_DECLS, name);
}

/** True for a cut of the period (year, half year, quarter, month): an axis of time, not a category. */
export function isPeriodDimension(name: string): boolean {
  return isDimension(name) && dimension(name).level === 'period';
}

/** True for a filter dimension name. */
export function isFilterDimension(name: string): name is FilterDimension {
  return (FILTER_DIMENSIONS as string[]).includes(name);
}

/** The Dutch name of a code of `d`, when `d` has a fixed code list that knows it. */
export function codeLabel(d: Dimension, code: string): string | undefined {
  return dimension(d).codes?.[code];
}

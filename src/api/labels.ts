// Dutch names of dimensions and fixed code lists in the lower-case form sentences and filter lists use ("Filter op
// gemeente", "huisarts"), derived from the one declaration in src/contract.
import { ALL_DIMENSIONS, dimension, FINANCINGS, REFERRER_TYPES, SEXES, type Dimension } from '../contract/dimensions.ts';

const lowerCased = (names: Readonly<Record<string, string>>): Record<string, string> =>
  Object.fromEntries(Object.entries(names).map(([code, name]) => [code, name.toLowerCase()]));

export const DIMENSION_LABELS = Object.fromEntries(ALL_DIMENSIONS.map((d) => [d, dimension(d).label.toLowerCase()])) as Record<
  Dimension,
  string
>;

export const REFERRER_TYPE_LABELS = lowerCased(REFERRER_TYPES);
export const SEX_LABELS = lowerCased(SEXES);
export const FINANCING_LABELS = lowerCased(FINANCINGS);

// Dutch labels for dimensions and the code lists behind them, as the dashboard and the API documentation show them.
import type { Dimension } from '../metrics/types.ts';

export const DIMENSION_LABELS: Record<Dimension, string> = {
  year: 'jaar',
  half_year: 'halfjaar',
  quarter: 'kwartaal',
  month: 'maand',
  municipality: 'gemeente',
  care_type: 'zorgsoort',
  product_category: 'productcategorie',
  product: 'product',
  provider: 'aanbieder',
  referrer_type: 'type verwijzer',
  referrer: 'verwijzer',
  team: 'team',
  district: 'wijk',
  age_band: 'leeftijdsgroep',
  sex: 'geslacht',
  financing: 'financiering (ZIN/PGB)',
  return_code: 'retourcode (JW325)',
};

/** iJw LDT_TypeVerwijzer (basisschema.xsd documentation, lower-cased); '00' is Roer's own code for "not given". */
export const REFERRER_TYPE_LABELS: Record<string, string> = {
  '00': 'onbekend',
  '01': 'gemeente',
  '02': 'huisarts',
  '03': 'jeugdarts',
  '04': 'gecertificeerde instelling',
  '05': 'medisch specialist',
  '06': 'zelfverwijzer/geen verwijzer',
  '08': 'rechter, officier van justitie, functionaris justitiële jeugdinrichting',
};

/** iJw COD046 Geslacht. */
export const SEX_LABELS: Record<string, string> = { '0': 'onbekend', '1': 'man', '2': 'vrouw' };

export const FINANCING_LABELS: Record<string, string> = { ZIN: 'zorg in natura', PGB: 'persoonsgebonden budget' };

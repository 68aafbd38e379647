// The demo's records between simulation and writers: clients, allocations (with the care actually given) and
// invoice lines, as plain typed objects with day numbers and eurocents.
import type { Product } from './catalogue.ts';
import type { Day } from './dates.ts';
import type { Provider, Referrer } from './parties.ts';

export interface Client {
  bsn: string;
  birth: Day;
  /** COD046: 1 man, 2 vrouw */
  sex: '1' | '2';
  municipality: string;
  district: string;
  postcode4: string;
  team: string;
}

export interface Allocation {
  municipality: string;
  /** ToewijzingNummer, unique within the municipality; numbered in order of allocation. */
  no: number;
  client: Client;
  provider: Provider;
  product: Product;
  /** The provider's reference from its request (JW315), carried on the allocation (JW301). */
  providerRef: string;
  requestDate: Day;
  allocatedOn: Day;
  allocatedTime: string;
  start: Day;
  /** null = open-ended */
  end: Day | null;
  /** Volume per month at full use (hours, dagdelen, pieces) or 1 per day for etmaal products. */
  monthlyVolume: number;
  referrer: Referrer;
  team: string;
  /** Care actually given under this allocation; null when it was never used. */
  careStart: Day | null;
  careEnd: Day | null;
  /** JZ588 reason when care ended. */
  endReason: string | null;
  /** Part of a continuing episode (a re-indication of the previous allocation). */
  reindication: boolean;
}

export interface InvoiceLine {
  provider: Provider;
  reference: string;
  previousReference: string | null;
  municipality: string;
  client: Client;
  allocation: Allocation;
  invoiceNo: string;
  invoiceDate: Day;
  periodStart: Day;
  periodEnd: Day;
  volume: number;
  tariffCents: number;
  /** Signed: credit lines are negative. */
  amountCents: number;
  debitCredit: 'D' | 'C';
  /** JW325 return codes when the municipality rejected the line (iJw years only). */
  rejected: string | null;
  /** The line came after its month's regular invoice (late, a correction or a resubmission). */
  late: boolean;
}

export interface PgbLine {
  reference: string;
  municipality: string;
  client: Client;
  periodStart: Day;
  periodEnd: Day;
  careType: string;
  amountCents: number;
}

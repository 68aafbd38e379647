// The period a view covers, as the period picker offers it (whole years, a quarter, a month, year-to-date), and what
// it means in dates: one mapping for every page, so the overview and the analyses always cover the same days.

export type Period =
  | { kind: 'years'; from: number; to: number }
  | { kind: 'quarter'; year: number; quarter: number }
  | { kind: 'month'; year: number; month: number }
  | { kind: 'ytd' };
export type PeriodKind = Period['kind'];

/** What the data spans: its years and its last month ('2024-11'), which closes year-to-date. */
export interface DataSpan {
  from: number;
  to: number;
  lastMonth: string;
}

const MONTHS = [
  'januari',
  'februari',
  'maart',
  'april',
  'mei',
  'juni',
  'juli',
  'augustus',
  'september',
  'oktober',
  'november',
  'december',
];
export const MONTH_NAMES: readonly string[] = MONTHS;

const pad = (n: number) => String(n).padStart(2, '0');
/** The last day of a month (1-12). @example lastDay(2024, 2) === 29 */
const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
const monthEnd = (year: number, month: number) => `${year}-${pad(month)}-${pad(lastDay(year, month))}`;

/** The data's last month as numbers; December of the last year when the data names none. */
export function lastMonthOf(span: DataSpan): { year: number; month: number } {
  const m = /^(\d{4})-(\d{2})$/.exec(span.lastMonth);
  return m ? { year: Number(m[1]), month: Number(m[2]) } : { year: span.to, month: 12 };
}

/**
 * The inclusive ISO dates of a period.
 * @example periodRange({ kind: 'quarter', year: 2018, quarter: 2 }, span) // { from: '2018-04-01', to: '2018-06-30' }
 * @example periodRange({ kind: 'ytd' }, { …, lastMonth: '2024-11' }) // { from: '2024-01-01', to: '2024-11-30' }
 */
export function periodRange(p: Period, span: DataSpan): { from: string; to: string } {
  switch (p.kind) {
    case 'years':
      return { from: `${p.from}-01-01`, to: `${p.to}-12-31` };
    case 'quarter':
      return { from: `${p.year}-${pad(p.quarter * 3 - 2)}-01`, to: monthEnd(p.year, p.quarter * 3) };
    case 'month':
      return { from: `${p.year}-${pad(p.month)}-01`, to: monthEnd(p.year, p.month) };
    case 'ytd': {
      const last = lastMonthOf(span);
      return { from: `${last.year}-01-01`, to: monthEnd(last.year, last.month) };
    }
  }
}

/**
 * The period to compare with: the same stretch one year earlier (N years earlier for a span of N whole years), so a
 * quarter is set against the same quarter and year-to-date against the same months of the year before.
 */
export function previousPeriod(p: Period, span: DataSpan): { from: string; to: string } {
  const shift = p.kind === 'years' ? p.to - p.from + 1 : 1;
  const { from, to } = periodRange(p, span);
  const back = (iso: string, end: boolean) => {
    const y = Number(iso.slice(0, 4)) - shift;
    const m = Number(iso.slice(5, 7));
    return end ? monthEnd(y, m) : `${y}${iso.slice(4)}`;
  };
  return { from: back(from, false), to: back(to, true) };
}

/** The Dutch name of a period. @example periodLabel({ kind: 'month', year: 2018, month: 5 }, span) === 'mei 2018' */
export function periodLabel(p: Period, span: DataSpan): string {
  switch (p.kind) {
    case 'years':
      return p.from === p.to ? String(p.to) : `${p.from}–${p.to}`;
    case 'quarter':
      return `${p.quarter}e kwartaal ${p.year}`;
    case 'month':
      return `${MONTHS[p.month - 1]} ${p.year}`;
    case 'ytd': {
      const last = lastMonthOf(span);
      return last.month === 12 ? String(last.year) : `${last.year} t/m ${MONTHS[last.month - 1]}`;
    }
  }
}

/** The label of the comparison period. @example previousLabel({ kind: 'quarter', year: 2018, quarter: 2 }, span) === '2e kwartaal 2017' */
export function previousLabel(p: Period, span: DataSpan): string {
  const shift = p.kind === 'years' ? p.to - p.from + 1 : 1;
  switch (p.kind) {
    case 'years':
      return periodLabel({ kind: 'years', from: p.from - shift, to: p.to - shift }, span);
    case 'quarter':
    case 'month':
      return periodLabel({ ...p, year: p.year - 1 }, span);
    case 'ytd': {
      const last = lastMonthOf(span);
      return last.month === 12 ? String(last.year - 1) : `${last.year - 1} t/m ${MONTHS[last.month - 1]}`;
    }
  }
}

/** True for one whole calendar year: the year-on-year analyses (drivers, contributors) answer exactly that. */
export function isOneYear(p: Period): p is { kind: 'years'; from: number; to: number } {
  return p.kind === 'years' && p.from === p.to;
}

/** The URL token of a sub-year period: '2018-Q2', '2018-05', 'ytd' (whole years travel as from/to). */
export function periodToken(p: Exclude<Period, { kind: 'years' }>): string {
  if (p.kind === 'quarter') return `${p.year}-Q${p.quarter}`;
  if (p.kind === 'month') return `${p.year}-${pad(p.month)}`;
  return 'ytd';
}

/** Reads a URL token back; anything else (a typo, an attack) is undefined. @example parsePeriodToken('2018-Q5') === undefined */
export function parsePeriodToken(token: string | null): Exclude<Period, { kind: 'years' }> | undefined {
  if (token === 'ytd') return { kind: 'ytd' };
  const q = /^(\d{4})-Q([1-4])$/.exec(token ?? '');
  if (q) return { kind: 'quarter', year: Number(q[1]), quarter: Number(q[2]) };
  const m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(token ?? '');
  if (m) return { kind: 'month', year: Number(m[1]), month: Number(m[2]) };
  return undefined;
}

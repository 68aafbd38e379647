// The financial framework (financieel kader) per year: budget, burap, target cut, year cost, state contribution, net cost.
// Amounts are whole cents (safe integers), so every sum is exact; an unknown amount stays null and carries a Dutch reason.

/** One year of the framework as the plan (or the store) gives it. */
export interface FrameworkInput {
  year: number;
  /** Begroting; null = not set. */
  budgetCents: number | null;
  /** The framework carries last year's year cost into this year's budget (overrides `budgetCents`). */
  carry?: boolean;
  /** Interim adjustment (burap), signed; 0 when there is none. */
  burapCents: number;
  /** Target cut (taakstelling) as a positive amount: it lowers the year cost. */
  targetCents: number;
  /** State contribution (rijksbijdrage); null = unknown, never read as 0. */
  contributionCents: number | null;
}

export type BudgetSource = 'begroting' | 'doorgeschoven' | 'onbekend';

/** One computed year: every derived amount is null when an input it needs is unknown; `unknown` says why, in Dutch. */
export interface FrameworkYear {
  year: number;
  budgetCents: number | null;
  budgetSource: BudgetSource;
  burapCents: number;
  targetCents: number;
  /** budget + burap − target. */
  yearCostCents: number | null;
  contributionCents: number | null;
  /** year cost − contribution. */
  netCostCents: number | null;
  /** When the contribution is unknown: the net cost is at most the year cost (a contribution is never negative). */
  netAtMostCents: number | null;
  unknown: string[];
}

function cents(value: number, what: string, year: number): number {
  if (!Number.isSafeInteger(value)) throw new RangeError(`${what} ${year} is geen geheel aantal centen: ${value}`);
  return value;
}

/** Computes the framework year by year, in year order; a carried budget takes the previous year's year cost. */
export function framework(inputs: readonly FrameworkInput[]): FrameworkYear[] {
  const out: FrameworkYear[] = [];
  for (const input of [...inputs].sort((a, b) => a.year - b.year)) {
    const { year } = input;
    const unknown: string[] = [];
    const burapCents = cents(input.burapCents, 'Burap', year);
    const targetCents = cents(input.targetCents, 'Taakstelling', year);
    let budgetCents: number | null = null;
    let budgetSource: BudgetSource = 'onbekend';
    const previous = out.at(-1);
    if (input.carry && previous?.year === year - 1) {
      budgetCents = previous.yearCostCents;
      budgetSource = 'doorgeschoven';
      if (budgetCents === null) unknown.push(`Begroting ${year} volgt uit de jaarkosten ${year - 1}, en die zijn onbekend.`);
    } else if (input.carry) {
      unknown.push(`Begroting ${year} volgt uit de jaarkosten ${year - 1}, maar dat jaar staat niet in het kader.`);
    } else if (input.budgetCents !== null) {
      budgetCents = cents(input.budgetCents, 'Begroting', year);
      budgetSource = 'begroting';
    } else {
      unknown.push(`Begroting ${year} is niet bekend.`);
    }
    const yearCostCents = budgetCents === null ? null : budgetCents + burapCents - targetCents;
    if (yearCostCents === null) unknown.push(`Jaarkosten ${year} zijn onbekend omdat de begroting onbekend is.`);
    const contributionCents = input.contributionCents === null ? null : cents(input.contributionCents, 'Rijksbijdrage', year);
    if (contributionCents === null)
      unknown.push(`Rijksbijdrage ${year} is niet bekend; de nettokosten zijn daarom onbekend (niet als 0 gerekend).`);
    const netCostCents = yearCostCents === null || contributionCents === null ? null : yearCostCents - contributionCents;
    if (netCostCents === null && contributionCents !== null)
      unknown.push(`Nettokosten ${year} zijn onbekend omdat de jaarkosten onbekend zijn.`);
    out.push({
      year,
      budgetCents,
      budgetSource,
      burapCents,
      targetCents,
      yearCostCents,
      contributionCents,
      netCostCents,
      netAtMostCents: netCostCents ?? yearCostCents,
      unknown,
    });
  }
  return out;
}

const plus = (a: number | null, b: number | null): number | null => (a === null || b === null ? null : a + b);

/**
 * The region's framework: per year the sum of its parts' computed years. A sum with one unknown part is unknown, and
 * its reasons name the part (e.g. the municipality code). A part without the year at all (no budget rows imported for
 * it) makes the year's amounts unknown too: never a partial sum shown as the total. Its burap and target cut count as 0,
 * as for a single municipality without such a row.
 */
export function sumFrameworks(parts: ReadonlyMap<string, readonly FrameworkYear[]>): FrameworkYear[] {
  const years = [...new Set([...parts.values()].flatMap((ys) => ys.map((y) => y.year)))].sort((a, b) => a - b);
  return years.map((year) => {
    const s: FrameworkYear = {
      year,
      budgetCents: 0,
      budgetSource: 'begroting',
      burapCents: 0,
      targetCents: 0,
      yearCostCents: 0,
      contributionCents: 0,
      netCostCents: 0,
      netAtMostCents: 0,
      unknown: [],
    };
    const missing: string[] = [];
    for (const [name, ys] of parts) {
      const y = ys.find((p) => p.year === year);
      if (!y) {
        missing.push(name);
        continue;
      }
      s.budgetCents = plus(s.budgetCents, y.budgetCents);
      // A sum is only as set as its least-set part: carried if one is carried (unknown is settled below).
      if (y.budgetSource === 'doorgeschoven') s.budgetSource = 'doorgeschoven';
      s.burapCents += y.burapCents;
      s.targetCents += y.targetCents;
      s.yearCostCents = plus(s.yearCostCents, y.yearCostCents);
      s.contributionCents = plus(s.contributionCents, y.contributionCents);
      s.netCostCents = plus(s.netCostCents, y.netCostCents);
      s.netAtMostCents = plus(s.netAtMostCents, y.netAtMostCents);
      s.unknown.push(...y.unknown.map((r) => `${name}: ${r}`));
    }
    if (missing.length) {
      s.budgetCents = s.yearCostCents = s.contributionCents = s.netCostCents = s.netAtMostCents = null;
      s.unknown.push(
        `Voor ${year} zijn geen begroting en rijksbijdrage ingelezen van ${missing.join(', ')}; het totaal is daarom ` +
          'onbekend (geen som van alleen de andere gemeenten).',
      );
    }
    if (s.budgetCents === null) s.budgetSource = 'onbekend';
    return s;
  });
}

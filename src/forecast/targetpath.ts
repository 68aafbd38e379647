// The gap to the target path: per year of the financial framework, the expected cost (forecast or baseline) and the
// scenario with measures side by side with the framework's year cost. Positive gap = above the path (overspend).
import type { FrameworkYear } from './framework.ts';

export interface PathYear {
  year: number;
  /** The framework's year cost: the path the council set. */
  pathCents: number | null;
  expectedCents: number | null;
  scenarioCents: number | null;
  /** expected − path. */
  gapCents: number | null;
  /** scenario − path. */
  scenarioGapCents: number | null;
  unknown: string[];
}

/** Lines the expected cost and the scenario up with the framework's years; a missing figure leaves its gap unknown. */
export function gapToPath(
  framework: readonly FrameworkYear[],
  expected: ReadonlyMap<number, number>,
  scenario: ReadonlyMap<number, number> = new Map(),
): PathYear[] {
  return framework.map((f) => {
    const unknown: string[] = [];
    const expectedCents = expected.get(f.year) ?? null;
    const scenarioCents = scenario.get(f.year) ?? null;
    if (f.yearCostCents === null) unknown.push(`Het pad voor ${f.year} is onbekend: de jaarkosten in het kader zijn onbekend.`);
    if (expectedCents === null) unknown.push(`Er is geen verwachting voor ${f.year}.`);
    const gap = (x: number | null) => (x === null || f.yearCostCents === null ? null : x - f.yearCostCents);
    return {
      year: f.year,
      pathCents: f.yearCostCents,
      expectedCents,
      scenarioCents,
      gapCents: gap(expectedCents),
      scenarioGapCents: gap(scenarioCents),
      unknown,
    };
  });
}

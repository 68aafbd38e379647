// The report's sections in order: each a { id, title, notes, build(ctx) }. A new capability (forecast, benchmark) adds
// its section here and appears in every report from then on; the data section stays last (it lists all caveats).
import { benchmarkSection } from './benchmark.ts';
import { budgetSection } from './budget.ts';
import { careTypesSection } from './caretypes.ts';
import { claimsSection } from './claims.ts';
import type { SectionDef } from './context.ts';
import { costsSection } from './costs.ts';
import { dataSection } from './data.ts';
import { decompositionSection } from './decomposition.ts';
import { flowsSection } from './flows.ts';
import { forecastYearEndSection } from './forecast-yearend.ts';
import { forecastMeasuresSection } from './forecast-measures.ts';
import { forecastFrameworkSection } from './forecast-framework.ts';
import { intensiveSection } from './intensive.ts';
import { providersSection } from './providers.ts';
import { referralsSection } from './referrals.ts';

export type { SectionContext, SectionDef, SectionOutput } from './context.ts';

export const SECTIONS: readonly SectionDef[] = [
  costsSection,
  decompositionSection,
  careTypesSection,
  referralsSection,
  providersSection,
  flowsSection,
  intensiveSection,
  budgetSection,
  forecastYearEndSection,
  forecastFrameworkSection,
  claimsSection,
  forecastMeasuresSection,
  benchmarkSection,
  dataSection,
];

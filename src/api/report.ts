// The council report's source for a logged-in user: every figure, note and coverage question goes through answer()
// and so through the guard (scope, suppression, audit), so a reader's report holds only protected aggregates. A
// question the user may not ask leaves its part of the report out instead of failing the report.
import { AccessError } from '../access/errors.ts';
import { RIGHTS } from '../access/roles.ts';
import { fictitiousCbs } from '../benchmark/fictitious.ts';
import { resolveGroup, YOUTH_TABLE } from '../benchmark/series.ts';
import { dataFacts, placeName } from '../report/facts.ts';
import { notesOfPlace, type ReportSource } from '../report/source.ts';
import { dataVersion } from '../report/version.ts';
import { type AnswerContext, answer, type Guard } from './answer.ts';
import { resultNames } from './names.ts';

/** Null when the guard refuses (403): that figure is not for this user. Any other error stands. */
async function unlessRefused<T>(question: Promise<T>): Promise<T | null> {
  try {
    return await question;
  } catch (e) {
    if (e instanceof AccessError && e.status === 403) return null;
    throw e;
  }
}

/**
 * The report source that asks as `ctx.user` through `guard`.
 * @example await buildReport(answerSource(ctx, guard), { municipality: '1708', year: 2018 }, new Date())
 */
export function answerSource(ctx: AnswerContext, guard: Guard): ReportSource {
  const metricOf = (id: string) => {
    const metric = ctx.engine.catalogue.find((m) => m.id === id);
    if (!metric) throw new Error(`metric ${id} is not in the catalogue`);
    return metric;
  };
  const coverage = (municipality: string[] | undefined) => answer(ctx, guard, { kind: 'coverage', municipality });
  return {
    compute: (metric, request) => unlessRefused(answer(ctx, guard, { kind: 'compute', metric: metricOf(metric), request })),
    names: (result) => resultNames(ctx.store, result),
    notes: async (metric, filters) => {
      const notes = await unlessRefused(
        answer(ctx, guard, { kind: 'notes.read', metric: metricOf(metric), request: { filters, split: [] } }),
      );
      return notesOfPlace(notes ?? [], filters.municipality?.[0] ?? null);
    },
    coverage,
    dataVersion: async (municipality) => dataVersion(ctx.store, (await coverage(municipality)).through),
    facts: (year, compare) => dataFacts(ctx.store, year, compare),
    // Free text like notes: only for a user who may read them there (not a provider, not another municipality's).
    texts: (municipality, year) => unlessRefused(answer(ctx, guard, { kind: 'report.texts.read', municipality, year })),
    measures: (municipality) => unlessRefused(answer(ctx, guard, { kind: 'measures.list', municipality })),
    scenario: (municipality, request) => unlessRefused(answer(ctx, guard, { kind: 'measures.scenario', municipality, request })),
    place: (municipality) => placeName(ctx.store, municipality, ctx.user?.municipalities),
    yearEnd: (municipality, year) =>
      unlessRefused(
        answer(ctx, guard, { kind: 'forecast.yearend', municipality, query: { year, per: 'care_type', municipalities: null } }),
      ),
    framework: (municipality, from, to) =>
      unlessRefused(answer(ctx, guard, { kind: 'forecast.framework', municipality, from, to })),
    baseline: (municipality, q) => unlessRefused(answer(ctx, guard, { kind: 'forecast.baseline', municipality, ...q })),
    benchmark: async (municipality, kind, measure, base) => {
      const resolved = await resolveGroup(ctx.store, municipality, kind, [], Number(base.slice(0, 4)));
      if (!('group' in resolved)) return null;
      return unlessRefused(answer(ctx, guard, { kind: 'benchmark', municipality, group: resolved.group, measure, base }));
    },
    ownCbs: (municipality, year) => unlessRefused(answer(ctx, guard, { kind: 'benchmark.own', municipality, year })),
    cbsFictitious: () => fictitiousCbs(ctx.store, YOUTH_TABLE),
    protects: ctx.user ? RIGHTS[ctx.user.role].suppressed : false,
  };
}

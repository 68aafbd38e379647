// The one gate through which every metric computation, export, note access, dimension list and import status passes.
// The access layer (login, scoping, suppression, audit) plugs in here as a Guard, so no route reaches data around it.
import type { User } from '../access/roles.ts';
import type { Metric, MetricRequest, MetricResult } from '../metrics/types.ts';
import { rowLimitError, type Store } from '../store/index.ts';
import { summarise, type StoreSummary } from '../store/summary.ts';
import type { MetricsEngine } from './engine.ts';
import { addNote, listNotes, type Note } from './notes.ts';
import { coverage, type Coverage } from './coverage.ts';
import { deleteView, findView, listViews, saveView, type NewSavedView, type SavedView } from './views.ts';
import { dimensions, type Dimensions } from './dimensions.ts';
import type { ReportRequest } from '../report/model.ts';
import { readReportText, saveReportText, type NewReportText, type ReportText } from '../report/texts.ts';
import { type YearEndQuery, type YearEndView, yearEndView } from '../forecast/yearend-view.ts';
import { benchmarkSeries, type BenchmarkMeasure, type BenchmarkSeries } from '../benchmark/series.ts';
import type { ReferenceGroup } from '../benchmark/groups.ts';
import { benchmarkChoices, type BenchmarkChoices } from '../benchmark/choices.ts';
import { benchmarkComparison } from '../benchmark/comparefigures.ts';
import type { NormalisedComparison } from '../benchmark/compare.ts';
import { deleteReferenceGroup, listReferenceGroups, saveReferenceGroup } from '../benchmark/savedgroups.ts';
import type { OwnCbsView } from '../benchmark/owncbs.ts';
import { readOwnCbs } from '../benchmark/owncbs-read.ts';
import { deleteMeasure, listMeasures, saveMeasure, type NewMeasure, type StoredMeasure } from '../forecast/register.ts';
import { baselinePlace, type Scenario, type ScenarioRequest } from '../forecast/scenario.ts';
import { scenarioOnStore } from '../forecast/scenario-store.ts';
import { placeName } from '../report/facts.ts';
import { frameworkView, type FrameworkViewYear } from '../forecast/framework-view.ts';
import { baselineView, type BaselineView } from '../forecast/baseline-view.ts';

/** What a route asks for. A note question carries its municipality and period as a MetricRequest's filters. */
export type Question =
  | { kind: 'compute'; metric: Metric; request: MetricRequest }
  | { kind: 'export'; metric: Metric; request: MetricRequest; format: 'csv' | 'xlsx' }
  /** `id`: only that note (a direct link). */
  | { kind: 'notes.read'; metric: Metric | null; request: MetricRequest; id?: number }
  | { kind: 'notes.write'; metric: Metric; request: MetricRequest; text: string }
  /** `municipality`: list only values within these municipalities (the access layer sets it from the user's scope). */
  | { kind: 'dimensions'; municipality?: string[] }
  | { kind: 'status' }
  /** Saved views: the asker's own list, saving and deleting one of their own, and opening any by its id (the link). */
  | { kind: 'views.list' }
  | { kind: 'views.save'; view: NewSavedView }
  | { kind: 'views.delete'; id: string }
  | { kind: 'views.open'; id: string }
  /** The last month with data; `municipality` / `provider`: within these only (set from the user's scope). */
  | { kind: 'coverage'; municipality?: string[]; provider?: string[] }
  /**
   * A council report is about to be built: the gate that refuses a municipality outside the scope and audits the
   * report. Its figures then each ask their own question; the answer is nothing.
   */
  | { kind: 'report'; request: Required<ReportRequest>; format: 'html' | 'pdf' }
  /** The introduction and conclusions of a report (municipality null: the region). */
  | { kind: 'report.texts.read'; municipality: string | null; year: number }
  | { kind: 'report.texts.save'; text: NewReportText }
  /**
   * The year-end forecast of one municipality (`municipality`) or the region (null: every municipality, narrowed by the
   * access layer to the user's own); `query.municipalities` is set from these.
   */
  | { kind: 'forecast.yearend'; municipality: string | null; query: YearEndQuery }
  /** CBS's public figures of a municipality beside its reference group, region and the Netherlands (no own data). */
  | { kind: 'benchmark'; municipality: string; group: ReferenceGroup; measure: BenchmarkMeasure; base: string }
  /** What the benchmark page offers: measures, group kinds, municipalities, CBS's periods and tables (all public). */
  | { kind: 'benchmark.choices' }
  /** Municipality `a` as a percentage of `b` on CBS's figures of `period`, beside their populations (no own data). */
  | { kind: 'benchmark.compare'; a: string; b: string; period: string }
  /** The reference groups saved for a municipality: list, save (or replace by name), delete. */
  | { kind: 'benchmark.groups.list'; municipality: string }
  | { kind: 'benchmark.groups.save'; municipality: string; name: string; group: ReferenceGroup }
  | { kind: 'benchmark.groups.delete'; municipality: string; name: string }
  /** The municipality's own youth counts with CBS's definition beside CBS's figures for the periods of `year`. */
  | { kind: 'benchmark.own'; municipality: string; year: number }
  /** The measures register of a municipality (null: the region): list, save, delete, and its simulated scenario. */
  | { kind: 'measures.list'; municipality: string | null }
  | { kind: 'measures.save'; measure: NewMeasure }
  | { kind: 'measures.delete'; municipality: string | null; id: string }
  /** `municipalities`: the baseline's parts for the region (set by the access layer from the scope; undefined: all). */
  | { kind: 'measures.scenario'; municipality: string | null; request: ScenarioRequest; municipalities?: string[] }
  /**
   * The financial framework with the whole cost picture of a municipality or (null) the region; `municipalities`: the
   * parts summed (set by the access layer from the scope; undefined: all).
   */
  | { kind: 'forecast.framework'; municipality: string | null; from?: number; to?: number; municipalities?: string[] }
  /** The multi-year baseline fitted on `baseYear`, `years` ahead, prices indexed by `indexPercent` a year. */
  | {
      kind: 'forecast.baseline';
      municipality: string | null;
      baseYear: number;
      years: number;
      indexPercent: number;
      municipalities?: string[];
    };

export interface Answers {
  compute: MetricResult;
  export: MetricResult;
  'notes.read': Note[];
  'notes.write': Note;
  dimensions: Dimensions;
  status: StoreSummary;
  'views.list': SavedView[];
  'views.save': SavedView;
  /** The view removed; undefined: the asker has no view with this id. */
  'views.delete': SavedView | undefined;
  /** undefined: no view has this id. */
  'views.open': SavedView | undefined;
  coverage: Coverage;
  report: null;
  /** null: nothing written yet. */
  'report.texts.read': ReportText | null;
  'report.texts.save': ReportText;
  /** null: the store holds no data. */
  'forecast.yearend': YearEndView | null;
  benchmark: BenchmarkSeries;
  'benchmark.choices': BenchmarkChoices;
  'benchmark.compare': NormalisedComparison & { period: string };
  'benchmark.groups.list': SavedReferenceGroup[];
  'benchmark.groups.save': SavedReferenceGroup;
  /** The group removed; undefined: the municipality has no group of that name. */
  'benchmark.groups.delete': SavedReferenceGroup | undefined;
  'benchmark.own': OwnCbsView;
  'measures.list': StoredMeasure[];
  'measures.save': StoredMeasure;
  /** undefined: this place has no measure with this id. */
  'measures.delete': StoredMeasure | undefined;
  'measures.scenario': Scenario;
  'forecast.framework': FrameworkViewYear[];
  'forecast.baseline': BaselineView;
}

/** A reference group saved for a municipality under a name. */
export interface SavedReferenceGroup {
  name: string;
  group: ReferenceGroup;
}

export type AnswerOf<Q extends Question> = Answers[Q['kind']];

/** What one metric question may cost (documented in docs/api.md). */
export interface AnswerLimits {
  /** Rows an answer may have: more is no overview, and the JSON, suppression and export would hold the server. */
  maxRows: number;
  /** Time the queries of one question may take before they are interrupted. */
  timeoutMs: number;
}

export const DEFAULT_LIMITS: AnswerLimits = { maxRows: 50_000, timeoutMs: 30_000 };

export interface AnswerContext {
  store: Store;
  limits: AnswerLimits;
  engine: MetricsEngine;
  /** The logged-in user (set by the access layer's middleware as `c.set('user', …)`); null without login. */
  user: User | null;
  /** The client's address, for the audit log. */
  ip: string | null;
}

/**
 * Scoping, suppression and audit in one place, as a wrapper: it may narrow the question before `next` (or refuse by
 * throwing an AccessError), and alter the answer after it.
 * @example const guard: Guard = async (ctx, q, next) => next(narrow(ctx.user, q))
 */
export type Guard = <Q extends Question>(
  ctx: AnswerContext,
  question: Q,
  next: (q: Q) => Promise<AnswerOf<Q>>,
) => Promise<AnswerOf<Q>>;

/** No login, no scoping: every question is answered as asked. */
export const openGuard: Guard = (_ctx, question, next) => next(question);

/**
 * Answers one question through the guard.
 * @example await answer(ctx, guard, { kind: 'compute', metric, request: { filters: {}, split: ['year'] } })
 */
export function answer<Q extends Question>(ctx: AnswerContext, guard: Guard, question: Q): Promise<AnswerOf<Q>> {
  return guard(ctx, question, (q) => dispatch(ctx, q) as Promise<AnswerOf<Q>>);
}

async function dispatch(ctx: AnswerContext, q: Question): Promise<Answers[Question['kind']]> {
  switch (q.kind) {
    case 'compute':
    case 'export': {
      // Its own connection under a time limit; a single query inside the metric may read a few times the answer's rows.
      const { maxRows, timeoutMs } = ctx.limits;
      const result = await ctx.store.limited({ timeoutMs, maxRows: 4 * maxRows }, (s) =>
        ctx.engine.compute(s, q.metric.id, q.request),
      );
      if (result.rows.length > maxRows) throw rowLimitError({ timeoutMs, maxRows }, result.rows.length);
      return result;
    }
    case 'notes.read': {
      const f = q.request.filters;
      return listNotes(ctx.store, { id: q.id, metric: q.metric?.id, municipality: f.municipality, from: f.from, to: f.to });
    }
    case 'notes.write': {
      const f = q.request.filters;
      return addNote(ctx.store, {
        metric: q.metric.id,
        municipality: f.municipality?.[0] ?? null,
        period_from: f.from!,
        period_to: f.to!,
        author: owner(ctx),
        text: q.text,
      });
    }
    case 'dimensions':
      return dimensions(ctx.store, q.municipality);
    case 'status':
      return summarise(ctx.store, 500);
    case 'views.list':
      return listViews(ctx.store, owner(ctx));
    case 'views.save':
      return saveView(ctx.store, owner(ctx), q.view);
    case 'views.delete':
      return deleteView(ctx.store, owner(ctx), q.id);
    case 'views.open':
      return findView(ctx.store, q.id);
    case 'coverage':
      return coverage(ctx.store, q);
    case 'report':
      return null;
    case 'report.texts.read':
      return readReportText(ctx.store, q.municipality, q.year);
    case 'report.texts.save':
      // Audited by saveReportText itself, with the author's name (the CLI saves the same way).
      return saveReportText(ctx.store, actorOf(ctx), q.text);
    case 'forecast.yearend':
      return yearEndView(ctx.store, q.query);
    case 'benchmark':
      return benchmarkSeries(ctx.store, q);
    case 'benchmark.choices':
      return benchmarkChoices(ctx.store);
    case 'benchmark.compare':
      return benchmarkComparison(ctx.store, q.a, q.b, q.period);
    case 'benchmark.groups.list':
      return listReferenceGroups(ctx.store, q.municipality);
    case 'benchmark.groups.save':
      await saveReferenceGroup(ctx.store, q.municipality, q.name, q.group, owner(ctx));
      return { name: q.name.trim(), group: q.group };
    case 'benchmark.groups.delete': {
      const found = (await listReferenceGroups(ctx.store, q.municipality)).find((g) => g.name === q.name);
      return found && (await deleteReferenceGroup(ctx.store, q.municipality, q.name)) ? found : undefined;
    }
    case 'benchmark.own':
      return readOwnCbs(ctx.store, q.municipality, q.year);
    case 'measures.list':
      return listMeasures(ctx.store, q.municipality);
    case 'measures.save':
      // Audited by saveMeasure / deleteMeasure themselves, with the author's name.
      return saveMeasure(ctx.store, actorOf(ctx), q.measure);
    case 'measures.delete':
      return deleteMeasure(ctx.store, actorOf(ctx), q.municipality, q.id);
    case 'measures.scenario': {
      const parts = partsOf(q);
      const place = baselinePlace(await placeName(ctx.store, q.municipality, parts), q.municipality, parts);
      const measures = await listMeasures(ctx.store, q.municipality);
      return scenarioOnStore(ctx.store, measures, q.request, { municipalities: parts, place });
    }
    case 'forecast.framework':
      return frameworkView(ctx.store, { municipalities: partsOf(q), from: q.from, to: q.to });
    case 'forecast.baseline':
      return baselineView(ctx.store, { ...q, municipalities: partsOf(q) });
  }
}

/** Who edits a text or a measure, for the audit log. */
const actorOf = (ctx: AnswerContext) => ({ name: owner(ctx), role: ctx.user?.role ?? ('system' as const), ip: ctx.ip });

/** The municipalities a forecast question sums: the one asked, else the scope's (undefined: the whole region). */
function partsOf(q: { municipality: string | null; municipalities?: string[] }): string[] | undefined {
  return q.municipality ? [q.municipality] : q.municipalities;
}

/** Who writes a note or keeps a view: the logged-in user ('onbekend' in an app without login). */
function owner(ctx: AnswerContext): string {
  return ctx.user?.name ?? 'onbekend';
}

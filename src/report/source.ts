// The port the report reads through: every figure, note and fact it uses. Injected, so the CLI computes directly on the
// store (storeSource) while the API asks every question through the access layer's guard (src/api/report.ts), and a
// reader's report holds only the protected aggregates that reader may see.
import type { Measure } from '../forecast/measures.ts';
import { listMeasures } from '../forecast/register.ts';
import { baselinePlace, type Scenario, type ScenarioRequest } from '../forecast/scenario.ts';
import { scenarioOnStore } from '../forecast/scenario-store.ts';
import type { Coverage } from '../api/coverage.ts';
import { coverage } from '../api/coverage.ts';
import type { MetricsEngine } from '../api/engine.ts';
import { resultNames } from '../api/names.ts';
import { listNotes, type Note } from '../api/notes.ts';
import type { Dimension, Filters, MetricRequest, MetricResult } from '../contract/index.ts';
import type { Store } from '../store/index.ts';
import { frameworkView, type FrameworkViewYear } from '../forecast/framework-view.ts';
import { baselineView, type BaselineQuery, type BaselineView } from '../forecast/baseline-view.ts';
import { dataFacts, placeName, type DataFacts } from './facts.ts';
import type { DataVersion } from './model.ts';
import { readReportText, type ReportText } from './texts.ts';
import { dataVersion } from './version.ts';
import { type YearEndView, yearEndView } from '../forecast/yearend-view.ts';
import type { OwnCbsView } from '../benchmark/owncbs.ts';
import { fictitiousCbs } from '../benchmark/fictitious.ts';
import { readOwnCbs } from '../benchmark/owncbs-read.ts';
import { benchmarkSeries, type BenchmarkMeasure, type BenchmarkSeries, resolveGroup, YOUTH_TABLE } from '../benchmark/series.ts';

/** The reference groups a report can form by itself (neighbours are a user's choice). */
export type BenchmarkGroupKind = 'regio' | 'grootteklasse';

/** Names of the codes in a result, per dimension (providers, referrers, …), as the dashboard shows them. */
export type Names = Partial<Record<Dimension, Record<string, string>>>;

export interface ReportSource {
  /**
   * The answer to one metric question, or null when this asker may not see it (the section then says so).
   * @example await source.compute('costs', { filters: { municipality: ['1708'], from: '2015-01-01', to: '2018-12-31' }, split: ['year'] })
   */
  compute(metric: string, request: MetricRequest): Promise<MetricResult | null>;
  /** Names for the codes `result` holds (already scoped: nothing is named its reader may not see). */
  names(result: MetricResult): Promise<Names>;
  /** Notes on `metric` overlapping the period of `filters`, for its municipality (or the region: notes without one). */
  notes(metric: string, filters: Filters): Promise<Note[]>;
  /** The last care month with an invoice line within these municipalities (absent: the asker's whole scope). */
  coverage(municipality: string[] | undefined): Promise<Coverage>;
  /** The import log's version, with the coverage month of the report's scope. */
  dataVersion(municipality: string[] | undefined): Promise<DataVersion>;
  /** Quarantine and product-list facts for the compared years. */
  facts(year: number, compare: number): Promise<DataFacts>;
  /** The user's introduction and conclusions for this place and year, if written. */
  texts(municipality: string | null, year: number): Promise<ReportText | null>;
  /** The measures register of this place (null: the region); null when this asker may not read it. */
  measures(municipality: string | null): Promise<Measure[] | null>;
  /** The scenario of that register through the baseline of this place; null when this asker may not read it. */
  scenario(municipality: string | null, request: ScenarioRequest): Promise<Scenario | null>;
  /** The municipality's name, or the region's. */
  place(municipality: string | null): Promise<string>;
  /** The year-end forecast of `year` per care type at the last data month; null when not for this asker or no data. */
  yearEnd(municipality: string | null, year: number): Promise<YearEndView | null>;
  /**
   * The financial framework with the whole cost picture, years `from`–`to`; null when this asker may not see it.
   * Optional: a source without it leaves the framework section out.
   */
  framework?(municipality: string | null, from: number, to: number): Promise<FrameworkViewYear[] | null>;
  /** The multi-year baseline; null when this asker may not see it (optional, like `framework`). */
  baseline?(municipality: string | null, q: Omit<BaselineQuery, 'municipalities'>): Promise<BaselineView | null>;
  /**
   * CBS's public figures of a municipality beside its reference group of `kind`, its region and the Netherlands, indexed
   * on `base`; null when the group cannot be formed or this asker may not see them (optional: a source without it
   * leaves the benchmark section out).
   */
  benchmark?(
    municipality: string,
    kind: BenchmarkGroupKind,
    measure: BenchmarkMeasure,
    base: string,
  ): Promise<BenchmarkSeries | null>;
  /** The own youth counts with CBS's definition beside CBS's, for `year`; null when this asker may not see them. */
  ownCbs?(municipality: string, year: number): Promise<OwnCbsView | null>;
  /** True when the stored CBS youth-care figures are the demo's fictitious set (public metadata, no own data). */
  cbsFictitious?(): Promise<boolean>;
  /** True when this asker sees protected figures (small numbers suppressed, the rest perturbed). */
  readonly protects: boolean;
}

/** Notes of exactly this place: a municipality's own, or for the region those on no single municipality. */
export function notesOfPlace(notes: Note[], municipality: string | null): Note[] {
  return notes.filter((n) => n.municipality === municipality);
}

/**
 * The source for the command line: computes directly with the metrics engine (no login, no suppression; whoever holds
 * the database file sees everything already).
 * @example await buildReport(storeSource(store, metricsEngine), { municipality: '1708', year: 2018 }, new Date())
 */
export function storeSource(store: Store, engine: MetricsEngine): ReportSource {
  return {
    compute: (metric, request) => engine.compute(store, metric, request),
    names: (result) => resultNames(store, result),
    notes: async (metric, filters) => {
      const notes = await listNotes(store, { metric, municipality: filters.municipality, from: filters.from, to: filters.to });
      return notesOfPlace(notes, filters.municipality?.[0] ?? null);
    },
    coverage: (municipality) => coverage(store, { municipality }),
    dataVersion: async (municipality) => dataVersion(store, (await coverage(store, { municipality })).through),
    facts: (year, compare) => dataFacts(store, year, compare),
    texts: (municipality, year) => readReportText(store, municipality, year),
    measures: (municipality) => listMeasures(store, municipality),
    scenario: async (municipality, request) => {
      const municipalities = municipality ? [municipality] : undefined;
      const place = baselinePlace(await placeName(store, municipality), municipality);
      return scenarioOnStore(store, await listMeasures(store, municipality), request, { municipalities, place });
    },
    place: (municipality) => placeName(store, municipality),
    yearEnd: (municipality, year) =>
      yearEndView(store, { year, municipalities: municipality ? [municipality] : null, per: 'care_type' }),
    framework: (municipality, from, to) =>
      frameworkView(store, { municipalities: municipality ? [municipality] : undefined, from, to }),
    baseline: (municipality, q) => baselineView(store, { ...q, municipalities: municipality ? [municipality] : undefined }),
    benchmark: async (municipality, kind, measure, base) => {
      const resolved = await resolveGroup(store, municipality, kind, [], Number(base.slice(0, 4)));
      return 'group' in resolved ? benchmarkSeries(store, { municipality, group: resolved.group, measure, base }) : null;
    },
    ownCbs: (municipality, year) => readOwnCbs(store, municipality, year),
    cbsFictitious: () => fictitiousCbs(store, YOUTH_TABLE),
    protects: false,
  };
}

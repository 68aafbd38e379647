// The metrics engine's view of the contract: the question and answer types come from src/contract (one declaration
// for the engine, the API and the dashboard); a Metric adds how it is computed, which only src/metrics knows.
import type { Dimension, MetricRequest, MetricResult, ParamSpec } from '../contract/index.ts';

export * from '../contract/index.ts';

export interface Metric {
  /** Stable id, e.g. 'costs'. */
  id: string;
  /** Dutch title. */
  title: string;
  /** Plain-language Dutch definition: what is counted, which date decides the period, how stacking and PGB are treated. */
  definition: string;
  /** Dimensions this metric can be split by. */
  splits: readonly Dimension[];
  params?: ParamSpec[];
  /** True if the rows identify individual (pseudonymous) clients: only roles allowed client rows may see it. */
  clientRows?: boolean;
  compute(engine: import('../store/index.ts').Store, request: MetricRequest): Promise<MetricResult>;
}

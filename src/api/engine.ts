// What the API needs from the metrics engine: the catalogue and one way to compute. Injected into createApp so tests
// and benchmarks use the real engine, and the API never reaches into the engine's modules.
import { catalogue, computeMetric } from '../metrics/index.ts';
import type { Metric, MetricRequest, MetricResult } from '../metrics/types.ts';
import type { Store } from '../store/index.ts';

export interface MetricsEngine {
  catalogue: readonly Metric[];
  compute(store: Store, id: string, request: MetricRequest): Promise<MetricResult>;
}

/** The real engine: the catalogue of src/metrics, validated and computed by computeMetric. */
export const metricsEngine: MetricsEngine = { catalogue, compute: computeMetric };

/** An engine over a list of metrics (each metric computes itself). */
export function engineOf(catalogue: readonly Metric[]): MetricsEngine {
  return {
    catalogue,
    compute(store, id, request) {
      const metric = catalogue.find((m) => m.id === id);
      if (!metric) throw new Error(`metric ${id} is not in the catalogue`);
      return metric.compute(store, request);
    },
  };
}

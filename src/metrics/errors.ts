// The error a bad metric question raises: a Dutch message naming the offending parameter (the API maps it to HTTP 400).

/** A request that does not fit the metric (unknown split, parameter or filter value). */
export class MetricRequestError extends Error {
  constructor(
    /** The offending request parameter, e.g. 'split', 'params.threshold', 'filters.age_band'. */
    readonly param: string,
    message: string,
  ) {
    super(message);
    this.name = 'MetricRequestError';
  }
}

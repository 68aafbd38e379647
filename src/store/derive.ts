// Derived tables rebuilt after each import (e.g. care-day intervals per client), so that questions do not recompute them.
import type { Store } from './store.ts';

/** Rebuilds the derived tables from the base tables. Called by the importer after files changed the store. */
export async function refreshDerived(store: Store): Promise<void> {
  void store; // filled in by the metrics work (care-day intervals, per-client aggregates)
}

/**
 * Splitting tables into partitions (ranges of a key or of ctid) and the plan a run copies. Engine internals,
 * public only because other engine packages and the harness use them; not a stable API for library users (call
 * {@link io.migbench.engine.Migrator} instead). The harness's baselines read its types.
 */
package io.migbench.engine.plan;

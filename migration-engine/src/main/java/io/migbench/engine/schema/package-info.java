/**
 * Reading the source schema and creating, indexing and finalizing the target's tables. Engine internals, public
 * only because other engine packages and the harness use them; not a stable API for library users (call {@link
 * io.migbench.engine.Migrator} instead). The harness's baselines read its types.
 */
package io.migbench.engine.schema;

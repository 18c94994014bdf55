/**
 * Copying partitions from the source to the target (COPY streams, connection pools, retries) and the PostgreSQL
 * source. Engine internals, public only because other engine packages and the harness use them; not a stable API
 * for library users (call {@link io.migbench.engine.Migrator} instead).
 */
package io.migbench.engine.copy;

/**
 * Checking the target against the source after the copy (counts, checksums) and reporting mismatches. Engine
 * internals, public only because other engine packages and the harness use them; not a stable API for library
 * users (call {@link io.migbench.engine.Migrator} instead).
 */
package io.migbench.engine.verify;

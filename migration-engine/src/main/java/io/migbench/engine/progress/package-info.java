/**
 * Turning the run's events into progress counts and the terminal progress bar. Engine internals, public only
 * because other engine packages and the harness use them; not a stable API for library users (call {@link
 * io.migbench.engine.Migrator} instead).
 */
package io.migbench.engine.progress;

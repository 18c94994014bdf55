/**
 * The run's state tables on the target: the recorded plan, partition claims and leases, history and status. Engine
 * internals, public only because other engine packages and the harness use them; not a stable API for library
 * users (call {@link io.migbench.engine.Migrator} instead).
 */
package io.migbench.engine.state;

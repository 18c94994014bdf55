package io.migbench.harness.db.limits;

import io.migbench.harness.db.EnforcedLimits;

import java.util.List;
import java.util.function.Supplier;

/**
 * Resource limits applied to the processes of one database instance. Prepared before the server starts,
 * {@link #confine} after every (re)start, {@link #release} once its processes are gone.
 */
public interface Confinement {

    /** How the limits are applied, for logs: "cgroup v1", "cgroup v2", "cpu affinity", "none". */
    String mechanism();

    /**
     * Puts the instance's processes under the limits and reads back from the kernel what holds.
     *
     * @param postmasterPid the parent process; moved first, so that everything it forks afterwards inherits
     * @param processes     all processes of the instance right now (children forked before the move)
     */
    EnforcedLimits confine(long postmasterPid, Supplier<List<Long>> processes);

    /** Removes what {@code prepare} created (cgroup directories); the processes must be gone. */
    void release();
}

package io.migbench.harness.db.limits;

/** Which mechanisms the embedded backend may use to apply limits. */
public enum ConfinementMode {
    /** cgroup v2 if delegated, else cgroup v1 if writable, else CPU affinity, else nothing. */
    AUTO,
    /** CPU affinity only (taskset), as on a host without writable cgroups. */
    AFFINITY,
    /** Apply nothing; every requested limit is reported not enforced. */
    NONE
}

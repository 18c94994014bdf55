package io.migbench.harness.db.limits;

import io.migbench.harness.model.ResourceLimits;

import java.nio.file.Path;

/** Chooses how to apply limits on this host and prepares them for one instance. */
public final class Confinements {
    private Confinements() {}

    /**
     * Prepares the limits for an instance whose data lives in {@code dataDir}; call before starting the server.
     *
     * @param groupName unique name of the instance's cgroups, e.g. {@code <jvm-pid>-<n>-<name>}
     */
    public static Confinement prepare(ConfinementMode mode, String groupName, ResourceLimits limits, Path dataDir) {
        if (limits.isUnlimited()) {
            return new NoConfinement(limits, "none requested");
        }
        if (mode == ConfinementMode.NONE) {
            return new NoConfinement(limits, "limits disabled by configuration");
        }
        MountInfo mounts = MountInfo.current();
        if (mode == ConfinementMode.AUTO && CgroupV2Confinement.available(mounts)) {
            return CgroupV2Confinement.prepare(groupName, limits, dataDir, mounts);
        }
        if (mode == ConfinementMode.AUTO && CgroupV1Confinement.available(mounts)) {
            return CgroupV1Confinement.prepare(groupName, limits, dataDir, mounts);
        }
        String noCgroups = mode == ConfinementMode.AUTO
                ? "no writable cgroup v1 or delegated cgroup v2 on this host"
                : "cgroups disabled by configuration (affinity only)";
        if (AffinityConfinement.available()) {
            return new AffinityConfinement(groupName, limits, noCgroups);
        }
        return new NoConfinement(limits, noCgroups + ", and no taskset for CPU affinity");
    }

    /**
     * How this host would apply resource limits, without applying any (for a dry run): the mechanism
     * {@link #prepare} would choose.
     */
    public static String hostMechanism(ConfinementMode mode) {
        if (mode == ConfinementMode.NONE) {
            return "none (limits disabled by configuration)";
        }
        MountInfo mounts = MountInfo.current();
        if (mode == ConfinementMode.AUTO && CgroupV2Confinement.available(mounts)) {
            return "cgroup v2 (cpus, cpuset, memory, I/O bandwidth)";
        }
        if (mode == ConfinementMode.AUTO && CgroupV1Confinement.available(mounts)) {
            return "cgroup v1 (cpus, cpuset, memory, I/O bandwidth where the controllers are mounted)";
        }
        return AffinityConfinement.available()
                ? "cpu affinity only (taskset pins cpuset/cpus; memory and I/O limits cannot be enforced)"
                : "none (no writable cgroup and no taskset: every limit is recorded as not enforced)";
    }
}

package io.migbench.harness.db.limits;

import io.migbench.harness.db.Limit;
import io.migbench.harness.db.LimitReport;
import io.migbench.harness.db.LimitStatus;

/** Judges a CPU quota read back from the kernel against the request and the host's cores. */
final class CpuQuota {
    private CpuQuota() {}

    /** @param actualCpus quota read back in cores, negative for "no quota" */
    static LimitReport report(String requested, double requestedCpus, double actualCpus, String readBack) {
        if (actualCpus < 0 || Math.abs(actualCpus - requestedCpus) > 0.005) {
            return new LimitReport(Limit.CPUS, requested, LimitStatus.NOT_ENFORCED, "kernel reports " + readBack);
        }
        int cores = HostCpus.online().cardinality();
        if (requestedCpus > cores) {
            return new LimitReport(Limit.CPUS, requested, LimitStatus.PARTIAL,
                    "quota above the host's " + cores + " cores, so the cores are the limit (" + readBack + ")");
        }
        return new LimitReport(Limit.CPUS, requested, LimitStatus.ENFORCED, readBack);
    }
}

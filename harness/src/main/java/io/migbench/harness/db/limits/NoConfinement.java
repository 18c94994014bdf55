package io.migbench.harness.db.limits;

import io.migbench.harness.db.EnforcedLimits;
import io.migbench.harness.db.LimitStatus;
import io.migbench.harness.model.ResourceLimits;

import java.util.List;
import java.util.function.Supplier;

/** Applies nothing and says why, limit by limit. */
final class NoConfinement implements Confinement {
    private final ResourceLimits limits;
    private final String reason;

    NoConfinement(ResourceLimits limits, String reason) {
        this.limits = limits;
        this.reason = reason;
    }

    @Override
    public String mechanism() {
        return "none";
    }

    @Override
    public EnforcedLimits confine(long postmasterPid, Supplier<List<Long>> processes) {
        return EnforcedLimits.all(limits, LimitStatus.NOT_ENFORCED, reason);
    }

    @Override
    public void release() {
        // nothing was created
    }
}

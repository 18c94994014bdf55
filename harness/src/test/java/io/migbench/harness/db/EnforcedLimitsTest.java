package io.migbench.harness.db;

import io.migbench.harness.model.ResourceLimits;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EnforcedLimitsTest {

    @Test
    void summarisesRequestedLimitsInOneCsvFriendlyLine() {
        EnforcedLimits e = EnforcedLimits.of(List.of(
                new LimitReport(Limit.CPUS, "0.5", LimitStatus.ENFORCED, "cfs_quota_us=50000"),
                new LimitReport(Limit.MEMORY, "512MiB", LimitStatus.ENFORCED, "memory.limit_in_bytes=536870912"),
                new LimitReport(Limit.WRITE_BPS, "50MB/s", LimitStatus.PARTIAL, "buffered writes escape; really")));
        assertThat(e.summary()).isEqualTo(
                "cpus=0.5:enforced;memory=512MiB:enforced;write_bps=50MB/s:partial(buffered writes escape, really)");
        assertThat(e.overall()).isEqualTo("partial");
        assertThat(e.status(Limit.CPUSET)).as("missing = not requested").isEqualTo(LimitStatus.NOT_REQUESTED);
        assertThat(e.requestedByKey()).containsOnlyKeys("cpus", "memory", "write_bps");
    }

    @Test
    void overallWordFollowsTheWorstCase() {
        ResourceLimits two = new ResourceLimits(1.0, null, 1L << 30, null, null);
        assertThat(EnforcedLimits.all(two, LimitStatus.NOT_ENFORCED, "x").overall()).isEqualTo("not enforced");
        assertThat(EnforcedLimits.all(two, LimitStatus.ENFORCED, "").overall()).isEqualTo("enforced");
        assertThat(EnforcedLimits.all(ResourceLimits.NONE, LimitStatus.ENFORCED, "").overall()).isEqualTo("none requested");
        assertThat(EnforcedLimits.all(ResourceLimits.NONE, LimitStatus.ENFORCED, "").summary()).isEmpty();
    }

    @Test
    void refusesAStatusThatContradictsTheRequest() {
        assertThatThrownBy(() -> new LimitReport(Limit.CPUS, null, LimitStatus.ENFORCED, ""))
                .hasMessageStartingWith("cpus:");
    }
}

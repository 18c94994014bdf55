package io.migbench.harness.results;

import io.migbench.harness.model.EngineKind;
import java.time.Instant;

/** Complete, valid records for tests; each test changes only what it is about. */
public final class TrialFixtures {
    public static final EnvironmentFacts LAPTOP = new EnvironmentFacts("laptop", "Linux 6.1", "amd64",
            "Intel(R) Core(TM) i7-1185G7", 8, 32L << 30, Virtualization.NATIVE);

    private TrialFixtures() {}

    public static TrialRecord.Builder trial() {
        return TrialRecord.builder()
                .runId("run-1").timestamp(Instant.parse("2026-01-02T03:04:05Z")).scenario("stackoverflow")
                .platform("small").backend("embedded").host(LAPTOP)
                .sourceEngine("postgresql").sourceVersion("16.4").targetEngine("postgresql").targetVersion("16.4")
                .sourceLimits("cpus=2 memory=4GiB", "cpus=2").targetLimits("cpus=2 memory=4GiB", "cpus=2")
                .targetSettings("synchronous_commit=off").dataset("stackoverflow").scale(0.1)
                .engine(EngineKind.MIGBENCH).settingsLabel("tasks=8").tasks(8).partitions(16)
                .copyFormat("binary").split("range").knobs("unlogged=true").trial(1)
                .rows(1_000_000L).bytes(250_000_000L).phases(0.5, 8.0, 1.25, 0.25, 10.0)
                .validation(ValidationMode.COUNT, ValidationResult.PASSED).sourceRows(1_000_000L).targetRows(1_000_000L);
    }
}

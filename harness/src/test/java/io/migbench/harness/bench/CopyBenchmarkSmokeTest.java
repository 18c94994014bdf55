package io.migbench.harness.bench;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The documented benchmark runs end to end on a tiny dataset (no figures are checked: this is not a timed test). */
class CopyBenchmarkSmokeTest {
    @Test
    void benchmarkRunsEveryVariantAndPrintsRatios() throws Exception {
        assumeTrue(Shell.onPath("psql"), "psql on PATH");
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        new CopyBenchmark(new BenchSettings(0.002, 1, List.of(2), 2, false, Set.of("acknowledged", "pipe-key", "pipe-whole")),
                new PrintStream(captured, true, StandardCharsets.UTF_8)).run();
        String report = captured.toString(StandardCharsets.UTF_8);
        assertThat(report).as(report).contains("pipe slices ctid, tasks=2", "pipe slices key, tasks=2",
                "pipe whole tables FREEZE, tasks=2", "engine copy phase, tasks=2", "engine whole, tasks=2",
                "engine tail, tasks=2", "engine whole, tasks=2 verify=acknowledged",
                "whole migration vs data-only sliced pipe", "round 1 of 1 done", "fsync=on");
        assertThat(report).as("no pgcopydb line when it is switched off").doesNotContain("pgcopydb clone whole");
    }

    @Test
    void rejectsUnknownExtraVariantNamingTheProperty() {
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> new BenchSettings(1, 3, List.of(2), 2, true, Set.of("turbo")))
                .as("an unknown extra is a usage error naming its property")
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bench.extras");
    }
}

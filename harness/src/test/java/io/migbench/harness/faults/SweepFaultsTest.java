package io.migbench.harness.faults;

import io.migbench.engine.Phase;
import io.migbench.engine.ProgressEvent;
import io.migbench.harness.results.ResultsReader;
import io.migbench.harness.results.TrialResult;
import io.migbench.harness.scenario.EngineSettings;
import io.migbench.harness.scenario.Scenario;
import io.migbench.harness.scenario.ScenarioLoader;
import io.migbench.harness.sweep.PlatformDatabases;
import io.migbench.harness.sweep.SweepListener;
import io.migbench.harness.sweep.SweepPlan;
import io.migbench.harness.sweep.SweepRunner;
import io.migbench.harness.sweep.SweepSummary;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A sweep on a memory-limited, half-CPU target: the target is SIGKILLed mid-copy (standing in for the kernel's
 * OOM killer, which cannot be provoked reliably within seconds), a 128-task point runs against the half CPU, and a
 * point asking for more connections than max_connections allows. Every trial is recorded, the failed ones with
 * their reason, the dead target is restarted, and the sweep finishes in bounded time. About a minute on a loaded
 * two-core machine, so it runs with {@code -Pfaults}.
 */
class SweepFaultsTest {
    private static final String SCENARIO = """
            name: faults
            dataset: {name: stackoverflow, scale: 0.002, seed: 11}
            profiles:
              - name: constrained
                source: {settings: {max_connections: "160"}}
                target: {cpus: 0.5, memory: 256MiB, settings: {max_connections: "160", shared_buffers: "32MB"}}
            matrix:
              tasks: [2, 128, 200]
            engines: [migbench]
            trials: 1
            warmup_trials: 0
            verify: checksum
            """;

    @TempDir
    Path out;

    @Test
    @Tag("faults")
    @Timeout(300)
    void killedTargetAndTooManyTasksAreRecordedAsFailedTrialsAndTheSweepGoesOn() throws Exception {
        Scenario scenario = ScenarioLoader.parse(SCENARIO, "faults.yaml");
        AtomicReference<PlatformDatabases> current = new AtomicReference<>();
        AtomicReference<EngineSettings> point = new AtomicReference<>();
        AtomicBoolean killed = new AtomicBoolean();
        SweepListener killTargetMidCopy = new SweepListener() {
            @Override
            public void trialStarting(PlatformDatabases dbs, EngineSettings settings, int trial, boolean warmup) {
                current.set(dbs);
                point.set(settings);
            }

            @Override
            public void trialProgress(ProgressEvent event) {
                if (point.get().tasks() == 2 && event.phase() == Phase.COPY && killed.compareAndSet(false, true)) {
                    ServerFaultsTest.killPostmaster(current.get().target());
                }
            }
        };

        SweepSummary summary = new SweepRunner(SweepPlan.of(scenario, Set.of()), out.resolve("run"), killTargetMidCopy).run();

        List<TrialResult> results = ResultsReader.read(out.resolve("run"));
        assertThat(killed).as("the target was killed during a copy").isTrue();
        assertThat(results).as("one row per point").hasSize(3);
        assertThat(summary.failedTrials()).isEqualTo(2);
        TrialResult killedTrial = trial(results, 2);
        assertThat(killedTrial.trial().isOk()).isFalse();
        assertThat(killedTrial.trial().error()).as("reason of the killed trial").containsAnyOf("copy failed", "connect");
        TrialResult many = trial(results, 128);
        assertThat(many.trial().isOk()).as("128 tasks on half a CPU after the restart: %s", many.trial().error()).isTrue();
        assertThat(many.trial().targetRows()).isEqualTo(many.trial().sourceRows()).isPositive();
        TrialResult tooMany = trial(results, 200);
        assertThat(tooMany.trial().isOk()).isFalse();
        assertThat(tooMany.trial().error()).as("clear reason").contains("--tasks 200").contains("max_connections");
    }

    private static TrialResult trial(List<TrialResult> results, int tasks) {
        return results.stream().filter(r -> r.trial().tasks() == tasks).findFirst().orElseThrow();
    }
}

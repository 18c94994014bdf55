package io.migbench.harness.sweep;

import io.migbench.harness.dataset.DatasetCatalog;
import io.migbench.harness.results.ResultsReader;
import io.migbench.harness.results.TrialRecord;
import io.migbench.harness.results.TrialResult;
import io.migbench.harness.results.ValidationResult;
import io.migbench.harness.scenario.Scenario;
import io.migbench.harness.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The {@code workers} key: a trial of separate copy-worker JVMs beside the in-process run, both exact, both recorded. */
class WorkersSweepTest {
    @TempDir
    Path out;

    @Test
    void workerProcessTrialsCopyEveryRowAndRecordTheirWorkerCount() throws Exception {
        Scenario scenario = ScenarioLoader.parse("""
                name: workers
                dataset: {name: stackoverflow, scale: 0.002, seed: 7}
                profiles:
                  - name: local
                matrix:
                  tasks: [2]
                  workers: [auto, 2]
                trials: 1
                warmup_trials: 0
                verify: checksum
                """, "workers.yaml");
        long sourceRows = DatasetCatalog.byName("stackoverflow").expectedRows(0.002).values().stream()
                .mapToLong(Long::longValue).sum();

        SweepSummary summary = new SweepRunner(SweepPlan.of(scenario, Set.of()), out.resolve("run"), new SweepListener() { }).run();

        List<TrialRecord> rows = ResultsReader.read(out.resolve("run")).stream().map(TrialResult::trial).toList();
        assertThat(summary.failedTrials()).as("failed trials: %s", rows.stream().map(TrialRecord::error).toList()).isZero();
        assertThat(rows).extracting(TrialRecord::settingsLabel).containsExactlyInAnyOrder("migbench t2", "migbench t2 w=2");
        TrialRecord processes = rows.stream().filter(r -> r.workers() != null).findFirst().orElseThrow();
        assertThat(processes.workers()).isEqualTo(2);
        assertThat(rows).allSatisfy(r -> {
            assertThat(r.rows()).as("rows of %s", r.settingsLabel()).isEqualTo(sourceRows);
            assertThat(r.targetRows()).isEqualTo(sourceRows);
            assertThat(r.validationResult()).isEqualTo(ValidationResult.PASSED);
        });
        assertThat(processes.copySeconds()).as("the workers' wall time").isPositive();
        assertThat(processes.totalSeconds()).as("the whole: plan, workers, finalize")
                .isGreaterThan(processes.schemaSeconds() + processes.copySeconds());
        assertThat(Files.readAllLines(out.resolve("run/trials.csv")).get(0)).contains(",workers,");
    }
}

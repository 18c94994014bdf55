package io.migbench.harness.sweep;

import io.migbench.harness.dataset.DatasetCatalog;
import io.migbench.harness.results.ResultsReader;
import io.migbench.harness.results.TrialResult;
import io.migbench.harness.results.ValidationResult;
import io.migbench.harness.scenario.EngineSettings;
import io.migbench.harness.scenario.Scenario;
import io.migbench.harness.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class SweepRunnerTest {
    private static final String SCENARIO = """
            name: tiny
            dataset: {name: stackoverflow, scale: 0.002, seed: 7}
            profiles:
              - name: local
            matrix:
              tasks: [1, 2]
            engines: [migbench]
            trials: 2
            warmup_trials: 0
            verify: checksum
            """;

    @TempDir
    Path out;

    @Test
    void recordsEveryTrialWithRowsMatchingTheSourceAndContinuesAfterTheTargetDies() throws Exception {
        Scenario scenario = ScenarioLoader.parse(SCENARIO, "tiny.yaml");
        long sourceRows = DatasetCatalog.byName("stackoverflow").expectedRows(0.002).values().stream()
                .mapToLong(Long::longValue).sum();
        SweepListener killTargetBeforeSecondPoint = new SweepListener() {
            @Override
            public void trialStarting(PlatformDatabases dbs, EngineSettings settings, int trial, boolean warmup) {
                if (settings.tasks() == 2 && trial == 1) {
                    Postmasters.killTarget(dbs);
                }
            }
        };

        SweepSummary summary = new SweepRunner(SweepPlan.of(scenario, Set.of()), out.resolve("run-1"),
                killTargetBeforeSecondPoint).run();

        List<TrialResult> results = ResultsReader.read(out.resolve("run-1"));
        assertThat(results).as("one row per trial: 2 task counts × 2 trials").hasSize(4);
        assertThat(summary.failedTrials()).isEqualTo(1);
        TrialResult failed = results.stream().filter(r -> !r.trial().isOk()).findFirst().orElseThrow();
        assertThat(failed.trial().tasks()).as("the trial whose target was killed").isEqualTo(2);
        assertThat(failed.trial().trial()).isEqualTo(1);
        assertThat(failed.trial().error()).as("failure reason recorded").isNotBlank();
        List<TrialResult> ok = results.stream().filter(r -> r.trial().isOk()).toList();
        assertThat(ok).as("the sweep went on after restarting the target").hasSize(3)
                .anySatisfy(r -> assertThat(r.trial().tasks()).isEqualTo(2));
        for (TrialResult r : ok) {
            assertThat(r.trial().rows()).as("rows copied by " + r.trial().settingsLabel()).isEqualTo(sourceRows);
            assertThat(r.trial().sourceRows()).isEqualTo(sourceRows);
            assertThat(r.trial().targetRows()).isEqualTo(sourceRows);
            assertThat(r.trial().validationResult()).isEqualTo(ValidationResult.PASSED);
            assertThat(r.trial().rowsPerSecond()).isPositive();
            assertThat(r.tables()).as("one tables.csv row per dataset table").hasSize(6)
                    .allSatisfy(t -> assertThat(t.checksum()).isEqualTo(ValidationResult.PASSED));
            assertThat(r.tables().stream().mapToLong(t -> t.rows()).sum()).isEqualTo(sourceRows);
        }
        assertThat(out.resolve("run-1/scenario.yaml")).exists();
        assertThat(out.resolve("run-1/.tmp")).as("database folders removed").doesNotExist();
    }
}

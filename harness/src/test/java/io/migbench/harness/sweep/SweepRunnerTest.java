package io.migbench.harness.sweep;

import io.migbench.harness.dataset.DatasetCatalog;
import io.migbench.harness.results.ResultsReader;
import io.migbench.harness.results.TrialRecord;
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
import java.util.ArrayList;
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
        List<String> fsync = new ArrayList<>();
        SweepListener killTargetBeforeSecondPoint = new SweepListener() {
            @Override
            public void trialStarting(PlatformDatabases dbs, EngineSettings settings, int trial, boolean warmup) {
                fsync.add(show(dbs, "fsync"));
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
        assertThat(fsync).as("SHOW fsync on the target before each trial: stock durability despite zonky's -F")
                .hasSize(4).containsOnly("on");
        assertThat(results).as("durability computed from the target's effective settings")
                .allSatisfy(r -> assertThat(r.trial().durability()).isEqualTo("durable"));
        assertThat(ok).as("the engine's own session settings")
                .allSatisfy(r -> assertThat(r.trial().sessionSettings())
                        .isEqualTo("synchronous_commit=off;index maintenance_work_mem=256MB"));
        assertThat(out.resolve("run-1/scenario.yaml")).exists();
        assertThat(out.resolve("run-1/.tmp")).as("database folders removed").doesNotExist();
    }

    @Test
    void aProfileWithFsyncOffIsNonDurableAndTheTrialOrderFollowsTheSeed() throws Exception {
        Scenario scenario = ScenarioLoader.parse("""
                name: fast
                dataset: {name: stackoverflow, scale: 0.001, seed: 7}
                profiles:
                  - name: unsafe
                    target: {settings: {fsync: "off", full_page_writes: "off"}}
                matrix:
                  tasks: [1, 2, 3]
                trials: 2
                warmup_trials: 0
                order_seed: 99
                """, "fast.yaml");

        new SweepRunner(SweepPlan.of(scenario, Set.of()), out.resolve("run-2"), new SweepListener() {}).run();

        List<TrialRecord> rows = ResultsReader.read(out.resolve("run-2")).stream().map(TrialResult::trial).toList();
        assertThat(rows).hasSize(6).allSatisfy(t -> {
            assertThat(t.durability()).isEqualTo("non-durable(fsync=off,full_page_writes=off)");
            assertThat(t.targetSettings()).contains("fsync=off");
        });
        List<String> expected = TrialSchedule.of(scenario.matrixPoints(), 0, 2, scenario.trialOrder()).stream()
                .map(e -> e.point().tasks() + "@" + e.slot().round() + "." + e.slot().order()).toList();
        assertThat(rows).as("trials.csv in the order the seed draws, with round and order recorded")
                .extracting(t -> t.tasks() + "@" + t.round() + "." + t.order()).containsExactlyElementsOf(expected);
    }

    private static String show(PlatformDatabases dbs, String setting) {
        try (Connection c = dbs.target().connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SHOW " + setting)) {
            rs.next();
            return rs.getString(1);
        } catch (Exception e) {
            throw new IllegalStateException("SHOW " + setting + " on the target failed", e);
        }
    }
}

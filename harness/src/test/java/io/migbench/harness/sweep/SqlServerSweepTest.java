package io.migbench.harness.sweep;

import io.migbench.engine.testing.TestTdsServer;
import io.migbench.harness.dataset.DatasetCatalog;
import io.migbench.harness.model.EngineKind;
import io.migbench.harness.results.ResultsReader;
import io.migbench.harness.results.TrialRecord;
import io.migbench.harness.results.TrialResult;
import io.migbench.harness.scenario.Scenario;
import io.migbench.harness.scenario.ScenarioLoader;
import io.migbench.harness.sweep.baseline.Pgloader;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A sweep with a real TDS source (from {@code MIGBENCH_MSSQL_URL}; skipped with the reason without one) and a
 * {@code compare_with: postgresql} source: the T-SQL dataset is loaded, both sources' trials share the rounds, the
 * freebcp line reads every row, and pgloader runs or is skipped with the reason its catalog query gives.
 */
class SqlServerSweepTest {
    private static final double SCALE = 0.002;

    @TempDir
    Path out;

    @Test
    void bothSourcesInterleaveAndEachSqlServerLineRunsOrSaysWhyNot() throws Exception {
        Map<String, String> skipped = new ConcurrentHashMap<>();
        try (TestTdsServer server = TestTdsServer.start()) {
            // the external backend reads the password from the variable the scenario names
            Assumptions.assumeTrue(System.getenv("MIGBENCH_MSSQL_PASSWORD") != null,
                    "the sweep needs the TDS server's password in MIGBENCH_MSSQL_PASSWORD");
            String url = server.newDatabase("sweep");
            Scenario scenario = ScenarioLoader.parse("""
                    name: tds
                    dataset: {name: stackoverflow, scale: %s, seed: 3, load_into_external: true}
                    source: {engine: sqlserver, compare_with: postgresql}
                    backend:
                      type: embedded
                      source: {type: external, url: "%s", user: "%s", password_env: MIGBENCH_MSSQL_PASSWORD}
                    matrix: {tasks: [2]}
                    engines: [migbench, freebcp-out, pgloader]
                    trials: 2
                    warmup_trials: 0
                    """.formatted(SCALE, url, server.user()), "tds.yaml");
            String pgloaderCannot = pgloaderProbe(server, url);

            new SweepRunner(SweepPlan.of(scenario, Set.of()), out.resolve("run"), new SweepListener() {
                @Override
                public void engineSkipped(String platform, String engine, String reason) {
                    skipped.put(engine, reason);
                }
            }).run();

            List<TrialRecord> rows = ResultsReader.read(out.resolve("run")).stream().map(TrialResult::trial).toList();
            long sourceRows = DatasetCatalog.byName("stackoverflow").expectedRows(SCALE).values().stream()
                    .mapToLong(Long::longValue).sum();
            assertThat(rows).allSatisfy(t -> {
                assertThat(t.isOk()).as("trial %s from %s: %s", t.settingsLabel(), t.sourceEngine(), t.error()).isTrue();
                assertThat(t.rows()).isEqualTo(sourceRows);
            });
            assertThat(rows).filteredOn(t -> t.sourceEngine().equals("postgresql"))
                    .as("the comparison source runs migbench only").hasSize(2)
                    .allSatisfy(t -> assertThat(t.engine()).isEqualTo(EngineKind.MIGBENCH));
            assertThat(rows).filteredOn(t -> t.engine() == EngineKind.FREEBCP_OUT).as("freebcp read every row").hasSize(2);
            for (int round = 1; round <= 2; round++) {
                int r = round;
                assertThat(rows).filteredOn(t -> t.round() == r).extracting(TrialRecord::sourceEngine)
                        .as("round %d visits both sources", r).contains("sqlserver", "postgresql");
            }
            java.util.Optional<String> missing = new Pgloader().missingTool();
            if (missing.isPresent()) {
                assertThat(skipped.get("pgloader t2")).isEqualTo(missing.get());
            } else if (pgloaderCannot != null) {
                assertThat(skipped.get("pgloader t2")).as("pgloader skipped with its reason")
                        .startsWith("pgloader cannot read this source").contains(pgloaderCannot);
                assertThat(rows).noneMatch(t -> t.engine() == EngineKind.PGLOADER);
            } else {
                assertThat(rows).filteredOn(t -> t.engine() == EngineKind.PGLOADER).hasSize(2);
            }
        }
    }

    /** The error pgloader's index query meets on this server (Babelfish 4.4 rejects it), or null when it runs. */
    private static String pgloaderProbe(TestTdsServer server, String url) {
        try (Connection c = server.connect(url); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(Pgloader.INDEX_QUERY_PROBE)) {
            return null;
        } catch (java.sql.SQLException e) {
            return e.getMessage();
        }
    }
}

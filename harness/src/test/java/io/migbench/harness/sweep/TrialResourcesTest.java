package io.migbench.harness.sweep;

import io.migbench.engine.Phase;
import io.migbench.engine.ProgressEvent;
import io.migbench.harness.results.ResourceUsage;
import io.migbench.harness.results.ResultsReader;
import io.migbench.harness.results.TrialRecord;
import io.migbench.harness.results.TrialResult;
import io.migbench.harness.results.WaitProfile;
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
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The resource columns of real trials on embedded servers: plausible values, and no sampler left behind. */
class TrialResourcesTest {
    private static final String SCENARIO = """
            name: resources
            dataset: {name: stackoverflow, scale: 0.03, seed: 5}
            profiles:
              - name: local
            matrix:
              tasks: [2]
            engines: [migbench]
            trials: 1
            warmup_trials: 0
            verify: count
            """;

    @TempDir
    Path out;

    @Test
    void aLoggedTrialRecordsPlausibleCpuWalIoAndWaitShares() throws Exception {
        Scenario scenario = ScenarioLoader.parse(SCENARIO, "resources.yaml");
        EngineSettings point = SweepPlan.of(scenario, java.util.Set.of()).pointsFor(scenario.profiles().get(0)).get(0);
        long tableBytes;
        double wallSeconds;
        try (RunFolder run = RunFolder.create(out.resolve("run"), scenario);
             PlatformSession session = PlatformSession.open(scenario, scenario.profiles().get(0),
                     SideBackends.of(scenario.backend()), run, new SweepListener() { })) {
            long t0 = System.nanoTime();
            TrialOutcome outcome = session.measure(point, TrialSlot.unscheduled(1, false));
            wallSeconds = (System.nanoTime() - t0) / 1e9;
            assertThat(outcome.trial().isOk()).as("trial ok: " + outcome.trial().error()).isTrue();
            tableBytes = tableBytes(session.databases());
        }

        TrialRecord trial = ResultsReader.read(out.resolve("run")).stream().map(TrialResult::trial)
                .findFirst().orElseThrow();
        ResourceUsage r = trial.resources();
        int cores = Runtime.getRuntime().availableProcessors();
        assertThat(r.targetCpuSeconds()).as("target CPU seconds, read back from trials.csv").isPositive()
                .isLessThanOrEqualTo(cores * wallSeconds);
        assertThat(r.sourceCpuSeconds()).as("source CPU seconds").isPositive().isLessThanOrEqualTo(cores * wallSeconds);
        assertThat(r.engineCpuSeconds()).as("engine CPU seconds").isPositive();
        // every row is WAL-logged, in multi-insert records that carry less page overhead than the heap itself
        // (measured here: WAL 0.98x the heap), plus the index builds; far more means the window is wrong
        assertThat(r.targetWalBytes()).as("WAL of a logged load against the %d bytes of tables it wrote", tableBytes)
                .isGreaterThan((long) (0.8 * tableBytes)).isLessThan(3 * tableBytes);
        assertThat(r.targetWriteBytes()).as("target bytes written").isNotNull().isNotNegative();
        assertThat(r.sourceReadBytes()).as("source bytes read").isNotNull().isNotNegative();
        for (WaitProfile w : List.of(r.sourceWaits(), r.targetWaits())) {
            assertThat(w.samples()).as("backends observed during the copy").isPositive();
            assertThat(w.shares().values().stream().mapToDouble(Double::doubleValue).sum())
                    .as("wait shares " + w.sharesText()).isCloseTo(1.0, within(0.01));
        }
        assertThat(r.notes()).as("how it was measured").contains("/proc").contains("pg_stat_activity");
    }

    @Test
    void theSamplerStopsAndItsConnectionsCloseWhenTheTargetDiesMidCopy() throws Exception {
        Scenario scenario = ScenarioLoader.parse(SCENARIO, "resources.yaml");
        EngineSettings point = SweepPlan.of(scenario, java.util.Set.of()).pointsFor(scenario.profiles().get(0)).get(0);
        AtomicBoolean killed = new AtomicBoolean();
        PlatformDatabases[] dbs = new PlatformDatabases[1];
        SweepListener killTargetInCopy = new SweepListener() {
            @Override
            public void trialProgress(ProgressEvent event) {
                if (event.phase() == Phase.COPY && killed.compareAndSet(false, true)) {
                    Postmasters.killTarget(dbs[0]);
                }
            }
        };
        try (RunFolder run = RunFolder.create(out.resolve("run"), scenario);
             PlatformSession session = PlatformSession.open(scenario, scenario.profiles().get(0),
                     SideBackends.of(scenario.backend()), run, killTargetInCopy)) {
            dbs[0] = session.databases();
            TrialOutcome outcome = session.measure(point, TrialSlot.unscheduled(1, false));

            assertThat(killed).as("the target was killed during the copy").isTrue();
            assertThat(outcome.trial().isOk()).as("the trial failed").isFalse();
            assertThat(samplerThreads()).as("wait-sampler threads still alive").isEmpty();
            assertThat(samplerBackends(session.databases())).as("monitoring backends left on the source").isZero();
        }
    }

    private static List<Thread> samplerThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("wait-sampler-") && t.isAlive()).toList();
    }

    private static long samplerBackends(PlatformDatabases dbs) throws Exception {
        try (Connection c = dbs.source().connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE application_name = 'migbench wait sampler'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Heap, TOAST and free-space map of the target's tables, without indexes. */
    private static long tableBytes(PlatformDatabases dbs) throws Exception {
        try (Connection c = dbs.connectTarget(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT sum(pg_table_size(c.oid)) FROM pg_class c"
                     + " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind = 'r' AND n.nspname = 'public'")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}

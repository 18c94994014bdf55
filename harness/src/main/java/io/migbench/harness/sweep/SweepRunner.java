package io.migbench.harness.sweep;

import io.migbench.engine.Redaction;
import io.migbench.harness.dataset.Dataset;
import io.migbench.harness.dataset.DatasetCatalog;
import io.migbench.harness.dataset.LoadReport;
import io.migbench.harness.db.Backends;
import io.migbench.harness.db.DatabaseBackend;
import io.migbench.harness.db.external.ExternalServer;
import io.migbench.harness.results.EnvironmentFacts;
import io.migbench.harness.results.ResultsWriter;
import io.migbench.harness.results.TableRecord;
import io.migbench.harness.results.TrialRecord;
import io.migbench.harness.scenario.BackendSpec;
import io.migbench.harness.scenario.BackendType;
import io.migbench.harness.scenario.EngineKind;
import io.migbench.harness.scenario.EngineSettings;
import io.migbench.harness.scenario.PlatformProfile;
import io.migbench.harness.scenario.Scenario;
import io.migbench.harness.scenario.ScenarioWriter;
import io.migbench.harness.scenario.SourceEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Runs a sweep: for each platform profile, start source and target with the profile's limits, load the dataset
 * once, then for every matrix point run the warmup and measured trials (reset target, migrate, verify, record).
 * Every trial is written to the CSVs as soon as it ends; a failed trial is recorded with its reason, a database
 * that died is restarted, and the sweep goes on.
 */
public final class SweepRunner {
    private static final Logger LOG = LoggerFactory.getLogger(SweepRunner.class);

    private final SweepPlan plan;
    private final Path runDir;
    private final String runId;
    private final SweepListener listener;

    public SweepRunner(SweepPlan plan, Path runDir, SweepListener listener) {
        this.plan = plan;
        this.runDir = runDir;
        this.runId = runDir.getFileName().toString();
        this.listener = listener;
    }

    /** Runs every trial; returns how many trials failed. */
    public SweepSummary run() throws IOException {
        Scenario scenario = plan.scenario();
        Files.createDirectories(runDir);
        ScenarioWriter.write(scenario, runDir.resolve("scenario.yaml"));
        EnvironmentFacts host = EnvironmentFacts.detect();
        DatabaseBackend backend = backend(scenario.backend());
        TrialClock clock = new TrialClock(plan.totalTrials());
        int failed = 0;
        try (ResultsWriter writer = ResultsWriter.open(runDir)) {
            int index = 0;
            for (PlatformProfile profile : plan.platforms()) {
                listener.platformStarting(profile.name(), ++index, plan.platforms().size());
                try (PlatformDatabases dbs = PlatformDatabases.start(scenario, profile, backend, runDir.resolve(".tmp"))) {
                    ensureDataset(dbs);
                    TrialContext ctx = new TrialContext(runId, scenario, host, dbs);
                    for (EngineSettings point : plan.points()) {
                        for (int trial = 1; trial <= plan.trialsPerPoint(); trial++) {
                            boolean warmup = trial <= scenario.warmupTrials();
                            TrialOutcome outcome = runTrial(ctx, point, trial, warmup);
                            writer.writeTrial(outcome.trial());
                            outcome.tables().forEach(writer::writeTable);
                            if (!outcome.trial().isOk()) {
                                failed++;
                                recover(dbs);
                            }
                            clock.trialDone();
                            listener.trialFinished(outcome, clock.done(), plan.totalTrials(), clock.etaSeconds());
                        }
                    }
                }
            }
        } finally {
            deleteTemporaryFolder();
        }
        return new SweepSummary(runDir, clock.done(), failed);
    }

    private TrialOutcome runTrial(TrialContext ctx, EngineSettings point, int trial, boolean warmup) {
        listener.trialStarting(ctx.databases(), point, trial, warmup);
        try {
            ctx.databases().resetTarget();
            if (point.engine() == EngineKind.MIGBENCH) {
                return MigbenchTrial.run(ctx, point, trial, warmup, listener::trialProgress);
            }
            throw new IllegalStateException("engine " + point.engine().yamlName() + " is not available in this build");
        } catch (Exception | OutOfMemoryError e) {
            LOG.debug("trial {} of {} failed", trial, point.label(), e);
            TrialRecord row = ctx.newRecord(point, trial, warmup).failed(describe(e)).build();
            return new TrialOutcome(row, java.util.List.<TableRecord>of());
        }
    }

    /** After a failed trial: restart whatever died, and reload the dataset if the source lost it. */
    private void recover(PlatformDatabases dbs) {
        try {
            if (dbs.restartDead()) {
                ensureDataset(dbs);
            }
        } catch (RuntimeException e) {
            throw new IllegalStateException("platform " + dbs.profile().name() + ": a database died and could not be restarted: "
                    + describe(e), e);
        }
    }

    private void ensureDataset(PlatformDatabases dbs) {
        Scenario s = plan.scenario();
        if (s.source() != SourceEngine.POSTGRESQL) {
            throw new IllegalArgumentException("source.engine: the sweep loads datasets into PostgreSQL sources only so far; "
                    + "SQL Server sources can be migrated with 'migbench migrate'");
        }
        Dataset dataset = DatasetCatalog.byName(s.dataset().name());
        try (Connection c = dbs.connectSource()) {
            if (dataset.isLoaded(c, s.dataset().scale(), s.dataset().seed())) {
                listener.datasetReady(dbs.profile().name(), "dataset " + dataset.name() + " already loaded (scale "
                        + s.dataset().scale() + ", seed " + s.dataset().seed() + ")");
                return;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot inspect the source database: " + e.getMessage(), e);
        }
        try {
            LoadReport report = dataset.load(dbs::connectSource, s.dataset().scale(), s.dataset().seed());
            listener.datasetReady(dbs.profile().name(), report.summary());
        } catch (SQLException e) {
            throw new IllegalStateException("loading dataset " + dataset.name() + " into the source of platform "
                    + dbs.profile().name() + " failed: " + e.getMessage() + " (SQLState " + e.getSQLState() + ")", e);
        }
    }

    private static DatabaseBackend backend(BackendSpec spec) {
        if (spec.type() != BackendType.EXTERNAL) {
            return Backends.named(spec.type().yamlName(), Map.of());
        }
        Map<String, ExternalServer> servers = new LinkedHashMap<>();
        servers.put("source", new ExternalServer(spec.source().url(), spec.source().user(), spec.source().passwordEnv()));
        servers.put("target", new ExternalServer(spec.target().url(), spec.target().user(), spec.target().passwordEnv()));
        return Backends.named("external", servers);
    }

    private void deleteTemporaryFolder() {
        Path tmp = runDir.resolve(".tmp");
        try (var files = Files.walk(tmp)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // nothing was created there (external backend) or the backend already removed it
        }
    }

    /** One line: the message of the failure and of its first distinct cause, passwords masked. */
    static String describe(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        Throwable cause = e.getCause();
        if (cause != null && cause.getMessage() != null && !message.contains(cause.getMessage())) {
            message += ": " + cause.getMessage();
        }
        return Redaction.redactUrl(message.replaceAll("\\s*\\R\\s*", " "));
    }
}

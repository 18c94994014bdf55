package io.migbench.harness.sweep;

import io.migbench.engine.internal.Redaction;
import io.migbench.harness.dataset.Dataset;
import io.migbench.harness.dataset.DatasetCatalog;
import io.migbench.harness.dataset.ForeignTables;
import io.migbench.harness.dataset.LoadReport;
import io.migbench.harness.dataset.SqlDialect;
import io.migbench.harness.measure.MonitoredServer;
import io.migbench.harness.measure.TrialMeter;
import io.migbench.harness.results.SourceTable;
import io.migbench.harness.results.SourceTablesFile;
import io.migbench.harness.results.TrialRecord;
import io.migbench.harness.model.EngineKind;
import io.migbench.harness.scenario.EngineSettings;
import io.migbench.harness.scenario.PlatformProfile;
import io.migbench.harness.scenario.Scenario;
import io.migbench.harness.model.SourceEngine;
import io.migbench.harness.sweep.baseline.BaselineContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * One platform's databases, ready to measure: started with the profile's limits, the dataset loaded in the source.
 * {@link #measure} runs one trial (reset target, migrate, verify), records it, and recovers from a failure by
 * restarting what died, so the sweep or the tuner can go on.
 */
public final class PlatformSession implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PlatformSession.class);

    private final Scenario scenario;
    /** The generator, or {@code null} for an existing source. */
    private final Dataset dataset;
    private final PlatformDatabases databases;
    private TrialContext context;
    private final RunFolder run;
    private final SweepListener listener;

    private PlatformSession(Scenario scenario, Dataset dataset, PlatformDatabases databases, RunFolder run,
                            SweepListener listener) {
        this.scenario = scenario;
        this.dataset = dataset;
        this.databases = databases;
        this.run = run;
        this.listener = listener;
    }

    public static PlatformSession open(Scenario scenario, PlatformProfile profile, SideBackends backends, RunFolder run,
                                       SweepListener listener) {
        Dataset dataset = scenario.dataset().existing() ? null : DatasetCatalog.byName(scenario.dataset().name());
        if (dataset != null) {
            // before any server starts: a dataset without a generator for the source engine is a scenario error
            dataset.plan(dialect(scenario), scenario.dataset().scale(), scenario.dataset().seed());
        }
        PlatformDatabases dbs = PlatformDatabases.start(scenario, profile, backends, run.runId(), run.scratch());
        PlatformSession session = new PlatformSession(scenario, dataset, dbs, run, listener);
        try {
            if (dataset != null) {
                session.ensureDataset();
            }
            session.context = new TrialContext(run.runId(), scenario, run.host(), dbs, session.inventory());
            return session;
        } catch (RuntimeException e) {
            dbs.close();
            throw e;
        }
    }

    /** The source's tables and sizes, recorded in source_tables.csv; the sample's selection for the engine. */
    private SourceSelection inventory() {
        String platform = databases.profile().name();
        try (Connection c = databases.connectSource()) {
            List<SourceTable> tables = SourceInventory.read(c, platform, scenario.dataset());
            if (tables.isEmpty()) {
                throw new IllegalStateException("platform " + platform + ": no source table matches the dataset's schema, "
                        + "tables and exclude keys");
            }
            SourceTablesFile.append(run.dir(), tables);
            return new SourceSelection(scenario.dataset(), SourceInventory.includeList(tables, scenario.dataset().sample()));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the tables of the source of platform " + platform + ": "
                    + e.getMessage() + " (SQLState " + e.getSQLState() + ")", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + SourceTablesFile.FILE + ": " + e.getMessage(), e);
        }
    }

    public PlatformProfile profile() {
        return databases.profile();
    }

    public PlatformDatabases databases() {
        return databases;
    }

    /** Runs and records one trial; a failure is recorded as a failed trial, never thrown. */
    public TrialOutcome measure(EngineSettings point, TrialSlot slot) {
        TrialOutcome outcome = runTrial(point, slot);
        run.writer().writeTrial(outcome.trial());
        outcome.tables().forEach(run.writer()::writeTable);
        if (!outcome.trial().isOk()) {
            recover();
        }
        return outcome;
    }

    private TrialOutcome runTrial(EngineSettings point, TrialSlot slot) {
        listener.trialStarting(databases, point, slot.trial(), slot.warmup());
        try {
            databases.resetTarget();
            boolean migbench = point.engine() == EngineKind.MIGBENCH;
            // a reference tool reports no phases: its wait events are sampled over the whole run
            try (TrialMeter meter = TrialMeter.start(new MonitoredServer("source", databases.source(), databases::connectSource),
                    new MonitoredServer("target", databases.target(), databases::connectTarget), migbench)) {
                TrialOutcome outcome = migbench
                        ? MigbenchTrial.run(context, point, slot, meter.following(listener::trialProgress))
                        : BaselineTrial.run(context, baselineContext(point), point, slot);
                return outcome.withResources(meter.finish());
            }
        } catch (Exception | OutOfMemoryError e) {
            LOG.debug("trial {} of {} failed", slot.trial(), point.label(), e);
            TrialRecord row = context.newRecord(point, slot).failed(describe(e)).build();
            return new TrialOutcome(row, List.of());
        }
    }

    /**
     * Why {@code point}'s engine cannot run on this platform (a reference tool missing or too old for the server),
     * or empty when it can.
     */
    public Optional<String> unavailableReason(EngineSettings point) {
        return point.engine() == EngineKind.MIGBENCH ? Optional.empty()
                : BaselineTrial.unavailableReason(point, baselineContext(point));
    }

    private BaselineContext baselineContext(EngineSettings point) {
        return BaselineTrial.context(scenario, databases, dataset, point,
                run.scratch().resolve("baseline"));
    }

    /** After a failed trial: restart whatever died, and reload the dataset if the source lost it. */
    private void recover() {
        try {
            if (databases.restartDead() && dataset != null) {
                ensureDataset();
            }
        } catch (RuntimeException e) {
            throw new IllegalStateException("platform " + databases.profile().name()
                    + ": a database died and could not be restarted: " + describe(e), e);
        }
    }

    private void ensureDataset() {
        double scale = scenario.dataset().scale();
        long seed = scenario.dataset().seed();
        String platform = databases.profile().name();
        try (Connection c = databases.connectSource()) {
            if (dataset.isLoaded(c, scale, seed)) {
                listener.datasetReady(platform, "dataset " + dataset.name() + " already loaded (scale " + scale + ", seed " + seed + ")");
                return;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot inspect the source database of platform " + platform + ": " + e.getMessage(), e);
        }
        try (Connection c = databases.connectSourceForLoad()) {
            // a table of the dataset's name that migbench did not load belongs to someone: never dropped
            ForeignTables.refuse(c, dataset);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot inspect the source database of platform " + platform + ": " + e.getMessage(), e);
        }
        try {
            LoadReport report = dataset.load(databases::connectSourceForLoad, dialect(scenario), scale, seed,
                    Dataset.defaultParallelism());
            listener.datasetReady(platform, report.summary());
        } catch (SQLException e) {
            throw new IllegalStateException("loading dataset " + dataset.name() + " into the source of platform " + platform
                    + " failed: " + e.getMessage() + " (SQLState " + e.getSQLState() + ")", e);
        }
    }

    /** One line: the message of the failure and of its first distinct cause, passwords masked. */
    private static String describe(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        Throwable cause = e.getCause();
        if (cause != null && cause.getMessage() != null && !message.contains(cause.getMessage())) {
            message += ": " + cause.getMessage();
        }
        return Redaction.redactUrl(message.replaceAll("\\s*\\R\\s*", " "));
    }

    private static SqlDialect dialect(Scenario scenario) {
        return scenario.source() == SourceEngine.SQLSERVER ? SqlDialect.SQLSERVER : SqlDialect.POSTGRESQL;
    }

    @Override
    public void close() {
        databases.close();
    }
}

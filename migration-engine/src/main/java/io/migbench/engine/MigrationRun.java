package io.migbench.engine;

import com.zaxxer.hikari.HikariDataSource;
import io.migbench.engine.copy.ConnectionBudget;
import io.migbench.engine.copy.ConnectionPools;
import io.migbench.engine.copy.CopyScheduler;
import io.migbench.engine.copy.PartitionCopier;
import io.migbench.engine.plan.PartitionOutcome;
import io.migbench.engine.copy.PartitionSource;
import io.migbench.engine.copy.RetryPolicy;
import io.migbench.engine.plan.MigrationPlan;
import io.migbench.engine.plan.Partition;
import io.migbench.engine.plan.PartitionPlanner;
import io.migbench.engine.plan.SplitSampler;
import io.migbench.engine.plan.TablePlan;
import io.migbench.engine.progress.ProgressTracker;
import io.migbench.engine.schema.FinalizeScheduler;
import io.migbench.engine.schema.NotMigrated;
import io.migbench.engine.schema.TargetLateObjects;
import io.migbench.engine.schema.SourceSchema;
import io.migbench.engine.schema.TableFilter;
import io.migbench.engine.schema.TableName;
import io.migbench.engine.schema.TargetFinalizer;
import io.migbench.engine.schema.TargetSchemaWriter;
import io.migbench.engine.state.ResumePlan;
import io.migbench.engine.state.StateStore;
import io.migbench.engine.verify.RowDigestSql;
import io.migbench.engine.verify.TableCheck;
import io.migbench.engine.verify.VerificationReport;
import io.migbench.engine.verify.Verifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** One migration, phase by phase: schema, plan, copy (with keys built alongside), finalize, verify. */
final class MigrationRun {
    private static final Logger LOG = LoggerFactory.getLogger(MigrationRun.class);

    /**
     * Every engine session renders dates, times, floats and bytea the same way: range bounds sampled as text in
     * the source mean the same values when replayed in the target, text COPY is unambiguous, checksums compare.
     */
    private static final String FIXED_TEXT_FORMS = String.join("; ", RowDigestSql.SESSION_SETTINGS);
    /** A lost commit of a load is redone by a rerun, so the target sessions do not wait for the WAL flush. */
    private static final String TARGET_COMMIT = "synchronous_commit=off";

    private final MigrationOptions options;
    private final ProgressListener listener;
    private final StateStore state = new StateStore();
    private final long startNanos = System.nanoTime();
    private final double[] phaseSeconds = new double[4];
    private final RunTimeline timeline = new RunTimeline(startNanos);
    /** When the last COPY of this run ended; the run's tail is what follows it. */
    private long lastCopyEndNanos;
    /** Whether progress was reported: a run failing before (connection, discovery) reports nothing but its error. */
    private boolean planned;
    private String sourceVersion;
    private String targetVersion;
    /** What the engine set in its target sessions beyond the server's settings, as "name=value" items. */
    private List<String> targetSessionSettings = List.of();

    MigrationRun(MigrationOptions options, ProgressListener listener) {
        this.options = options;
        this.listener = listener;
    }

    MigrationResult run() {
        try (ProgressTracker progress = new ProgressTracker(listener)) {
            try {
                return migrate(progress);
            } catch (OptionException e) {
                throw new OptionException(e.option(), redact(e.problem()), e);
            } catch (ConfigurationException e) {
                // a usage error found before the target was changed: the caller's to fix, so it is thrown
                throw new ConfigurationException(e.key(), redact(e.getMessage()), e);
            } catch (Exception e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                String message = redact(e.getMessage() == null ? e.toString() : e.getMessage());
                LOG.debug("migration failed: {}", message, e);
                if (planned) {
                    // the message itself is the caller's to print, once
                    progress.phase(Phase.DONE, "failed");
                }
                return new MigrationResult(MigrationStatus.FAILED, progress.rows(), 0, timings(), List.of(), List.of(),
                        List.of(), message, e, sourceVersion, targetVersion, targetSessionSettings, options.verify(), timeline.events());
            }
        }
    }

    private MigrationResult migrate(ProgressTracker progress) throws Exception {
        long phaseStart = System.nanoTime();
        checkSourceConnections();
        try (SourceDatabase sourceDb = SourceDatabases.open(options, RowDigestSql.SESSION_SETTINGS)) {
            SourceSchema schema = sourceDb.schemaReader()
                    .read(options.schemas(), new TableFilter(options.includeTables(), options.excludeTables()));
            sourceVersion = schema.serverVersion();
            if (schema.allTables().isEmpty()) {
                throw new OptionException(options.includeTables().isEmpty() ? EngineOption.SCHEMAS : EngineOption.TABLES,
                        "selects no tables: schemas " + options.schemas() + ", --tables " + options.includeTables()
                        + ", --exclude " + options.excludeTables());
            }
            try (HikariDataSource target = connect("target", () -> ConnectionPools.pool(options.target(), "migbench-target",
                    options.tasks() + options.indexTasks(), FIXED_TEXT_FORMS + "; SET " + TARGET_COMMIT))) {
                targetVersion = "PostgreSQL " + serverVersion(target);
                try (Connection c = target.getConnection()) {
                    targetSessionSettings = List.of(TARGET_COMMIT,
                            "index maintenance_work_mem=" + new TargetFinalizer(options.indexMemory()).indexMemory(c));
                    ConnectionBudget.check(c, "target", options.tasks(), options.tasks() + options.indexTasks(),
                            options.tasks() + " copy tasks + " + options.indexTasks() + " index tasks");
                }
                planned = true;
                progress.phase(Phase.PLAN, "planning " + schema.tables().size() + " tables");
                ResumePlan prepared = options.resume() ? resumePlan(target, schema)
                        : freshPlan(target, schema, sourceDb.splitSampler());
                phaseSeconds[0] = seconds(phaseStart);
                logPlan(prepared.plan());
                return copyFinalizeVerify(progress, target, sourceDb.partitionSource(), prepared, schema);
            }
        }
    }

    private interface Opening<T> {
        T open() throws SQLException;
    }

    /** Opens a connection or pool; a failure names the side and the (password-free) URL. */
    private <T> T connect(String side, Opening<T> opening) {
        try {
            return opening.open();
        } catch (SQLException | RuntimeException e) {
            Throwable cause = e.getCause() instanceof SQLException s ? s : e;
            String url = Redaction.redactUrl((side.equals("source") ? options.source() : options.target()).jdbcUrl());
            throw new MigrationException("cannot connect to the " + side + " " + url + ": " + cause.getMessage(),
                    null, null, 0, null, cause);
        }
    }

    /** A PostgreSQL source serves one connection per task plus the snapshot coordinator. */
    private void checkSourceConnections() throws SQLException {
        if (!options.source().jdbcUrl().startsWith("jdbc:postgresql:")) {
            return;
        }
        try (Connection c = connect("source", () -> ConnectionPools.open(options.source()))) {
            ConnectionBudget.check(c, "source", options.tasks(), options.tasks() + 1,
                    options.tasks() + " copy tasks + 1 snapshot coordinator");
        }
    }

    private MigrationResult copyFinalizeVerify(ProgressTracker progress, HikariDataSource target,
                                               PartitionSource source, ResumePlan prepared, SourceSchema schema)
            throws Exception {
        MigrationPlan plan = prepared.plan();
        Map<Partition, PartitionOutcome> outcomes = new ConcurrentHashMap<>(prepared.done());
        progress.plan(plan.partitionCount(), prepared.done().size(), plan.estimatedRows(),
                prepared.done().values().stream().mapToLong(PartitionOutcome::sourceRows).sum());
        progress.phase(Phase.COPY, "copying " + plan.partitionCount() + " partitions with " + options.tasks() + " tasks");
        long phaseStart = System.nanoTime();
        Verifier verifier = options.verify() == VerifyMode.NONE ? null
                : new Verifier(target, source, options.tasks(), options.verify(), timeline);
        Map<TableName, TablePlan> plans = new HashMap<>();
        plan.tables().forEach(t -> plans.put(t.table().name(), t));
        // each table is checked as soon as its data is in, beside its index builds, while other tables still copy
        FinalizeScheduler.AfterCopy check = verifier == null ? FinalizeScheduler.AfterCopy.NOTHING
                : t -> verifier.check(plans.get(t.name()), outcomes);
        try (FinalizeScheduler finalizer = new FinalizeScheduler(target, schema, options.indexTasks(), options.unloggedLoad(),
                options.indexMemory(), timeline, check)) {
            new CopyScheduler(new PartitionCopier(target, source, state, options.socketTimeout()), options.tasks(),
                    RetryPolicy.of(options.copyAttempts())).run(plan,
                    prepared.donePartitions(), options.resume(), progress,
                    o -> {
                        outcomes.put(o.partition(), o);
                        timeline.record(o.partition().table().toString(), "copy", o.partition().describe(),
                                o.startNanos(), o.endNanos());
                        progress.partitionDone();
                    },
                    t -> finalizer.tableCopied(t.table()));
            phaseSeconds[1] = seconds(phaseStart);
            lastCopyEndNanos = outcomes.values().stream().filter(PartitionOutcome::copiedNow)
                    .mapToLong(PartitionOutcome::endNanos).max().orElse(System.nanoTime());
            PausePoints.reach("copy-finished");
            progress.phase(Phase.INDEX, "building keys and indexes" + (verifier == null ? ""
                    : ", verifying (" + options.verify().name().toLowerCase(java.util.Locale.ROOT) + ") table by table"));
            phaseStart = System.nanoTime();
            finalizer.finish(java.util.stream.Stream.concat(schema.partitionedTables().stream(),
                    plan.tables().stream().map(TablePlan::table)).toList());
            createLateObjects(target, schema);
            phaseSeconds[2] = seconds(phaseStart);
        }
        PausePoints.reach("finalized");
        VerificationReport report = null;
        if (verifier != null) {
            progress.phase(Phase.VERIFY, "verified (" + options.verify().name().toLowerCase(java.util.Locale.ROOT) + ")");
            phaseStart = System.nanoTime();
            report = verifier.report();
            phaseSeconds[3] = seconds(phaseStart);
        }
        MigrationResult result = result(plan, outcomes, report, schema.notMigrated());
        progress.phase(Phase.DONE, result.status().name());
        return result;
    }

    private static void createLateObjects(HikariDataSource target, SourceSchema schema) {
        long started = System.nanoTime();
        try (Connection c = target.getConnection()) {
            TargetLateObjects.create(c, schema);
        } catch (SQLException e) {
            throw new MigrationException("creating views and NOT VALID domain checks failed: " + e.getMessage(), null, null, 0,
                    java.time.Duration.ofNanos(System.nanoTime() - started), e);
        }
    }

    private ResumePlan freshPlan(HikariDataSource target, SourceSchema schema, SplitSampler sampler) throws Exception {
        MigrationPlan plan = new PartitionPlanner(options, sampler).plan(schema.tables());
        try (Connection c = target.getConnection()) {
            c.setAutoCommit(false);
            try {
                // tables and the plan's state rows appear together or not at all
                new TargetSchemaWriter(options.mode(), options.unloggedLoad()).prepare(c, schema);
                state.replacePlan(c, UUID.randomUUID().toString(), plan);
                c.commit();
                PausePoints.reach("schema-created");
            } catch (Exception e) {
                c.rollback();
                throw e;
            }
        }
        return new ResumePlan(plan, Map.of(), List.of());
    }

    private ResumePlan resumePlan(HikariDataSource target, SourceSchema schema) throws SQLException {
        try (Connection c = target.getConnection()) {
            var recorded = state.load(c);
            if (recorded.isEmpty()) {
                throw new OptionException(EngineOption.RESUME, "finds no migration state in the target ("
                        + "schema " + StateStore.SCHEMA + "); run without --resume");
            }
            ResumePlan plan = ResumePlan.from(recorded, schema.tables());
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                for (TableName t : plan.tablesToRestart()) {
                    LOG.info("resume: {} was split by ctid ranges and is unfinished: truncated, all its ranges are copied again", t);
                    st.execute("TRUNCATE " + t.quoted());
                    state.resetTable(c, t);
                }
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
            LOG.info("resume: {} of {} partitions already done", plan.done().size(), plan.plan().partitionCount());
            return plan;
        }
    }

    private MigrationResult result(MigrationPlan plan, Map<Partition, PartitionOutcome> outcomes,
                                   VerificationReport report, List<NotMigrated> notMigrated) {
        List<TableResult> tables = new ArrayList<>();
        long totalRows = 0;
        long totalBytes = 0;
        for (TablePlan t : plan.tables()) {
            long rows = 0;
            long bytes = 0;
            long copiedRows = 0;
            long first = Long.MAX_VALUE;
            long last = Long.MIN_VALUE;
            for (Partition p : t.partitions()) {
                PartitionOutcome o = outcomes.get(p);
                rows += o.sourceRows();
                bytes += o.bytes();
                copiedRows += o.targetRows();
                if (o.copiedNow()) {
                    first = Math.min(first, o.startNanos());
                    last = Math.max(last, o.endNanos());
                }
            }
            double seconds = first == Long.MAX_VALUE ? 0 : (last - first) / 1e9;
            TableCheck check = report == null ? null : report.tables().get(t.table().name());
            tables.add(new TableResult(t.table().name().schema(), t.table().name().name(),
                    t.table().partition() ? t.table().partitionOf().root().toString() : null, rows, bytes,
                    t.partitions().size(), seconds, seconds > 0 ? rows / seconds : 0, rows,
                    check == null ? copiedRows : check.targetRows(),
                    check == null ? rows == copiedRows : check.countMatch(),
                    check == null ? null : check.checksumMatch()));
            totalRows += rows;
            totalBytes += bytes;
        }
        var mismatches = report == null ? List.<VerificationMismatch>of() : report.mismatches();
        MigrationStatus status = mismatches.isEmpty() ? MigrationStatus.SUCCEEDED : MigrationStatus.VERIFICATION_FAILED;
        String error = mismatches.isEmpty() ? null : redact("verification failed: " + mismatches.size()
                + " difference(s); first: " + mismatches.get(0));
        return new MigrationResult(status, totalRows, totalBytes, timings(), tables, mismatches, notMigrated, error, null,
                sourceVersion, targetVersion, targetSessionSettings, options.verify(), timeline.events());
    }

    private void logPlan(MigrationPlan plan) {
        Map<String, Integer> kinds = new HashMap<>();
        plan.tables().forEach(t -> kinds.merge(t.kind().name(), 1, Integer::sum));
        LOG.info("plan: {} tables, {} partitions, tables by split kind {}", plan.tables().size(),
                plan.partitionCount(), kinds);
    }

    private PhaseTimings timings() {
        long end = System.nanoTime();
        return new PhaseTimings(phaseSeconds[0], phaseSeconds[1], phaseSeconds[2], phaseSeconds[3],
                (end - startNanos) / 1e9, lastCopyEndNanos == 0 ? 0 : (end - lastCopyEndNanos) / 1e9);
    }

    /** Masks passwords and joins the server's multi-line messages (Detail, Hint, Position) into one line. */
    private String redact(String message) {
        String oneLine = message == null ? null : message.strip().replaceAll("\\s*\\R\\s*", " ");
        return Redaction.redact(Redaction.redactUrl(oneLine), options.secrets());
    }

    private static double seconds(long sinceNanos) {
        return (System.nanoTime() - sinceNanos) / 1e9;
    }

    private static String serverVersion(HikariDataSource ds) throws SQLException {
        try (Connection c = ds.getConnection()) {
            return queryString(c, "SELECT current_setting('server_version')");
        }
    }

    private static String queryString(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}

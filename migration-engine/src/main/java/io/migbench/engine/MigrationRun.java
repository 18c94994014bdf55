package io.migbench.engine;

import io.migbench.engine.internal.PausePoints;
import io.migbench.engine.internal.Redaction;
import com.zaxxer.hikari.HikariDataSource;
import io.migbench.engine.copy.ConnectionBudget;
import io.migbench.engine.copy.ConnectionPools;
import io.migbench.engine.copy.CopyWorker;
import io.migbench.engine.copy.PartitionCopier;
import io.migbench.engine.copy.PartitionSource;
import io.migbench.engine.copy.RetryPolicy;
import io.migbench.engine.plan.MigrationPlan;
import io.migbench.engine.plan.Partition;
import io.migbench.engine.plan.PartitionOutcome;
import io.migbench.engine.plan.PartitionPlanner;
import io.migbench.engine.plan.SplitSampler;
import io.migbench.engine.plan.TablePlan;
import io.migbench.engine.progress.ProgressTracker;
import io.migbench.engine.schema.FinalizeScheduler;
import io.migbench.engine.schema.NotMigrated;
import io.migbench.engine.schema.SourceSchema;
import io.migbench.engine.schema.TableDef;
import io.migbench.engine.schema.TableFilter;
import io.migbench.engine.schema.TableName;
import io.migbench.engine.schema.TargetFinalizer;
import io.migbench.engine.schema.TargetLateObjects;
import io.migbench.engine.schema.TargetSchemaWriter;
import io.migbench.engine.state.PartitionClaims;
import io.migbench.engine.state.PartitionState;
import io.migbench.engine.state.ResumePlan;
import io.migbench.engine.state.RunRecord;
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
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * One invocation of a migration: its {@link RunPhase} or, by default, all three phases in this process, on one
 * code path. Plan: schema discovery, the partition plan, target tables and the state rows, the run's identity.
 * Copy: a {@link CopyWorker} claiming partitions from the state table until all are done. Finalize: keys, indexes,
 * foreign keys, sequences, ANALYZE, views and verification. In one process a table is finalized as soon as its
 * partitions are all done (beside the copy of the others); separate finalize runs once every partition is done.
 */
final class MigrationRun {
    private static final Logger LOG = LoggerFactory.getLogger(MigrationRun.class);

    /**
     * Every engine session renders dates, times, floats and bytea the same way: range bounds sampled as text in
     * the source mean the same values when replayed in the target, text COPY is unambiguous, checksums compare.
     */
    private static final String FIXED_TEXT_FORMS = String.join("; ", RowDigestSql.SESSION_SETTINGS);
    /** A lost commit of a load is redone by a rerun, so the target sessions do not wait for the WAL flush. */
    private static final String TARGET_COMMIT = "synchronous_commit=off";
    /** How often an idle worker thread and a snapshot-holding plan look at the state table again. */
    private static final Duration POLL = Duration.ofMillis(500);
    /** Partitions named in a refusal of finalize; the rest are counted. */
    private static final int LISTED = 5;

    private final MigrationOptions options;
    private final RunPhase phase;
    private final ProgressListener listener;
    private final StateStore state = new StateStore();
    private final long startNanos = System.nanoTime();
    private final RunTimeline timeline = new RunTimeline(startNanos);
    private double planSeconds;
    private double copySeconds;
    private double indexSeconds;
    private double verifySeconds;
    /** When the last COPY of this run ended; the run's tail is what follows it. */
    private long lastCopyEndNanos;
    /** Whether progress was reported: a run failing before (connection, discovery) reports nothing but its error. */
    private boolean planned;
    private String runId;
    private String sourceVersion;
    private String targetVersion;
    /** What the engine set in its target sessions beyond the server's settings, as "name=value" items. */
    private List<String> targetSessionSettings = List.of();

    MigrationRun(MigrationOptions options, ProgressListener listener) {
        this.options = options;
        this.phase = options.phase();
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
                        List.of(), message, e, sourceVersion, targetVersion, targetSessionSettings, verification(),
                        timeline.events(), runId);
            }
        }
    }

    private MigrationResult migrate(ProgressTracker progress) throws Exception {
        long phaseStart = System.nanoTime();
        // the target first: a refusal (no plan, another invocation's plan, finalize too early) needs no source
        try (HikariDataSource target = connect("target", () -> ConnectionPools.pool(options.target(), "migbench-target",
                targetConnections(), FIXED_TEXT_FORMS + "; SET " + TARGET_COMMIT))) {
            targetVersion = "PostgreSQL " + serverVersion(target);
            RunRecord recorded;
            try (Connection c = target.getConnection()) {
                targetSessionSettings = List.of(TARGET_COMMIT,
                        "index maintenance_work_mem=" + new TargetFinalizer(options.indexMemory()).indexMemory(c));
                ConnectionBudget.check(c, "target", options.tasks(), targetConnections(), targetConnectionsWhy());
                recorded = recordedRun(c);
                if (phase == RunPhase.FINALIZE) {
                    refuseUnfinished(c);
                }
                if (phase == RunPhase.COPY && state.load(c).stream().allMatch(PartitionState::done)) {
                    LOG.info("worker {}: every partition of run {} is done, nothing to copy", options.workerId(), runId);
                    return result(new MigrationPlan(List.of()), Map.of(), null, List.of());
                }
            }
            checkSourceConnections();
            try (SourceDatabase sourceDb = openSource(sourceSnapshot(recorded))) {
                SourceSchema read = sourceDb.schemaReader()
                        .read(options.schemas(), new TableFilter(options.includeTables(), options.excludeTables()));
                SourceSchema schema = options.sampled() ? read.withForeignKeysNotValid() : read;
                sourceVersion = schema.serverVersion();
                if (schema.allTables().isEmpty()) {
                    throw new OptionException(options.includeTables().isEmpty() ? EngineOption.SCHEMAS : EngineOption.TABLES,
                            "selects no tables: schemas " + options.schemas() + ", --tables " + options.includeTables()
                            + ", --exclude " + options.excludeTables());
                }
                planned = true;
                progress.phase(Phase.PLAN, (recorded == null ? "planning " : "reading the plan of ")
                        + schema.tables().size() + " tables");
                ResumePlan prepared = switch (phase) {
                    case PLAN -> freshPlan(target, schema, sourceDb.splitSampler(),
                            options.holdSnapshot() ? sourceDb.sharedSnapshot() : null);
                    case ALL -> options.resume() ? resumePlan(target, schema)
                            : freshPlan(target, schema, sourceDb.splitSampler(), sourceDb.sharedSnapshot());
                    default -> recordedPlan(target, schema);
                };
                planSeconds = seconds(phaseStart);
                logPlan(prepared.plan());
                return switch (phase) {
                    case PLAN -> planResult(progress, target, sourceDb, prepared.plan());
                    case COPY -> copyOnly(progress, target, sourceDb.partitionSource(), prepared);
                    default -> copyFinalizeVerify(progress, target, sourceDb.partitionSource(), prepared, schema);
                };
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

    /** Target connections at most: copy tasks and the lease heartbeat, index builds, one for the run's own reads. */
    private int targetConnections() {
        return switch (phase) {
            case PLAN, STATUS -> 1;
            case COPY -> options.tasks() + 1;
            case FINALIZE -> options.indexTasks() + 1;
            case ALL -> options.tasks() + options.indexTasks() + 1;
        };
    }

    private String targetConnectionsWhy() {
        return switch (phase) {
            case PLAN, STATUS -> "the plan";
            case COPY -> options.tasks() + " copy tasks + 1 lease heartbeat";
            case FINALIZE -> options.indexTasks() + " index tasks + 1";
            case ALL -> options.tasks() + " copy tasks + " + options.indexTasks() + " index tasks + 1 lease heartbeat";
        };
    }

    /** A PostgreSQL source serves one connection per task plus the snapshot coordinator. */
    private void checkSourceConnections() throws SQLException {
        if (!options.source().jdbcUrl().startsWith("jdbc:postgresql:")) {
            return;
        }
        int readers = phase == RunPhase.PLAN ? 0 : options.tasks();
        try (Connection c = connect("source", () -> ConnectionPools.open(options.source()))) {
            ConnectionBudget.check(c, "source", options.tasks(), readers + 1,
                    readers + " copy tasks + 1 snapshot coordinator");
        }
    }

    /**
     * The run this invocation continues, checked against it: for copy and finalize the plan's, for a resume the
     * interrupted run's (whose options may differ: it continues what is recorded); {@code null} for a new plan.
     */
    private RunRecord recordedRun(Connection c) throws SQLException {
        boolean continues = phase == RunPhase.COPY || phase == RunPhase.FINALIZE || options.resume();
        if (!continues) {
            return null;
        }
        Optional<RunRecord> run = state.run(c);
        if (run.isEmpty()) {
            throw options.resume() ? new OptionException(EngineOption.RESUME, "finds no migration state in the target ("
                    + "schema " + StateStore.SCHEMA + "); run without --resume")
                    : new OptionException(EngineOption.PHASE, phaseName() + " finds no plan in the target (schema "
                    + StateStore.SCHEMA + "); run --phase plan first");
        }
        runId = run.get().runId();
        if (!options.resume()) {
            RunIdentity.check(run.get(), options);
        }
        return run.get();
    }

    /** Refuses to finalize while partitions are not done, naming them. */
    private void refuseUnfinished(Connection c) throws SQLException {
        List<PartitionState> all = state.load(c);
        List<PartitionState> missing = all.stream().filter(s -> !s.done()).toList();
        if (missing.isEmpty()) {
            return;
        }
        StringBuilder list = new StringBuilder();
        for (PartitionState s : missing.subList(0, Math.min(LISTED, missing.size()))) {
            list.append(list.isEmpty() ? "" : ", ").append(s.partition().table()).append(" #")
                    .append(s.partition().number()).append(' ').append(s.status());
            if (s.workerId() != null) {
                list.append(" by ").append(s.workerId()).append(s.leaseExpired() ? " (lease expired)" : "");
            }
        }
        if (missing.size() > LISTED) {
            list.append(" and ").append(missing.size() - LISTED).append(" more");
        }
        throw new OptionException(EngineOption.PHASE, "finalize: " + missing.size() + " of " + all.size()
                + " partitions are not done: " + list + "; wait for the copy workers or start more (--phase status"
                + " shows their progress)");
    }

    /**
     * The snapshot this invocation reads the source in when another process holds it, after the consistency rule:
     * copy workers (and a checksum-verifying finalize, which reads rows) read the plan's held snapshot, or a source
     * the user says does not change; anything else could mix rows of different moments.
     */
    private String sourceSnapshot(RunRecord recorded) {
        boolean readsRows = phase == RunPhase.COPY || (phase == RunPhase.FINALIZE && options.verify() == VerifyMode.CHECKSUM);
        if (!readsRows || options.sourceQuiesced() || recorded.sourceQuiesced()) {
            return null;
        }
        if (recorded.snapshot() == null) {
            throw new OptionException(EngineOption.SOURCE_QUIESCED, "is required: the plan (run " + recorded.runId()
                    + ") holds no source snapshot, so " + (phase == RunPhase.COPY ? "workers" : "the checksums")
                    + " could read rows of different moments; copy from a source that does not change (a replica,"
                    + " a restored copy, a stopped application, a SQL Server database snapshot) and pass"
                    + " --source-quiesced, or plan a PostgreSQL source again with --hold-snapshot");
        }
        return recorded.snapshot();
    }

    private SourceDatabase openSource(String snapshot) throws SQLException {
        try {
            return SourceDatabases.open(options, RowDigestSql.SESSION_SETTINGS, snapshot);
        } catch (SQLException e) {
            if (snapshot != null && "22023".equals(e.getSQLState())) {
                throw new OptionException(EngineOption.HOLD_SNAPSHOT, "snapshot " + snapshot + " of run " + runId
                        + " is no longer held (the plan process holding it ended): plan again with --hold-snapshot,"
                        + " or copy from a source that does not change with --source-quiesced", e);
            }
            throw e;
        }
    }

    /** The plan phase's result; with --hold-snapshot only once finalize released the source. */
    private MigrationResult planResult(ProgressTracker progress, HikariDataSource target, SourceDatabase sourceDb,
                                       MigrationPlan plan) throws Exception {
        if (options.holdSnapshot()) {
            progress.phase(Phase.DONE, "planned run " + runId + ": " + plan.partitionCount() + " partitions; holding"
                    + " source snapshot " + sourceDb.sharedSnapshot() + " for the copy workers until finalize starts"
                    + " (Ctrl-C ends it sooner)");
            holdUntilReleased(target, sourceDb);
        }
        List<TableResult> tables = new ArrayList<>();
        for (TablePlan t : plan.tables()) {
            tables.add(new TableResult(t.table().name().schema(), t.table().name().name(),
                    t.table().partition() ? t.table().partitionOf().root().toString() : null,
                    t.partitions().stream().mapToLong(Partition::estimatedRows).sum(),
                    t.partitions().stream().mapToLong(Partition::estimatedBytes).sum(), t.partitions().size(),
                    0, 0, 0, 0, true, null));
        }
        progress.phase(Phase.DONE, "planned");
        return new MigrationResult(MigrationStatus.SUCCEEDED, tables.stream().mapToLong(TableResult::rows).sum(),
                tables.stream().mapToLong(TableResult::bytes).sum(), timings(), tables, List.of(), List.of(), null, null,
                sourceVersion, targetVersion, targetSessionSettings, VerifyMode.NONE, timeline.events(), runId);
    }

    /**
     * Keeps the snapshot's transaction open until finalize records that no phase reads the source any more, or a
     * newer plan replaced this run. A target that cannot be reached meanwhile is asked again (the workers need the
     * snapshot whatever the target does); a source that ended the transaction fails the plan.
     */
    private void holdUntilReleased(HikariDataSource target, SourceDatabase sourceDb) throws Exception {
        while (true) {
            Thread.sleep(POLL.toMillis());
            try {
                sourceDb.confirmSnapshotHeld();
            } catch (SQLException e) {
                throw new MigrationException("the source ended the transaction holding snapshot "
                        + sourceDb.sharedSnapshot() + " (workers importing it now fail; plan again): " + e.getMessage(),
                        null, null, 0, null, e);
            }
            try (Connection c = target.getConnection()) {
                Optional<RunRecord> run = state.run(c);
                if (run.isEmpty() || !run.get().runId().equals(runId)) {
                    LOG.warn("run {} was replaced by another plan in the target: its snapshot is released", runId);
                    return;
                }
                if (run.get().sourceReleased()) {
                    return;
                }
            } catch (SQLException e) {
                LOG.warn("plan holding snapshot {}: reading the target failed, trying again: {}",
                        sourceDb.sharedSnapshot(), e.getMessage());
            }
        }
    }

    /** The copy phase alone: this worker's share of the partitions, no finalization. */
    private MigrationResult copyOnly(ProgressTracker progress, HikariDataSource target, PartitionSource source,
                                     ResumePlan prepared) throws Exception {
        Map<Partition, PartitionOutcome> outcomes = new ConcurrentHashMap<>();
        copy(progress, target, source, prepared, outcomes, null);
        MigrationResult result = result(prepared.plan(), outcomes, null, List.of());
        progress.phase(Phase.DONE, result.status().name());
        return result;
    }

    /**
     * The copy (unless this is the finalize phase) and the finalization: each table's keys, indexes and count check
     * start as soon as its partitions are all done, then foreign keys, views and the verification report.
     */
    private MigrationResult copyFinalizeVerify(ProgressTracker progress, HikariDataSource target,
                                               PartitionSource source, ResumePlan prepared, SourceSchema schema)
            throws Exception {
        MigrationPlan plan = prepared.plan();
        Map<Partition, PartitionOutcome> outcomes = new ConcurrentHashMap<>(prepared.done());
        Verifier verifier = options.verify() == VerifyMode.NONE ? null
                : new Verifier(target, source, options.tasks(), options.verify(), timeline);
        Map<TableName, TablePlan> plans = byName(plan);
        // each table is checked as soon as its data is in, beside its index builds, while other tables still copy
        FinalizeScheduler.AfterCopy check = verifier == null ? FinalizeScheduler.AfterCopy.NOTHING
                : t -> verifier.check(plans.get(t.name()), outcomes);
        try (FinalizeScheduler finalizer = new FinalizeScheduler(target, schema, options.indexTasks(), options.unloggedLoad(),
                options.indexMemory(), timeline, check)) {
            TableCompletions completions = new TableCompletions(target, state, plans, outcomes, finalizer::tableCopied);
            completions.handOverComplete();
            if (phase == RunPhase.FINALIZE) {
                releaseSourceUnlessChecksums(target);
            } else {
                copy(progress, target, source, prepared, outcomes, completions);
                PausePoints.reach("copy-finished");
            }
            completions.handOverComplete();
            progress.phase(Phase.INDEX, "building keys and indexes" + (verifier == null ? ""
                    : ", verifying (" + options.verify().name().toLowerCase(Locale.ROOT) + ") table by table"));
            long phaseStart = System.nanoTime();
            finalizer.finish(Stream.concat(schema.partitionedTables().stream(),
                    plan.tables().stream().map(TablePlan::table)).toList());
            createLateObjects(target, schema);
            indexSeconds = seconds(phaseStart);
        }
        PausePoints.reach("finalized");
        VerificationReport report = null;
        if (verifier != null) {
            progress.phase(Phase.VERIFY, "verified (" + options.verify().name().toLowerCase(Locale.ROOT) + ")");
            long phaseStart = System.nanoTime();
            report = verifier.report();
            verifySeconds = seconds(phaseStart);
        }
        MigrationResult result = result(plan, outcomes, report, schema.notMigrated());
        try (Connection c = target.getConnection()) {
            state.releaseSource(c, runId);
            state.markFinalized(c, runId);
        }
        progress.phase(Phase.DONE, result.status().name());
        return result;
    }

    /** A finalize that reads no more source rows lets a snapshot-holding plan end at once. */
    private void releaseSourceUnlessChecksums(HikariDataSource target) throws SQLException {
        if (options.verify() != VerifyMode.CHECKSUM) {
            try (Connection c = target.getConnection()) {
                state.releaseSource(c, runId);
            }
        }
    }

    /** Runs this process's copy worker until every partition is done; {@code completions} hears of each table's. */
    private void copy(ProgressTracker progress, HikariDataSource target, PartitionSource source, ResumePlan prepared,
                      Map<Partition, PartitionOutcome> outcomes, TableCompletions completions) throws Exception {
        MigrationPlan plan = prepared.plan();
        progress.plan(plan.partitionCount(), prepared.done().size(), plan.estimatedRows(),
                prepared.done().values().stream().mapToLong(PartitionOutcome::sourceRows).sum());
        progress.phase(Phase.COPY, (phase == RunPhase.COPY ? "worker " + options.workerId() + ": " : "")
                + "copying " + plan.partitionCount() + " partitions with " + options.tasks() + " tasks");
        long phaseStart = System.nanoTime();
        PartitionClaims claims = new PartitionClaims(options.workerId(), options.lease());
        CopyWorker worker = new CopyWorker(target,
                new PartitionCopier(target, source, state, claims, options.socketTimeout()), claims, options.tasks(),
                RetryPolicy.of(options.copyAttempts()), POLL);
        worker.run(byName(plan), progress, new CopyWorker.Events() {
            @Override
            public void copied(PartitionOutcome o) {
                outcomes.put(o.partition(), o);
                timeline.record(o.partition().table().toString(), "copy", o.partition().describe(),
                        o.startNanos(), o.endNanos());
                progress.partitionDone();
                if (completions != null) {
                    completions.partitionDone(o.partition().table());
                }
            }

            @Override
            public void waiting() {
                if (completions != null) {
                    // tables whose last partitions other workers copied
                    completions.handOverComplete();
                }
            }
        });
        copySeconds = seconds(phaseStart);
        lastCopyEndNanos = outcomes.values().stream().filter(PartitionOutcome::copiedNow)
                .mapToLong(PartitionOutcome::endNanos).max().orElse(System.nanoTime());
    }

    private static Map<TableName, TablePlan> byName(MigrationPlan plan) {
        Map<TableName, TablePlan> plans = new HashMap<>();
        plan.tables().forEach(t -> plans.put(t.table().name(), t));
        return plans;
    }

    private static void createLateObjects(HikariDataSource target, SourceSchema schema) {
        long started = System.nanoTime();
        try (Connection c = target.getConnection()) {
            TargetLateObjects.create(c, schema);
        } catch (SQLException e) {
            throw new MigrationException("creating views and NOT VALID domain checks failed: " + e.getMessage(), null, null, 0,
                    Duration.ofNanos(System.nanoTime() - started), e);
        }
    }

    /**
     * @param snapshot the source snapshot later phases may import while this process holds it, or {@code null}
     */
    private ResumePlan freshPlan(HikariDataSource target, SourceSchema schema, SplitSampler sampler, String snapshot)
            throws Exception {
        MigrationPlan plan = new PartitionPlanner(options, sampler).plan(schema.tables());
        runId = UUID.randomUUID().toString();
        RunRecord run = new RunRecord(runId, RunIdentity.of(options), snapshot, options.sourceQuiesced(), false);
        try (Connection c = target.getConnection()) {
            c.setAutoCommit(false);
            try {
                // tables and the plan's state rows appear together or not at all, unless the target cannot lock them all
                TargetSchemaWriter writer = new TargetSchemaWriter(options.mode(), options.unloggedLoad());
                try {
                    writer.prepare(c, schema);
                } catch (SQLException e) {
                    if (!TargetSchemaWriter.lockTableFull(e)) {
                        throw e;
                    }
                    c.rollback();
                    int locks = Integer.parseInt(queryString(c, "SELECT current_setting('max_locks_per_transaction')"));
                    // the shared lock table holds at least locks x max_connections; a statement takes up to ~5 (a
                    // table, its TOAST table and index, its indexes when dropped); use a quarter of the table
                    int connections = Integer.parseInt(queryString(c, "SELECT current_setting('max_connections')"));
                    int batch = Math.max(1, locks * connections / 20);
                    LOG.warn("target: creating {} tables in one transaction needs more locks than its lock table holds"
                            + " (max_locks_per_transaction = {}); creating them in transactions of {} statements, so a"
                            + " failure now leaves the tables created so far (--mode drop-recreate replaces them)",
                            schema.allTables().size(), locks, batch);
                    writer.prepareInBatches(c, schema, batch);
                }
                state.replacePlan(c, run, plan);
                c.commit();
                PausePoints.reach("schema-created");
            } catch (Exception e) {
                c.rollback();
                throw e;
            }
        }
        return new ResumePlan(plan, Map.of(), List.of());
    }

    /** The plan a copy worker or finalize continues, exactly as recorded. */
    private ResumePlan recordedPlan(HikariDataSource target, SourceSchema schema) throws SQLException {
        try (Connection c = target.getConnection()) {
            return ResumePlan.from(state.load(c), schema.tables(), EngineOption.PHASE, "plan again");
        }
    }

    private ResumePlan resumePlan(HikariDataSource target, SourceSchema schema) throws SQLException {
        try (Connection c = target.getConnection()) {
            ResumePlan plan = ResumePlan.from(state.load(c), schema.tables(), EngineOption.RESUME,
                    "run again without --resume");
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

    /** Per table, the partitions with an outcome (this worker's share in the copy phase, all of them otherwise). */
    private MigrationResult result(MigrationPlan plan, Map<Partition, PartitionOutcome> outcomes,
                                   VerificationReport report, List<NotMigrated> notMigrated) {
        List<TableResult> tables = new ArrayList<>();
        long totalRows = 0;
        long totalBytes = 0;
        for (TablePlan t : plan.tables()) {
            List<PartitionOutcome> parts = t.partitions().stream().map(outcomes::get).filter(o -> o != null).toList();
            if (parts.isEmpty()) {
                continue;
            }
            long rows = 0;
            long bytes = 0;
            long copiedRows = 0;
            long first = Long.MAX_VALUE;
            long last = Long.MIN_VALUE;
            for (PartitionOutcome o : parts) {
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
                    parts.size(), seconds, seconds > 0 ? rows / seconds : 0, rows,
                    check == null ? copiedRows : check.targetRows(),
                    check == null ? rows == copiedRows : check.countMatch(),
                    check == null ? null : check.checksumMatch()));
            totalRows += rows;
            totalBytes += bytes;
        }
        var mismatches = report == null ? List.<VerificationMismatch>of() : report.mismatches();
        // a worker alone checks the rows each COPY stored (finalize verifies the tables)
        boolean acknowledged = phase != RunPhase.COPY || tables.stream().allMatch(TableResult::countMatch);
        MigrationStatus status = mismatches.isEmpty() && acknowledged ? MigrationStatus.SUCCEEDED
                : MigrationStatus.VERIFICATION_FAILED;
        String error = !mismatches.isEmpty() ? redact("verification failed: " + mismatches.size()
                + " difference(s); first: " + mismatches.get(0))
                : acknowledged ? null : "verification failed: rows the target acknowledged differ from the rows the source sent";
        return new MigrationResult(status, totalRows, totalBytes, timings(), tables, mismatches, notMigrated, error, null,
                sourceVersion, targetVersion, targetSessionSettings, verification(), timeline.events(), runId);
    }

    /** A copy worker checks what it can alone: the rows each COPY stored against the rows the source sent. */
    private VerifyMode verification() {
        return phase == RunPhase.COPY ? VerifyMode.ACKNOWLEDGED : phase == RunPhase.PLAN ? VerifyMode.NONE : options.verify();
    }

    private String phaseName() {
        return phase.name().toLowerCase(Locale.ROOT);
    }

    private void logPlan(MigrationPlan plan) {
        Map<String, Integer> kinds = new LinkedHashMap<>();
        plan.tables().forEach(t -> kinds.merge(t.kind().name(), 1, Integer::sum));
        LOG.info("plan: {} tables, {} partitions, tables by split kind {}", plan.tables().size(),
                plan.partitionCount(), kinds);
    }

    private PhaseTimings timings() {
        long end = System.nanoTime();
        return new PhaseTimings(planSeconds, copySeconds, indexSeconds, verifySeconds,
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

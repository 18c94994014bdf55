package io.migbench.engine.verify;

import io.migbench.engine.MigrationException;
import io.migbench.engine.internal.PausePoints;
import io.migbench.engine.VerificationMismatch;
import io.migbench.engine.VerifyMode;
import io.migbench.engine.plan.PartitionOutcome;
import io.migbench.engine.plan.MigrationPlan;
import io.migbench.engine.plan.Partition;
import io.migbench.engine.plan.PartitionKind;
import io.migbench.engine.plan.RangeSql;
import io.migbench.engine.plan.TablePlan;
import io.migbench.engine.RunTimeline;
import io.migbench.engine.schema.TableName;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Compares target with source. ACKNOWLEDGED: each partition's rows as the source sent them against the rows the
 * target acknowledged for its committed COPY. COUNT: that, and each table's {@code count(*)} in the target against
 * the source total (drilling down to key ranges to name a bad range). CHECKSUM: {@link RowDigestSql} per partition on
 * both sides; ctid ranges exist only in the source, so those tables compare the sum of their source partitions with
 * the whole target table. Tables can be checked one by one as they are finalized ({@link #check}) or all at once
 * ({@link #verify}); {@link #report} collects both.
 */
public final class Verifier {
    private final DataSource target;
    private final SourceDigests source;
    private final int tasks;
    private final VerifyMode mode;
    private final RunTimeline timeline;
    private final Map<TableName, TableCheck> checks = Collections.synchronizedMap(new HashMap<>());
    private final List<VerificationMismatch> mismatches = Collections.synchronizedList(new ArrayList<>());

    public Verifier(DataSource target, SourceDigests source, int tasks, VerifyMode mode, RunTimeline timeline) {
        this.target = target;
        this.source = source;
        this.tasks = tasks;
        this.mode = mode;
        this.timeline = timeline;
    }

    /** Checks every table of the plan on {@code tasks} threads and returns the report. */
    public VerificationReport verify(MigrationPlan plan, Map<Partition, PartitionOutcome> outcomes)
            throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(tasks);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (TablePlan t : plan.tables()) {
                futures.add(pool.submit(() -> check(t, outcomes)));
            }
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    throw e.getCause() instanceof MigrationException m ? m
                            : new MigrationException("verification failed: " + e.getCause(), null, null, 0, null, e.getCause());
                }
            }
        } finally {
            pool.shutdownNow();
        }
        return report();
    }

    /**
     * Checks one table whose partitions all have outcomes; thread-safe.
     *
     * @throws MigrationException naming the table when a query fails
     */
    public void check(TablePlan t, Map<Partition, PartitionOutcome> outcomes) {
        PausePoints.reach("verify-table");
        long started = System.nanoTime();
        try {
            TableCheck check = mode == VerifyMode.CHECKSUM ? checksum(t, outcomes)
                    : count(t, outcomes, mode == VerifyMode.COUNT);
            checks.put(t.table().name(), check);
        } catch (SQLException e) {
            throw new MigrationException("verification (" + mode.name().toLowerCase(java.util.Locale.ROOT) + ") failed: "
                    + e.getMessage(), t.table().name().toString(), null, 0,
                    java.time.Duration.ofNanos(System.nanoTime() - started), e);
        }
        timeline.record(t.table().name().toString(), mode.name().toLowerCase(java.util.Locale.ROOT), "", started,
                System.nanoTime());
    }

    /** The checks so far, mismatches sorted by table and range. */
    public VerificationReport report() {
        List<VerificationMismatch> sorted = new ArrayList<>(mismatches);
        sorted.sort(java.util.Comparator.comparing(VerificationMismatch::table).thenComparing(VerificationMismatch::range));
        synchronized (checks) {
            return new VerificationReport(new HashMap<>(checks), sorted);
        }
    }

    private TableCheck count(TablePlan t, Map<Partition, PartitionOutcome> outcomes, boolean countTarget)
            throws SQLException {
        String name = t.table().name().toString();
        long sourceRows = 0;
        long copiedRows = 0;
        boolean match = true;
        for (Partition p : t.partitions()) {
            PartitionOutcome o = outcomes.get(p);
            sourceRows += o.sourceRows();
            copiedRows += o.targetRows();
            if (o.sourceRows() != o.targetRows()) {
                match = false;
                mismatches.add(new VerificationMismatch(name, p.describe(), o.sourceRows() + " rows",
                        o.targetRows() + " rows stored by COPY"));
            }
        }
        if (!countTarget) {
            return new TableCheck(sourceRows, copiedRows, match, null);
        }
        long targetRows = countTarget(t, null);
        if (targetRows != sourceRows) {
            match = false;
            if (t.kind() == PartitionKind.KEY_RANGE) {
                for (Partition p : t.partitions()) {
                    long found = countTarget(t, p);
                    long expected = outcomes.get(p).sourceRows();
                    if (found != expected) {
                        mismatches.add(new VerificationMismatch(name, p.describe(), expected + " rows", found + " rows"));
                    }
                }
            } else {
                mismatches.add(new VerificationMismatch(name, "whole table", sourceRows + " rows", targetRows + " rows"));
            }
        }
        return new TableCheck(sourceRows, targetRows, match, null);
    }

    private TableCheck checksum(TablePlan t, Map<Partition, PartitionOutcome> outcomes) throws SQLException {
        String name = t.table().name().toString();
        RowDigest sourceTotal = RowDigest.empty();
        RowDigest targetTotal = RowDigest.empty();
        boolean countMatch = true;
        boolean sumMatch = true;
        for (Partition p : t.partitions()) {
            RowDigest s = source.digest(t, p);
            sourceTotal = sourceTotal.plus(s);
            if (t.rangesExistInTarget()) {
                RowDigest d = digestTarget(t, p);
                targetTotal = targetTotal.plus(d);
                if (!s.equals(d)) {
                    countMatch &= s.rows() == d.rows();
                    sumMatch &= s.checksum().compareTo(d.checksum()) == 0;
                    mismatches.add(new VerificationMismatch(name, p.describe(), describe(s), describe(d)));
                }
            }
            PartitionOutcome o = outcomes.get(p);
            if (o != null && o.sourceRows() != s.rows()) {
                countMatch = false;
                mismatches.add(new VerificationMismatch(name, p.describe() + " (copy vs source now)",
                        s.rows() + " rows", o.sourceRows() + " rows copied"));
            }
        }
        if (!t.rangesExistInTarget()) {
            targetTotal = digestTarget(t, null);
            if (!sourceTotal.equals(targetTotal)) {
                countMatch = sourceTotal.rows() == targetTotal.rows();
                sumMatch = sourceTotal.checksum().compareTo(targetTotal.checksum()) == 0;
                mismatches.add(new VerificationMismatch(name, "whole table", describe(sourceTotal), describe(targetTotal)));
            }
        }
        return new TableCheck(sourceTotal.rows(), targetTotal.rows(), countMatch, sumMatch && countMatch);
    }

    private static String describe(RowDigest d) {
        return d.rows() + " rows, checksum " + d.checksum().toPlainString();
    }

    /** {@code count(*)} of a partition in the target ({@code p == null}: the whole table). */
    private long countTarget(TablePlan t, Partition p) throws SQLException {
        try (Connection c = target.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM " + t.table().name().quoted()
                     + (p == null ? "" : RangeSql.whereClause(t.table(), p)))) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Digest of a partition in the target ({@code p == null}: the whole table). */
    private RowDigest digestTarget(TablePlan t, Partition p) throws SQLException {
        try (Connection c = target.getConnection()) {
            return DigestQuery.run(c, RowDigestSql.countAndChecksum(t.table().quotedAllColumns(),
                    t.table().name().quoted(), p == null ? null : RangeSql.predicate(t.table(), p)));
        }
    }
}

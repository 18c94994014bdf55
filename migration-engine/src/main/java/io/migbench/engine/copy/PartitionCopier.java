package io.migbench.engine.copy;

import io.migbench.engine.plan.PartitionOutcome;
import io.migbench.engine.CopyFormat;
import io.migbench.engine.MigrationException;
import io.migbench.engine.PausePoints;
import io.migbench.engine.plan.Partition;
import io.migbench.engine.plan.PartitionKind;
import io.migbench.engine.plan.RangeSql;
import io.migbench.engine.plan.TablePlan;
import io.migbench.engine.state.StateStore;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.PGCopyOutputStream;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Copies one partition into the target in one transaction: clear what the partition may already hold,
 * {@code COPY ... FROM STDIN} fed by the source stream, mark the partition done, commit. Whole-table copies
 * truncate first so that {@code COPY ... FREEZE} applies (rows written frozen: no later hint-bit or
 * anti-wraparound rewrite of the table).
 */
public final class PartitionCopier {
    /** Bytes buffered before a CopyData message goes to the target: large messages, bounded memory per task. */
    private static final int WRITE_BUFFER = 256 * 1024;

    private final DataSource target;
    private final PartitionSource source;
    private final StateStore state;
    private final Set<PGConnection> running = ConcurrentHashMap.newKeySet();
    private final Duration socketTimeout;

    /**
     * @param socketTimeout longest wait for the target during a copy (e.g. for COPY's completion or the commit),
     *                      {@link Duration#ZERO} for none: a stopped or unreachable target fails the partition
     *                      instead of hanging the run
     */
    public PartitionCopier(DataSource target, PartitionSource source, StateStore state, Duration socketTimeout) {
        this.target = target;
        this.source = source;
        this.state = state;
        this.socketTimeout = socketTimeout;
    }

    /**
     * Copies a partition again after a failed attempt: if that attempt's COMMIT went through before its connection
     * broke, the partition is marked done and its recorded counts are returned instead of copying twice; else its
     * range is cleared (as on resume) and copied whole again.
     */
    public PartitionOutcome copyAgain(TablePlan table, Partition p, CopyCounter counter) {
        long now = System.nanoTime();
        try (Connection c = target.getConnection()) {
            var done = state.doneCounts(c, p);
            if (done.isPresent()) {
                long[] n = done.get();
                return new PartitionOutcome(p, n[0], n[1], n[2], now, now);
            }
        } catch (SQLException e) {
            throw new MigrationException("copy failed: cannot read the partition's state: " + e.getMessage(),
                    table.table().name().toString(), p.describe(), 0, Duration.ZERO, e);
        }
        return copy(table, p, true, counter);
    }

    /**
     * @param clearRange delete the partition's key range first (a resumed run, where an earlier attempt may
     *                   have left rows; whole-table partitions are always truncated)
     */
    public PartitionOutcome copy(TablePlan table, Partition p, boolean clearRange, CopyCounter counter) {
        long started = System.nanoTime();
        AtomicLong rowsSoFar = new AtomicLong();
        AtomicLong bytesSoFar = new AtomicLong();
        CopyCounter counting = (rows, bytes) -> {
            rowsSoFar.addAndGet(rows);
            bytesSoFar.addAndGet(bytes);
            counter.copied(rows, bytes);
        };
        try (Connection c = target.getConnection()) {
            PGConnection pg = c.unwrap(PGConnection.class);
            // the pool restores the connection's own timeout when it is returned
            c.setNetworkTimeout(Runnable::run, (int) socketTimeout.toMillis());
            running.add(pg);
            c.setAutoCommit(false);
            try {
                boolean whole = p.kind() == PartitionKind.WHOLE_TABLE;
                prepare(c, table, p, whole, clearRange);
                CopyIn in = pg.getCopyAPI().copyIn("COPY " + table.table().name().quoted()
                        + " (" + String.join(", ", table.table().quotedCopiedColumns()) + ") FROM STDIN"
                        + options(table.format(), whole));
                PGCopyOutputStream sink = new PGCopyOutputStream(in, WRITE_BUFFER);
                long sourceRows;
                long targetRows;
                try {
                    sourceRows = source.copy(table, p, sink, counting);
                    targetRows = sink.endCopy();
                } finally {
                    if (sink.isActive()) {
                        sink.cancelCopy();
                    }
                }
                PausePoints.reach("partition-streamed");
                state.markDone(c, p, sourceRows, targetRows, bytesSoFar.get());
                c.commit();
                return new PartitionOutcome(p, sourceRows, targetRows, bytesSoFar.get(), started, System.nanoTime());
            } catch (Exception e) {
                rollbackQuietly(c);
                throw e;
            } finally {
                running.remove(pg);
            }
        } catch (Exception e) {
            counter.copied(-rowsSoFar.get(), -bytesSoFar.get());
            throw new MigrationException("copy failed: " + e.getMessage(), table.table().name().toString(),
                    p.describe(), rowsSoFar.get(), Duration.ofNanos(System.nanoTime() - started), e);
        }
    }

    /**
     * Cancels the copies in flight (after another partition failed, so the run fails fast instead of finishing
     * partitions whose work would be discarded). Each cancelled COPY fails and rolls back.
     */
    public void cancelRunning() {
        for (PGConnection pg : running) {
            try {
                pg.cancelQuery();
            } catch (SQLException ignored) {
                // the copy is ending anyway
            }
        }
    }

    private static void prepare(Connection c, TablePlan table, Partition p, boolean whole, boolean clearRange)
            throws SQLException {
        try (Statement st = c.createStatement()) {
            if (whole) {
                st.execute("TRUNCATE " + table.table().name().quoted());
            } else if (clearRange && p.kind() == PartitionKind.KEY_RANGE) {
                st.execute("DELETE FROM " + table.table().name().quoted() + RangeSql.whereClause(table.table(), p));
            }
        }
    }

    private static String options(CopyFormat format, boolean freeze) {
        if (format == CopyFormat.BINARY) {
            return freeze ? " (FORMAT binary, FREEZE)" : " (FORMAT binary)";
        }
        return freeze ? " (FREEZE)" : "";
    }

    private static void rollbackQuietly(Connection c) {
        try {
            c.rollback();
        } catch (SQLException ignored) {
            // broken connection: the server rolls the transaction back when the session ends
        }
    }
}

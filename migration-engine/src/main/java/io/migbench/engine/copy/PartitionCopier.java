package io.migbench.engine.copy;

import io.migbench.engine.plan.PartitionOutcome;
import io.migbench.engine.CopyFormat;
import io.migbench.engine.MigrationException;
import io.migbench.engine.internal.PausePoints;
import io.migbench.engine.plan.Partition;
import io.migbench.engine.plan.PartitionKind;
import io.migbench.engine.plan.RangeSql;
import io.migbench.engine.plan.TablePlan;
import io.migbench.engine.state.Claim;
import io.migbench.engine.state.PartitionClaims;
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
 * Copies one claimed partition into the target in one transaction: clear what the partition may already hold,
 * {@code COPY ... FROM STDIN} fed by the source stream, mark the partition done (only while the claim holds), commit. Whole-table copies
 * truncate first so that {@code COPY ... FREEZE} applies (rows written frozen: no later hint-bit or
 * anti-wraparound rewrite of the table).
 */
public final class PartitionCopier {
    /** Bytes buffered before a CopyData message goes to the target: large messages, bounded memory per task. */
    private static final int WRITE_BUFFER = 256 * 1024;

    private final DataSource target;
    private final PartitionSource source;
    private final StateStore state;
    private final PartitionClaims claims;
    private final Set<PGConnection> running = ConcurrentHashMap.newKeySet();
    private final Duration socketTimeout;

    /**
     * @param socketTimeout longest wait for the target during a copy (e.g. for COPY's completion or the commit),
     *                      {@link Duration#ZERO} for none: a stopped or unreachable target fails the partition
     *                      instead of hanging the run
     */
    public PartitionCopier(DataSource target, PartitionSource source, StateStore state, PartitionClaims claims,
                           Duration socketTimeout) {
        this.target = target;
        this.source = source;
        this.state = state;
        this.claims = claims;
        this.socketTimeout = socketTimeout;
    }

    /**
     * Copies a claimed partition again after a failed attempt, on a new connection: if that attempt's COMMIT went
     * through before its connection broke, the partition is done and its recorded counts are returned instead of
     * copying twice; else its range is cleared and copied whole again.
     *
     * @throws ClaimLostException when another worker took the partition over meanwhile
     */
    public PartitionOutcome copyAgain(Claim claim, TablePlan table, CopyCounter counter) {
        long now = System.nanoTime();
        Partition p = claim.partition();
        try (Connection c = target.getConnection()) {
            var done = state.doneCounts(c, p);
            if (done.isPresent()) {
                long[] n = done.get();
                return new PartitionOutcome(p, n[0], n[1], n[2], now, now);
            }
            if (!claims.rebind(c, claim)) {
                throw new ClaimLostException(claim);
            }
            return copy(c, claim, table, true, counter);
        } catch (SQLException e) {
            throw new MigrationException("copy failed: cannot read the partition's state: " + e.getMessage(),
                    table.table().name().toString(), p.describe(), 0, Duration.ZERO, e);
        }
    }

    /**
     * Copies a claimed partition on {@code c}, the connection that claimed it, and marks it done in the transaction
     * that commits its rows. A partition claimed before (by a worker that died or lost its lease) has its key range
     * deleted first; a whole-table partition is always truncated first. (A ctid range cannot be selected in the
     * target: no rows of an unfinished partition can be there, since rows and mark commit together.)
     *
     * @throws ClaimLostException when another worker took the partition over before the commit (nothing committed)
     */
    public PartitionOutcome copy(Connection c, Claim claim, TablePlan table, CopyCounter counter) {
        return copy(c, claim, table, claim.earlierClaims() > 0, counter);
    }

    private PartitionOutcome copy(Connection c, Claim claim, TablePlan table, boolean clearRange, CopyCounter counter) {
        Partition p = claim.partition();
        long started = System.nanoTime();
        AtomicLong rowsSoFar = new AtomicLong();
        AtomicLong bytesSoFar = new AtomicLong();
        CopyCounter counting = (rows, bytes) -> {
            rowsSoFar.addAndGet(rows);
            bytesSoFar.addAndGet(bytes);
            counter.copied(rows, bytes);
        };
        boolean lost = false;
        try {
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
                if (state.markDone(c, claim, sourceRows, targetRows, bytesSoFar.get())) {
                    c.commit();
                    return new PartitionOutcome(p, sourceRows, targetRows, bytesSoFar.get(), started, System.nanoTime());
                }
                lost = true;
                c.rollback();
                c.setAutoCommit(true);
                claims.recordLost(c, claim);
                throw new ClaimLostException(claim);
            } catch (Exception e) {
                if (!lost) {
                    rollbackQuietly(c);
                }
                throw e;
            } finally {
                running.remove(pg);
            }
        } catch (ClaimLostException e) {
            counter.copied(-rowsSoFar.get(), -bytesSoFar.get());
            throw e;
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

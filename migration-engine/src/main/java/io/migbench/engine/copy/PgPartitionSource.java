package io.migbench.engine.copy;

import com.zaxxer.hikari.HikariDataSource;
import io.migbench.engine.CopyFormat;
import io.migbench.engine.plan.Partition;
import io.migbench.engine.plan.PartitionKind;
import io.migbench.engine.plan.RangeSql;
import io.migbench.engine.plan.TablePlan;
import io.migbench.engine.schema.Sql;
import io.migbench.engine.verify.DigestQuery;
import io.migbench.engine.verify.RowDigest;
import io.migbench.engine.verify.RowDigestSql;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyOut;

import java.io.IOException;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A PostgreSQL source: {@code COPY ... TO STDOUT} passed through byte for byte, no decoding.
 * Every read runs in a REPEATABLE READ transaction importing the coordinator's exported snapshot, so all
 * tasks see one consistent source.
 */
public final class PgPartitionSource implements PartitionSource {
    /** Progress is published every this many COPY messages, not per row (keeps the hot loop free of atomics). */
    private static final int PUBLISH_EVERY = 4096;

    private final HikariDataSource pool;
    private final String snapshotId;
    private final java.time.Duration socketTimeout;

    /**
     * @param snapshotId    from {@code pg_export_snapshot()}, or {@code null} for no shared snapshot
     * @param socketTimeout longest silence of the source during a COPY ({@code ZERO}: none), so a stopped or
     *                      unreachable source fails the partition instead of hanging the run
     */
    public PgPartitionSource(HikariDataSource pool, String snapshotId, java.time.Duration socketTimeout) {
        this.pool = pool;
        this.snapshotId = snapshotId;
        this.socketTimeout = socketTimeout;
    }

    @Override
    public long copy(TablePlan table, Partition partition, OutputStream sink, CopyCounter counter)
            throws SQLException, IOException {
        String sql = copyOutSql(table, partition);
        try (Connection c = pool.getConnection()) {
            // the pool restores the connection's own timeout when it is returned
            c.setNetworkTimeout(Runnable::run, (int) socketTimeout.toMillis());
            boolean committed = false;
            beginSnapshot(c);
            try {
                CopyOut out = c.unwrap(PGConnection.class).getCopyAPI().copyOut(sql);
                long rows;
                try {
                    long messages = 0;
                    long bytes = 0;
                    int pending = 0;
                    byte[] chunk;
                    while ((chunk = out.readFromCopy()) != null) {
                        sink.write(chunk);
                        bytes += chunk.length;
                        if (++pending == PUBLISH_EVERY) {
                            counter.copied(pending, bytes);
                            messages += pending;
                            pending = 0;
                            bytes = 0;
                        }
                    }
                    messages += pending;
                    rows = out.getHandledRowCount();
                    // one COPY message per row (binary adds a trailer message): correct to the exact count
                    counter.copied(pending + rows - messages, bytes);
                } finally {
                    if (out.isActive()) {
                        out.cancelCopy();
                    }
                }
                execute(c, "COMMIT");
                committed = true;
                return rows;
            } finally {
                if (!committed) {
                    rollbackQuietly(c);
                }
            }
        }
    }

    /**
     * The source statement of a partition. A whole table is read with plain {@code COPY t (cols)}: a table scan
     * without the executor's query machinery, and like {@code ONLY} it never includes rows of child tables.
     */
    public static String copyOutSql(TablePlan table, Partition partition) {
        String columns = String.join(", ", table.table().quotedCopiedColumns());
        String from = partition.kind() == PartitionKind.WHOLE_TABLE
                ? "COPY " + table.table().name().quoted() + " (" + columns + ")"
                : "COPY (SELECT " + columns + " FROM " + table.table().name().onlyQuoted()
                  + RangeSql.whereClause(table.table(), partition) + ")";
        return from + " TO STDOUT" + (table.format() == CopyFormat.BINARY ? " (FORMAT binary)" : "");
    }

    @Override
    public RowDigest digest(TablePlan table, Partition partition) throws SQLException {
        String sql = RowDigestSql.countAndChecksum(table.table().quotedAllColumns(), table.table().name().onlyQuoted(),
                RangeSql.predicate(table.table(), partition));
        try (Connection c = pool.getConnection()) {
            beginSnapshot(c);
            try {
                return DigestQuery.run(c, sql);
            } finally {
                rollbackQuietly(c);
            }
        }
    }

    private void beginSnapshot(Connection c) throws SQLException {
        execute(c, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
        if (snapshotId != null) {
            execute(c, "SET TRANSACTION SNAPSHOT " + Sql.literal(snapshotId));
        }
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    private static void rollbackQuietly(Connection c) {
        try {
            execute(c, "ROLLBACK");
        } catch (SQLException ignored) {
            // the connection is broken; the pool discards it and the server ends the transaction
        }
    }

    @Override
    public void close() {
        pool.close();
    }
}

package io.migbench.engine.state;

import io.migbench.engine.CopyFormat;
import io.migbench.engine.plan.MigrationPlan;
import io.migbench.engine.plan.Partition;
import io.migbench.engine.plan.PartitionKind;
import io.migbench.engine.plan.TablePlan;
import io.migbench.engine.schema.TableName;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Resume bookkeeping in the target, table {@code migbench.partition_state}: one row per partition with its exact
 * bounds and status. A partition is marked done in the same transaction that commits its rows, so a kill can
 * never leave rows without the mark or the mark without the rows.
 */
public final class StateStore {
    public static final String SCHEMA = "migbench";
    static final String TABLE = "migbench.partition_state";

    /** Creates the state table if needed and replaces any earlier run's rows by this plan (pending). */
    public void replacePlan(Connection c, String runId, MigrationPlan plan) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("CREATE SCHEMA IF NOT EXISTS " + SCHEMA);
            st.execute("CREATE TABLE IF NOT EXISTS " + TABLE + " (schema_name text NOT NULL, table_name text NOT NULL,"
                    + " part_no integer NOT NULL, kind text NOT NULL, copy_format text NOT NULL,"
                    + " lower_bound text[], upper_bound text[], est_rows bigint NOT NULL, est_bytes bigint NOT NULL,"
                    + " status text NOT NULL, source_rows bigint, target_rows bigint, bytes bigint,"
                    + " run_id text NOT NULL, updated_at timestamptz NOT NULL DEFAULT now(),"
                    + " PRIMARY KEY (schema_name, table_name, part_no))");
            st.execute("DELETE FROM " + TABLE);
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + TABLE + " (schema_name, table_name, part_no,"
                + " kind, copy_format, lower_bound, upper_bound, est_rows, est_bytes, status, run_id)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?)")) {
            for (TablePlan t : plan.tables()) {
                for (Partition p : t.partitions()) {
                    ps.setString(1, p.table().schema());
                    ps.setString(2, p.table().name());
                    ps.setInt(3, p.number());
                    ps.setString(4, p.kind().name());
                    ps.setString(5, t.format().name());
                    ps.setArray(6, array(c, p.lower()));
                    ps.setArray(7, array(c, p.upper()));
                    ps.setLong(8, p.estimatedRows());
                    ps.setLong(9, p.estimatedBytes());
                    ps.setString(10, runId);
                    ps.addBatch();
                }
            }
            ps.executeBatch();
        }
    }

    /** Every recorded partition, or an empty list when the target holds no migration state. */
    public List<PartitionState> load(Connection c) throws SQLException {
        List<PartitionState> out = new ArrayList<>();
        try (Statement st = c.createStatement();
             ResultSet exists = st.executeQuery("SELECT to_regclass('" + TABLE + "') IS NOT NULL")) {
            exists.next();
            if (!exists.getBoolean(1)) {
                return out;
            }
        }
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT schema_name, table_name, part_no, kind, copy_format, lower_bound,"
                     + " upper_bound, est_rows, est_bytes, status, source_rows, target_rows, bytes FROM " + TABLE
                     + " ORDER BY schema_name, table_name, part_no")) {
            while (rs.next()) {
                Partition p = new Partition(new TableName(rs.getString(1), rs.getString(2)), rs.getInt(3),
                        PartitionKind.valueOf(rs.getString(4)), list(rs.getArray(6)), list(rs.getArray(7)),
                        rs.getLong(8), rs.getLong(9));
                out.add(new PartitionState(p, CopyFormat.valueOf(rs.getString(5)), "done".equals(rs.getString(10)),
                        rs.getLong(11), rs.getLong(12), rs.getLong(13)));
            }
        }
        return out;
    }

    /**
     * The recorded outcome of a partition if its rows are committed (a retry after a connection lost during
     * COMMIT must not copy them twice), else empty.
     */
    public java.util.Optional<long[]> doneCounts(Connection c, Partition p) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT source_rows, target_rows, bytes FROM " + TABLE
                + " WHERE schema_name = ? AND table_name = ? AND part_no = ? AND status = 'done'")) {
            ps.setString(1, p.table().schema());
            ps.setString(2, p.table().name());
            ps.setInt(3, p.number());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? java.util.Optional.of(new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)})
                        : java.util.Optional.empty();
            }
        }
    }

    /** Marks a partition done; call inside the transaction that commits its rows. */
    public void markDone(Connection c, Partition p, long sourceRows, long targetRows, long bytes) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + TABLE + " SET status = 'done', source_rows = ?,"
                + " target_rows = ?, bytes = ?, updated_at = now() WHERE schema_name = ? AND table_name = ? AND part_no = ?")) {
            ps.setLong(1, sourceRows);
            ps.setLong(2, targetRows);
            ps.setLong(3, bytes);
            ps.setString(4, p.table().schema());
            ps.setString(5, p.table().name());
            ps.setInt(6, p.number());
            if (ps.executeUpdate() != 1) {
                throw new SQLException("no state row for " + p.table() + " partition " + p.number());
            }
        }
    }

    /** Marks every partition of a table pending again (its rows are being discarded in the same transaction). */
    public void resetTable(Connection c, TableName table) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + TABLE + " SET status = 'pending',"
                + " source_rows = NULL, target_rows = NULL, bytes = NULL, updated_at = now()"
                + " WHERE schema_name = ? AND table_name = ?")) {
            ps.setString(1, table.schema());
            ps.setString(2, table.name());
            ps.executeUpdate();
        }
    }

    private static Array array(Connection c, List<String> values) throws SQLException {
        return values == null ? null : c.createArrayOf("text", values.toArray());
    }

    private static List<String> list(Array a) throws SQLException {
        return a == null ? null : List.of((String[]) a.getArray());
    }
}

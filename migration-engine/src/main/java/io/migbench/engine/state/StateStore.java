package io.migbench.engine.state;

import io.migbench.engine.CopyFormat;
import io.migbench.engine.plan.MigrationPlan;
import io.migbench.engine.plan.Partition;
import io.migbench.engine.plan.PartitionKind;
import io.migbench.engine.plan.PartitionOutcome;
import io.migbench.engine.plan.TablePlan;
import io.migbench.engine.schema.TableName;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The migration's bookkeeping in the target, schema {@code migbench}: {@code run} (the plan's identity and how
 * the workers read a consistent source), {@code partition_state} (one row per partition: exact bounds, status
 * {@code pending | copying | done}, the claim of the worker copying it) and {@code partition_history} (every claim,
 * completion and release). A partition is marked done in the same transaction that commits its rows, and only by
 * the worker that still holds its claim, so no partition's rows commit twice and none commit without the mark.
 */
public final class StateStore {
    public static final String SCHEMA = "migbench";
    static final String RUN = "migbench.run";
    static final String TABLE = "migbench.partition_state";
    static final String HISTORY = "migbench.partition_history";
    private static final String KEY = "schema_name = ? AND table_name = ? AND part_no = ?";

    /** Replaces any earlier run's bookkeeping by this plan (every partition pending); call inside the plan's transaction. */
    public void replacePlan(Connection c, RunRecord run, MigrationPlan plan) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("CREATE SCHEMA IF NOT EXISTS " + SCHEMA);
            // an earlier run's tables may have another layout: they are the earlier run's and go with it
            st.execute("DROP TABLE IF EXISTS " + HISTORY + ", " + TABLE + ", " + RUN);
            st.execute("CREATE TABLE " + RUN + " (run_id text PRIMARY KEY, identity text[] NOT NULL, snapshot text,"
                    + " source_quiesced boolean NOT NULL, planned_at timestamptz NOT NULL DEFAULT now(),"
                    + " source_released_at timestamptz, finalized_at timestamptz)");
            st.execute("CREATE TABLE " + TABLE + " (schema_name text NOT NULL, table_name text NOT NULL,"
                    + " part_no integer NOT NULL, kind text NOT NULL, copy_format text NOT NULL,"
                    + " lower_bound text[], upper_bound text[], est_rows bigint NOT NULL, est_bytes bigint NOT NULL,"
                    + " status text NOT NULL CHECK (status IN ('pending', 'copying', 'done')),"
                    + " source_rows bigint, target_rows bigint, bytes bigint,"
                    + " claims integer NOT NULL DEFAULT 0, worker_id text, worker_session text, holder_pid integer,"
                    + " holder_started timestamptz, lease_until timestamptz, heartbeat_at timestamptz,"
                    + " run_id text NOT NULL, updated_at timestamptz NOT NULL DEFAULT now(),"
                    + " PRIMARY KEY (schema_name, table_name, part_no))");
            st.execute("CREATE TABLE " + HISTORY + " (event_no bigserial PRIMARY KEY, schema_name text NOT NULL,"
                    + " table_name text NOT NULL, part_no integer NOT NULL, event text NOT NULL, worker_id text NOT NULL,"
                    + " worker_session text NOT NULL, at timestamptz NOT NULL DEFAULT clock_timestamp(), rows bigint,"
                    + " detail text)");
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + RUN
                + " (run_id, identity, snapshot, source_quiesced) VALUES (?, ?, ?, ?)")) {
            ps.setString(1, run.runId());
            ps.setArray(2, c.createArrayOf("text", run.identity().toArray()));
            ps.setString(3, run.snapshot());
            ps.setBoolean(4, run.sourceQuiesced());
            ps.executeUpdate();
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
                    ps.setString(10, run.runId());
                    ps.addBatch();
                }
            }
            ps.executeBatch();
        }
    }

    /** The recorded run, or empty when the target holds none (nothing planned, or a layout older than workers). */
    public Optional<RunRecord> run(Connection c) throws SQLException {
        if (!exists(c, RUN)) {
            return Optional.empty();
        }
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT run_id, identity, snapshot,"
                + " source_quiesced, source_released_at IS NOT NULL FROM " + RUN)) {
            if (!rs.next()) {
                return Optional.empty();
            }
            return Optional.of(new RunRecord(rs.getString(1), list(rs.getArray(2)), rs.getString(3), rs.getBoolean(4),
                    rs.getBoolean(5)));
        }
    }

    /** Records that no phase reads the source any more: a plan process holding the snapshot may end. */
    public void releaseSource(Connection c, String runId) throws SQLException {
        update(c, "UPDATE " + RUN + " SET source_released_at = now() WHERE run_id = ? AND source_released_at IS NULL", runId);
    }

    public void markFinalized(Connection c, String runId) throws SQLException {
        update(c, "UPDATE " + RUN + " SET finalized_at = now() WHERE run_id = ?", runId);
    }

    /** Every recorded partition, or an empty list when the target holds no migration state. */
    public List<PartitionState> load(Connection c) throws SQLException {
        List<PartitionState> out = new ArrayList<>();
        if (!exists(c, TABLE)) {
            return out;
        }
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT schema_name, table_name, part_no, kind, copy_format, lower_bound,"
                     + " upper_bound, est_rows, est_bytes, status, source_rows, target_rows, bytes, worker_id,"
                     + " lease_until < now() FROM " + TABLE + " ORDER BY schema_name, table_name, part_no")) {
            while (rs.next()) {
                Partition p = new Partition(new TableName(rs.getString(1), rs.getString(2)), rs.getInt(3),
                        PartitionKind.valueOf(rs.getString(4)), list(rs.getArray(6)), list(rs.getArray(7)),
                        rs.getLong(8), rs.getLong(9));
                out.add(new PartitionState(p, CopyFormat.valueOf(rs.getString(5)), rs.getString(10),
                        rs.getLong(11), rs.getLong(12), rs.getLong(13), rs.getString(14), rs.getBoolean(15)));
            }
        }
        return out;
    }

    /** The recorded outcomes of the done partitions of {@code table}. */
    public Map<Partition, PartitionOutcome> doneOutcomes(Connection c, TablePlan table) throws SQLException {
        Map<Integer, Partition> byNumber = new HashMap<>();
        table.partitions().forEach(p -> byNumber.put(p.number(), p));
        Map<Partition, PartitionOutcome> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT part_no, source_rows, target_rows, bytes FROM " + TABLE
                + " WHERE schema_name = ? AND table_name = ? AND status = 'done'")) {
            ps.setString(1, table.table().name().schema());
            ps.setString(2, table.table().name().name());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Partition p = byNumber.get(rs.getInt(1));
                    out.put(p, new PartitionOutcome(p, rs.getLong(2), rs.getLong(3), rs.getLong(4), 0, 0));
                }
            }
        }
        return out;
    }

    /** Tables whose partitions are all done. */
    public List<TableName> completeTables(Connection c) throws SQLException {
        List<TableName> out = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT schema_name, table_name FROM "
                + TABLE + " GROUP BY schema_name, table_name HAVING bool_and(status = 'done')")) {
            while (rs.next()) {
                out.add(new TableName(rs.getString(1), rs.getString(2)));
            }
        }
        return out;
    }

    /** Whether every partition of {@code table} is done. */
    public boolean tableComplete(Connection c, TableName table) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT coalesce(bool_and(status = 'done'), false) FROM " + TABLE
                + " WHERE schema_name = ? AND table_name = ?")) {
            ps.setString(1, table.schema());
            ps.setString(2, table.name());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    /**
     * The recorded outcome of a partition if its rows are committed (a retry after a connection lost during
     * COMMIT must not copy them twice), else empty.
     */
    public Optional<long[]> doneCounts(Connection c, Partition p) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT source_rows, target_rows, bytes FROM " + TABLE
                + " WHERE " + KEY + " AND status = 'done'")) {
            key(ps, 1, p);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)})
                        : Optional.empty();
            }
        }
    }

    /**
     * Marks a partition done if {@code claim} still holds it; call inside the transaction that commits its rows.
     *
     * @return false when the claim was lost (its lease expired and another worker claimed the partition): the
     *         caller must roll back
     */
    public boolean markDone(Connection c, Claim claim, long sourceRows, long targetRows, long bytes) throws SQLException {
        Partition p = claim.partition();
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + TABLE + " SET status = 'done', source_rows = ?,"
                + " target_rows = ?, bytes = ?, lease_until = NULL, updated_at = now()"
                + " WHERE " + KEY + " AND status = 'copying' AND worker_session = ?")) {
            ps.setLong(1, sourceRows);
            ps.setLong(2, targetRows);
            ps.setLong(3, bytes);
            key(ps, 4, p);
            ps.setString(7, claim.session());
            if (ps.executeUpdate() != 1) {
                return false;
            }
        }
        history(c, p, "done", claim.workerId(), claim.session(), targetRows, null);
        return true;
    }

    /** Marks every partition of a table pending again (its rows are being discarded in the same transaction). */
    public void resetTable(Connection c, TableName table) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + TABLE + " SET status = 'pending',"
                + " source_rows = NULL, target_rows = NULL, bytes = NULL, worker_id = NULL, worker_session = NULL,"
                + " holder_pid = NULL, lease_until = NULL, updated_at = now() WHERE schema_name = ? AND table_name = ?")) {
            ps.setString(1, table.schema());
            ps.setString(2, table.name());
            ps.executeUpdate();
        }
    }

    static void history(Connection c, Partition p, String event, String workerId, String session, Long rows,
                        String detail) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + HISTORY + " (schema_name, table_name, part_no,"
                + " event, worker_id, worker_session, rows, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            key(ps, 1, p);
            ps.setString(4, event);
            ps.setString(5, workerId);
            ps.setString(6, session);
            if (rows == null) {
                ps.setNull(7, java.sql.Types.BIGINT);
            } else {
                ps.setLong(7, rows);
            }
            ps.setString(8, detail);
            ps.executeUpdate();
        }
    }

    static void key(PreparedStatement ps, int first, Partition p) throws SQLException {
        ps.setString(first, p.table().schema());
        ps.setString(first + 1, p.table().name());
        ps.setInt(first + 2, p.number());
    }

    private static boolean exists(Connection c, String table) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    private static void update(Connection c, String sql, String runId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, runId);
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

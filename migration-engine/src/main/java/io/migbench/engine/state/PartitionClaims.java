package io.migbench.engine.state;

import io.migbench.engine.plan.Partition;
import io.migbench.engine.plan.PartitionKind;
import io.migbench.engine.schema.TableName;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * One worker process's claims on partitions. A claim is taken with {@code SELECT … FOR UPDATE SKIP LOCKED} (so
 * workers never wait on each other), biggest partition first, and holds a lease the worker's heartbeat renews. A
 * {@code copying} partition is claimable again when its lease ran out (the worker was stopped or cut off) or when
 * the target connection that would commit its rows is gone (the worker was killed: its transaction rolled back),
 * so a killed worker's partitions are taken over at once and a hung or partitioned one's after its lease.
 */
public final class PartitionClaims {
    /** A copying partition whose rows can no longer be committed by its holder. */
    static final String ABANDONED = "(s.lease_until < now() OR NOT EXISTS (SELECT 1 FROM pg_stat_activity a"
            + " WHERE a.pid = s.holder_pid AND (a.backend_start IS NULL OR a.backend_start = s.holder_started)))";
    /** This connection's backend, which the claim names as the one that will commit the rows. */
    private static final String HOLDER = "holder_pid = pg_backend_pid(), holder_started = (SELECT backend_start"
            + " FROM pg_stat_activity WHERE pid = pg_backend_pid())";

    private final String workerId;
    private final String session = UUID.randomUUID().toString();
    private final Duration lease;

    public PartitionClaims(String workerId, Duration lease) {
        this.workerId = workerId;
        this.lease = lease;
    }

    public String workerId() {
        return workerId;
    }

    public Duration lease() {
        return lease;
    }

    /**
     * Claims the biggest claimable partition for the connection {@code c}, which is to copy it (its backend is
     * recorded as the holder), in a transaction of its own. After a failure the caller discards {@code c}.
     */
    public Optional<Claim> claimNext(Connection c) throws SQLException {
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        Optional<Claim> claim;
        try {
            claim = claim(c);
            c.commit();
        } catch (SQLException | RuntimeException e) {
            // a connection lost mid-claim is closed by the pool, so its rollback fails too ("Connection is closed",
            // no SQLState): the claim's own failure, whose SQLState decides a retry, is the one thrown
            try {
                c.rollback();
            } catch (SQLException rollbackFailed) {
                e.addSuppressed(rollbackFailed);
            }
            throw e;
        }
        c.setAutoCommit(autoCommit);
        return claim;
    }

    private Optional<Claim> claim(Connection c) throws SQLException {
        Partition p;
        int earlier;
        String previous;
        String why;
        try (PreparedStatement ps = c.prepareStatement("SELECT schema_name, table_name, part_no, kind, lower_bound,"
                + " upper_bound, est_rows, est_bytes, claims, worker_id,"
                + " CASE WHEN status = 'pending' THEN NULL WHEN lease_until < now() THEN 'its lease expired'"
                + " ELSE 'its connection ended' END FROM " + StateStore.TABLE + " s"
                + " WHERE s.status = 'pending' OR (s.status = 'copying' AND " + ABANDONED + ")"
                + " ORDER BY s.est_bytes DESC, s.schema_name, s.table_name, s.part_no LIMIT 1 FOR UPDATE OF s SKIP LOCKED");
             ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                return Optional.empty();
            }
            p = new Partition(new TableName(rs.getString(1), rs.getString(2)), rs.getInt(3),
                    PartitionKind.valueOf(rs.getString(4)), list(rs.getArray(5)), list(rs.getArray(6)), rs.getLong(7),
                    rs.getLong(8));
            earlier = rs.getInt(9);
            previous = rs.getString(10);
            why = rs.getString(11);
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + StateStore.TABLE + " SET status = 'copying',"
                + " claims = claims + 1, worker_id = ?, worker_session = ?, " + HOLDER + ","
                + " lease_until = now() + make_interval(secs => ?), heartbeat_at = now(), updated_at = now()"
                + " WHERE schema_name = ? AND table_name = ? AND part_no = ?")) {
            ps.setString(1, workerId);
            ps.setString(2, session);
            ps.setDouble(3, lease.toMillis() / 1000.0);
            StateStore.key(ps, 4, p);
            ps.executeUpdate();
        }
        StateStore.history(c, p, earlier == 0 ? "claimed" : "reclaimed", workerId, session, null,
                previous == null ? null : "from " + previous + ": " + why);
        return Optional.of(new Claim(p, workerId, session, earlier, previous));
    }

    /**
     * Makes {@code c}'s backend the claim's holder (a retry copies on a new connection).
     *
     * @return false when the claim was lost to another worker meanwhile
     */
    public boolean rebind(Connection c, Claim claim) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + StateStore.TABLE + " SET " + HOLDER
                + " WHERE schema_name = ? AND table_name = ? AND part_no = ? AND status = 'copying' AND worker_session = ?")) {
            StateStore.key(ps, 1, claim.partition());
            ps.setString(4, session);
            return ps.executeUpdate() == 1;
        }
    }

    /** The heartbeat: extends the lease of every partition this process is copying; returns how many. */
    public int renew(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + StateStore.TABLE + " SET lease_until = now()"
                + " + make_interval(secs => ?), heartbeat_at = now() WHERE worker_session = ? AND status = 'copying'")) {
            ps.setDouble(1, lease.toMillis() / 1000.0);
            ps.setString(2, session);
            return ps.executeUpdate();
        }
    }

    /** Gives a partition back (its copy failed and rolled back), so any worker may claim it. */
    public void release(Connection c, Claim claim, String why) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + StateStore.TABLE + " SET status = 'pending',"
                + " worker_id = NULL, worker_session = NULL, holder_pid = NULL, lease_until = NULL, updated_at = now()"
                + " WHERE schema_name = ? AND table_name = ? AND part_no = ? AND status = 'copying' AND worker_session = ?")) {
            StateStore.key(ps, 1, claim.partition());
            ps.setString(4, session);
            if (ps.executeUpdate() == 1) {
                StateStore.history(c, claim.partition(), "released", workerId, session, null, why);
            }
        }
    }

    /** Records that the claim was lost before its rows committed (they were rolled back). */
    public void recordLost(Connection c, Claim claim) throws SQLException {
        StateStore.history(c, claim.partition(), "lost", workerId, session, null,
                "another worker claimed it after this worker's lease expired; rows rolled back");
    }

    /** How many partitions are not done (claimable or held by some worker). */
    public long notDone(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM " + StateStore.TABLE
                + " WHERE status <> 'done'"); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static List<String> list(Array a) throws SQLException {
        return a == null ? null : List.of((String[]) a.getArray());
    }
}

package io.migbench.harness.measure;

import io.migbench.harness.results.WaitProfile;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Counts what one PostgreSQL server's working backends wait on, one pg_stat_activity poll at a time, over its own
 * monitoring connection. A backend counts when it runs a statement in the trial's database (state active); the
 * monitoring backend itself and idle ones do not. Rows of other users' sessions that the monitoring role may not
 * see have a null state and so never pass as CPU.
 */
final class BackendWaits implements AutoCloseable {
    static final String APPLICATION_NAME = "migbench wait sampler";
    private static final String QUERY = "SELECT coalesce(wait_event_type || '/' || wait_event, '" + WaitProfile.CPU
            + "') FROM pg_stat_activity WHERE pid <> pg_backend_pid() AND datname = current_database()"
            + " AND backend_type = 'client backend' AND state = 'active'";

    private final String role;
    private final Connection connection;
    private final PreparedStatement poll;
    private final Map<String, Long> counts = new LinkedHashMap<>();
    private String failure;

    private BackendWaits(String role, Connection connection, PreparedStatement poll) {
        this.role = role;
        this.connection = connection;
        this.poll = poll;
    }

    static BackendWaits open(MonitoredServer server) throws SQLException {
        Connection c = server.database().open();
        try {
            c.setAutoCommit(true);
            try (Statement st = c.createStatement()) {
                st.execute("SET application_name = '" + APPLICATION_NAME + "'");
            }
            PreparedStatement poll = c.prepareStatement(QUERY);
            poll.setQueryTimeout(5);
            return new BackendWaits(server.role(), c, poll);
        } catch (SQLException | RuntimeException e) {
            c.close();
            throw e;
        }
    }

    /** One poll; after a failure (the server died) this server is no longer sampled and the failure is kept. */
    synchronized void sample() {
        if (failure != null) {
            return;
        }
        try (ResultSet rs = poll.executeQuery()) {
            while (rs.next()) {
                counts.merge(rs.getString(1), 1L, Long::sum);
            }
        } catch (SQLException e) {
            failure = role + " waits: sampling stopped: " + e.getMessage() + " (SQLState " + e.getSQLState() + ")";
        }
    }

    synchronized WaitProfile profile() {
        return WaitProfile.ofCounts(counts);
    }

    /** Why sampling stopped early, or null. */
    synchronized String failure() {
        return failure;
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            // the server may be gone; the connection is released either way
        }
    }
}

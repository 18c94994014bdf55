package io.migbench.harness.db.external;

import io.migbench.engine.internal.Redaction;
import io.migbench.harness.db.DatabaseEngine;
import io.migbench.harness.db.DatabaseInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Applies a profile's settings to an external PostgreSQL server the only way migbench can without restarting it:
 * {@code ALTER SYSTEM SET} and {@code pg_reload_conf()}. A setting that needs a restart is an error, not a silent
 * no-op. The settings stay in the server's postgresql.auto.conf; trials.csv records the values the server reports.
 */
final class ReloadedSettings {
    private static final Logger LOG = LoggerFactory.getLogger(ReloadedSettings.class);

    private ReloadedSettings() {}

    static void apply(DatabaseInstance server) {
        if (server.engine() != DatabaseEngine.POSTGRESQL) {
            throw new IllegalArgumentException("settings: " + server.name() + " is SQL Server; only PostgreSQL settings can be reloaded");
        }
        Map<String, String> settings = server.spec().serverSettings();
        try (Connection c = server.connect(); Statement st = c.createStatement()) {
            for (Map.Entry<String, String> e : settings.entrySet()) {
                // ALTER SYSTEM takes no bind parameters; the name is checked by InstanceSpec, the value quoted here
                st.execute("ALTER SYSTEM SET " + e.getKey() + " = '" + e.getValue().replace("'", "''") + "'");
            }
            st.execute("SELECT pg_reload_conf()");
        } catch (SQLException e) {
            throw failure(server, settings, e);
        }
        try (Connection c = server.connect()) {
            List<String> needRestart = pendingRestart(c, settings);
            if (!needRestart.isEmpty()) {
                throw new IllegalArgumentException("settings: " + needRestart + " of the external " + server.name()
                        + " server take effect only after a restart, which migbench does not do; restart it yourself or "
                        + "remove them (they are now in its postgresql.auto.conf)");
            }
            LOG.info("applied to the external {} server by ALTER SYSTEM + reload: {}", server.name(), settings);
        } catch (SQLException e) {
            throw failure(server, settings, e);
        }
    }

    private static IllegalStateException failure(DatabaseInstance server, Map<String, String> settings, SQLException e) {
        return new IllegalStateException("applying " + settings.keySet() + " to the external " + server.name() + " server at "
                + Redaction.redactUrl(server.jdbcUrl()) + " failed: " + e.getMessage() + " (SQLState " + e.getSQLState() + ")", e);
    }

    private static List<String> pendingRestart(Connection c, Map<String, String> settings) throws SQLException {
        List<String> out = new ArrayList<>();
        // a session started after the reload (the postmaster re-read the files before forking it)
        try (PreparedStatement ps = c.prepareStatement("SELECT name FROM pg_settings WHERE pending_restart AND name = ANY (?)")) {
            ps.setArray(1, c.createArrayOf("text", settings.keySet().toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }
}

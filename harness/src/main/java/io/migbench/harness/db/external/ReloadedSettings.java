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
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies a profile's settings to an external PostgreSQL server the only way migbench can without restarting it:
 * {@code ALTER SYSTEM SET} and {@code pg_reload_conf()}. A setting that needs a restart is an error, not a silent
 * no-op. trials.csv records the values the server reports. What postgresql.auto.conf held for those names before is
 * remembered and written back when the instance closes, so a sweep leaves the user's server as it found it.
 */
final class ReloadedSettings {
    private static final Logger LOG = LoggerFactory.getLogger(ReloadedSettings.class);

    private ReloadedSettings() {}

    /**
     * Applies the instance's settings and returns what postgresql.auto.conf held for them before (a name absent from
     * the map had no entry there), for {@link #revert}. A setting that needs a restart is reverted at once and refused.
     */
    static Map<String, String> apply(DatabaseInstance server) {
        if (server.engine() != DatabaseEngine.POSTGRESQL) {
            throw new IllegalArgumentException("settings: " + server.name() + " is SQL Server; only PostgreSQL settings can be reloaded");
        }
        Map<String, String> settings = server.spec().serverSettings();
        Map<String, String> before;
        try (Connection c = server.connect(); Statement st = c.createStatement()) {
            before = autoConfEntries(c, settings);
            for (Map.Entry<String, String> e : settings.entrySet()) {
                st.execute(alterSystemSet(e.getKey(), e.getValue()));
            }
            st.execute("SELECT pg_reload_conf()");
        } catch (SQLException e) {
            throw failure(server, settings, e);
        }
        try (Connection c = server.connect()) {
            List<String> needRestart = pendingRestart(c, settings);
            if (!needRestart.isEmpty()) {
                revert(server, before);
                throw new IllegalArgumentException("settings: " + needRestart + " of the external " + server.name()
                        + " server take effect only after a restart, which migbench does not do; restart it yourself "
                        + "with them or remove them from the profile");
            }
            LOG.info("applied to the external {} server by ALTER SYSTEM + reload: {}", server.name(), settings);
        } catch (SQLException e) {
            throw failure(server, settings, e);
        }
        return before;
    }

    /** Writes back what {@link #apply} found in postgresql.auto.conf: the earlier value, or RESET where there was none. */
    static void revert(DatabaseInstance server, Map<String, String> before) {
        Map<String, String> settings = server.spec().serverSettings();
        try (Connection c = server.connect(); Statement st = c.createStatement()) {
            for (String name : settings.keySet()) {
                st.execute(before.containsKey(name) ? alterSystemSet(name, before.get(name)) : "ALTER SYSTEM RESET " + name);
            }
            st.execute("SELECT pg_reload_conf()");
            LOG.info("restored the external {} server's settings {} to what they were before the sweep", server.name(),
                    settings.keySet());
        } catch (SQLException e) {
            throw failure(server, settings, e);
        }
    }

    private static String alterSystemSet(String name, String value) {
        // ALTER SYSTEM takes no bind parameters; the name is checked by InstanceSpec, the value quoted here
        return "ALTER SYSTEM SET " + name + " = '" + value.replace("'", "''") + "'";
    }

    private static Map<String, String> autoConfEntries(Connection c, Map<String, String> settings) throws SQLException {
        Map<String, String> out = new HashMap<>();
        // the last entry of a name in the file is the one that applies
        try (PreparedStatement ps = c.prepareStatement("SELECT name, setting FROM pg_file_settings "
                + "WHERE sourcefile LIKE '%postgresql.auto.conf' AND name = ANY (?) ORDER BY seqno")) {
            ps.setArray(1, c.createArrayOf("text", settings.keySet().toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        return out;
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

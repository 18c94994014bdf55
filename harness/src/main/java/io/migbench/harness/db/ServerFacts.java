package io.migbench.harness.db;

import io.migbench.engine.internal.Redaction;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Reads version and effective settings from a running server; one place for both engines. */
public final class ServerFacts {
    /** PostgreSQL settings always recorded, besides those the profile sets. */
    public static final List<String> POSTGRES_SETTINGS = List.of("max_connections", "shared_buffers", "work_mem",
            "maintenance_work_mem", "effective_cache_size", "max_wal_size", "checkpoint_timeout", "synchronous_commit",
            "fsync", "full_page_writes", "wal_level", "max_worker_processes", "max_parallel_workers");
    /** SQL Server configuration options always recorded. */
    public static final List<String> SQLSERVER_SETTINGS = List.of("max server memory (MB)",
            "max degree of parallelism", "cost threshold for parallelism", "network packet size (B)");

    private ServerFacts() {}

    public static String version(DatabaseInstance instance) {
        String sql = instance.engine() == DatabaseEngine.POSTGRESQL
                ? "SHOW server_version"
                : "SELECT CAST(SERVERPROPERTY('ProductVersion') AS nvarchar(128))";
        try (Connection c = instance.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            throw failure(instance, "reading the server version", e);
        }
    }

    /** The named settings plus the standard ones, as the server reports them now. */
    public static Map<String, String> effectiveSettings(DatabaseInstance instance, Collection<String> requested) {
        boolean pg = instance.engine() == DatabaseEngine.POSTGRESQL;
        Set<String> names = new LinkedHashSet<>(pg ? POSTGRES_SETTINGS : SQLSERVER_SETTINGS);
        requested.forEach(n -> names.add(pg ? n.toLowerCase(Locale.ROOT) : n));
        String sql = pg
                ? "SELECT name, current_setting(name) FROM pg_settings WHERE name = ANY (?) ORDER BY name"
                : "SELECT name, CAST(value_in_use AS nvarchar(128)) FROM sys.configurations ORDER BY name";
        Map<String, String> out = new LinkedHashMap<>();
        try (Connection c = instance.connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            if (pg) {
                ps.setArray(1, c.createArrayOf("text", names.toArray()));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (names.contains(rs.getString(1))) {
                        out.put(rs.getString(1), rs.getString(2));
                    }
                }
            }
            return out;
        } catch (SQLException e) {
            throw failure(instance, "reading settings", e);
        }
    }

    public static boolean isAlive(DatabaseInstance instance) {
        try (Connection c = instance.connect(); Statement st = c.createStatement()) {
            st.setQueryTimeout(5);
            st.execute("SELECT 1");
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    private static IllegalStateException failure(DatabaseInstance instance, String what, SQLException e) {
        String message = Redaction.redact(e.getMessage(), List.of(instance.password()));
        return new IllegalStateException(what + " of " + instance.name() + " at " + Redaction.redactUrl(instance.jdbcUrl())
                + " failed (SQLState " + e.getSQLState() + "): " + message, e);
    }
}

package io.migbench.harness.sweep;

import io.migbench.engine.internal.Redaction;
import io.migbench.engine.schema.Sql;
import io.migbench.harness.db.DatabaseInstance;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/**
 * The database on the target server that trials migrate into, and how it is emptied between trials: recreated
 * (a server migbench started, or a scratch database on an external server), or left to the engine to drop what
 * it migrates (an external database the scenario explicitly overwrites).
 */
final class TargetDatabase {
    private static final int MAX_NAME = 63;

    private final DatabaseInstance server;
    private final String name;
    private final boolean recreated;
    private final boolean scratch;
    private boolean created;

    private TargetDatabase(DatabaseInstance server, String name, boolean recreated, boolean scratch) {
        this.server = server;
        this.name = name;
        this.recreated = recreated;
        this.scratch = scratch;
    }

    /** A database on a server migbench started: dropped and recreated per trial. */
    static TargetDatabase owned(DatabaseInstance server, String name) {
        return new TargetDatabase(server, name, true, false);
    }

    /** A scratch database on an external server: created by migbench, recreated per trial, dropped at the end. */
    static TargetDatabase scratch(DatabaseInstance server, String name) {
        return new TargetDatabase(server, name, true, true);
    }

    /** The database the external target's URL names; the engine drops and recreates the tables it migrates. */
    static TargetDatabase overwritten(DatabaseInstance server) {
        return new TargetDatabase(server, null, false, false);
    }

    /** {@code migbench_<run-id>_<platform>}, folded to a plain PostgreSQL identifier of at most 63 bytes. */
    static String scratchName(String runId, String platform) {
        String folded = ("migbench_" + runId + "_" + platform).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        return folded.length() <= MAX_NAME ? folded : folded.substring(0, MAX_NAME);
    }

    String url() {
        return name == null ? server.jdbcUrl() : server.jdbcUrl(name);
    }

    /** The database's name, or {@code null} for the one the URL names. */
    String name() {
        return name;
    }

    boolean recreated() {
        return recreated;
    }

    /** An empty database for the next trial. A scratch name taken by someone else's database is never dropped. */
    void reset() throws SQLException {
        if (!recreated) {
            return;
        }
        try (Connection c = server.connect(); Statement st = c.createStatement()) {
            if (scratch && !created && exists(c, name)) {
                throw new IllegalStateException("database " + name + " already exists on the target server at "
                        + Redaction.redactUrl(server.jdbcUrl()) + " and is not this run's scratch database; drop it or "
                        + "choose another run id");
            }
            st.execute("DROP DATABASE IF EXISTS " + Sql.ident(name) + " WITH (FORCE)");
            st.execute("CREATE DATABASE " + Sql.ident(name));
            created = true;
        }
    }

    /** Drops a scratch database this run created; the others stay for inspection or belong to the user. */
    void drop() {
        if (!scratch || !created) {
            return;
        }
        try (Connection c = server.connect(); Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + Sql.ident(name) + " WITH (FORCE)");
            created = false;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot drop the scratch database " + name + " on the target server at "
                    + Redaction.redactUrl(server.jdbcUrl()) + ": " + e.getMessage() + " (SQLState " + e.getSQLState() + ")", e);
        }
    }

    static boolean exists(Connection c, String database) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            ps.setString(1, database);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }
}

package io.migbench.harness.db;

import io.migbench.harness.db.accounting.ResourceCounters;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;

/**
 * A running database, addressed by JDBC URL plus credentials. {@link #close()} stops it and removes everything
 * it left behind (processes, cgroups, data directory, container); for an external server it only forgets it.
 * Implementations never include the password in {@code toString()} or in any message.
 */
public interface DatabaseInstance extends AutoCloseable {

    /** What the instance was started from: name, limits, server settings. */
    InstanceSpec spec();

    /** The instance's name from its spec ("source", "target"). */
    default String name() {
        return spec().name();
    }

    DatabaseEngine engine();

    /** JDBC URL of the default database (postgres / master); never contains the password. */
    String jdbcUrl();

    /** JDBC URL of another database on the same server; never contains the password. */
    String jdbcUrl(String database);

    String user();

    /** The password; keep it out of logs, messages and results. */
    String password();

    /** Server version as reported by the server itself (e.g. "16.4"). */
    String version();

    /** What was really enforced, as read back after the last (re)start. */
    EnforcedLimits enforcedLimits();

    /** The spec's server settings as the running server reports them (SHOW / pg_settings, sys.configurations). */
    default Map<String, String> effectiveSettings() {
        return ServerFacts.effectiveSettings(this, spec().serverSettings().keySet());
    }

    /**
     * The server's cumulative CPU and I/O counters now, for a trial to difference; unavailable where migbench
     * cannot see the server's processes.
     */
    default ResourceCounters resourceCounters() {
        return ResourceCounters.unavailable("this backend has no process accounting");
    }

    /** Whether the server answers a query now. */
    default boolean isAlive() {
        return ServerFacts.isAlive(this);
    }

    /** Stops (or reaps a dead server) and starts again on the same data, re-applying the limits. */
    void restart();

    /** Stops the server and removes everything it left behind. */
    @Override
    void close();

    default Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), user(), password());
    }

    default Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), user(), password());
    }
}

package io.migbench.engine.sqlserver;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.migbench.engine.internal.Redaction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Properties;

/**
 * Opens SQL Server connections tuned for bulk range reads, with the {@link SourceIsolation} applied.
 *
 * <p>Driver properties: {@code selectMethod=direct} (no server cursor: the rows stream in one result),
 * {@code responseBuffering=adaptive} (the driver buffers only what the current row needs, so memory stays flat
 * with large values), {@code packetSize=32767} (the TDS maximum; peers measured ~25% faster reads than with the
 * 8000-byte default), {@code applicationName=migbench}. Values the user put in the URL win.
 *
 * <p>The isolation level is resolved once (asking {@code sys.databases} costs ~0.5 s on Babelfish) and range
 * reads share a pool ({@link #readPool}): a login per partition costs another ~0.15 s there.
 */
public final class SqlServerConnections {
    /** mssql-jdbc's {@code ISQLServerConnection.TRANSACTION_SNAPSHOT}. */
    static final int TRANSACTION_SNAPSHOT = 4096;
    private static final Logger LOG = LoggerFactory.getLogger(SqlServerConnections.class);

    private final String url;
    private final String user;
    private final String password;
    private final SourceIsolation isolation;
    private Integer resolvedIsolation;

    public SqlServerConnections(String url, String user, String password, SourceIsolation isolation) {
        if (url == null || !url.startsWith("jdbc:sqlserver:")) {
            throw new IllegalArgumentException("--source-url must be a jdbc:sqlserver: URL, got "
                    + (url == null ? "nothing" : Redaction.redactUrl(url)));
        }
        this.url = url;
        this.user = user;
        this.password = password;
        this.isolation = isolation;
    }

    /** The driver properties this class adds unless the URL sets them. */
    public static Properties readTuning() {
        Properties p = new Properties();
        p.setProperty("selectMethod", "direct");
        p.setProperty("responseBuffering", "adaptive");
        p.setProperty("packetSize", "32767");
        p.setProperty("applicationName", "migbench");
        return p;
    }

    /** A connection for range reads: tuned, read-only, with the resolved isolation level. */
    public Connection openForReading() throws SQLException {
        Properties props = tuningNotInUrl();
        if (user != null) {
            props.setProperty("user", user);
        }
        if (password != null) {
            props.setProperty("password", password);
        }
        Connection c = DriverManager.getConnection(url, props);
        try {
            c.setReadOnly(true);
            c.setTransactionIsolation(isolationFor(c));
            return c;
        } catch (SQLException | RuntimeException e) {
            c.close();
            throw e;
        }
    }

    /**
     * A pool of {@code size} connections like {@link #openForReading()}'s, for the range reads of {@code size}
     * copy tasks. A connection aborted to stop its reader must be {@linkplain HikariDataSource#evictConnection
     * evicted}, not closed back into the pool.
     */
    public HikariDataSource readPool(int size) throws SQLException {
        HikariConfig config = new HikariConfig();
        config.setPoolName("migbench-mssql-read");
        config.setJdbcUrl(url);
        if (user != null) {
            config.setUsername(user);
        }
        if (password != null) {
            config.setPassword(password);
        }
        config.setDataSourceProperties(tuningNotInUrl());
        config.setReadOnly(true);
        config.setTransactionIsolation(Integer.toString(resolvedIsolation()));
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(0);
        config.setAutoCommit(true);
        // a range read of a big table runs long; a lifetime rotation must not hit a connection mid-read
        config.setMaxLifetime(0);
        config.setConnectionTimeout(30_000);
        return new HikariDataSource(config);
    }

    private Properties tuningNotInUrl() {
        Properties props = readTuning();
        String lowerUrl = url.toLowerCase(java.util.Locale.ROOT);
        for (String key : readTuning().stringPropertyNames()) {
            if (lowerUrl.contains(";" + key.toLowerCase(java.util.Locale.ROOT) + "=")) {
                props.remove(key);
            }
        }
        return props;
    }

    private synchronized int resolvedIsolation() throws SQLException {
        if (resolvedIsolation == null) {
            openForReading().close(); // resolves it
        }
        return resolvedIsolation;
    }

    /** {@link #resolveIsolation} on the first connection; the database's setting does not change during a run. */
    private synchronized int isolationFor(Connection c) throws SQLException {
        if (resolvedIsolation == null) {
            resolvedIsolation = resolveIsolation(c);
        }
        return resolvedIsolation;
    }

    /** The JDBC isolation level {@link #isolation} means for this database. */
    int resolveIsolation(Connection c) throws SQLException {
        return switch (isolation) {
            case READ_COMMITTED -> Connection.TRANSACTION_READ_COMMITTED;
            case READ_UNCOMMITTED -> {
                LOG.warn("reading SQL Server with READ UNCOMMITTED as requested: rows changed during the copy may "
                        + "be missed or read twice");
                yield Connection.TRANSACTION_READ_UNCOMMITTED;
            }
            case SNAPSHOT -> {
                if (!snapshotAllowed(c)) {
                    throw new IllegalArgumentException("--source-isolation snapshot: database " + database(c)
                            + " has ALLOW_SNAPSHOT_ISOLATION OFF (ALTER DATABASE ... SET ALLOW_SNAPSHOT_ISOLATION ON, "
                            + "or use auto / read-committed)");
                }
                yield TRANSACTION_SNAPSHOT;
            }
            case AUTO -> snapshotAllowed(c) ? TRANSACTION_SNAPSHOT : Connection.TRANSACTION_READ_COMMITTED;
        };
    }

    static boolean snapshotAllowed(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT snapshot_isolation_state FROM sys.databases WHERE name = DB_NAME()");
             ResultSet rs = ps.executeQuery()) {
            return rs.next() && rs.getInt(1) == 1;
        }
    }

    private static String database(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT DB_NAME()"); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getString(1);
        }
    }
}

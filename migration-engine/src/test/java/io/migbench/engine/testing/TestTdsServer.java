package io.migbench.engine.testing;

import org.junit.jupiter.api.Assumptions;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.mssqlserver.MSSQLServerContainer;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The TDS server the SQL Server end-to-end tests run against, the first of:
 * <ol>
 *   <li>a running server named by {@code MIGBENCH_MSSQL_URL} (a {@code jdbc:sqlserver:} URL),
 *   {@code MIGBENCH_MSSQL_USER} and {@code MIGBENCH_MSSQL_PASSWORD}: SQL Server or Babelfish (its PostgreSQL side,
 *   for independent checks, from {@code MIGBENCH_BABELFISH_PG_URL});</li>
 *   <li>a container of the SQL Server image {@code MIGBENCH_MSSQL_IMAGE} (Testcontainers).</li>
 * </ol>
 * Without either the calling test is skipped with the reason, never failed. Each test class asks for fresh
 * databases (login needs CREATE DATABASE) and drops them when done.
 */
public final class TestTdsServer implements AutoCloseable {
    /** {@code WITH d(x)}: the digits 0..9, to make rows by cross joins; only VALUES, so any TDS server has it. */
    public static final String DIGITS = "WITH d(x) AS (SELECT x FROM (VALUES (0),(1),(2),(3),(4),(5),(6),(7),(8),(9)) v(x)) ";
    private static final AtomicInteger DATABASES = new AtomicInteger();

    private final String url;
    private final String user;
    private final String password;
    private final MSSQLServerContainer container;
    private final TdsCapabilities capabilities;
    private final List<String> created = new ArrayList<>();

    private TestTdsServer(String url, String user, String password, MSSQLServerContainer container) throws SQLException {
        this.url = url;
        this.user = user;
        this.password = password;
        this.container = container;
        this.capabilities = readCapabilities();
    }

    /** The configured server, or a skipped test naming what is missing. */
    public static TestTdsServer start() throws SQLException {
        String url = System.getenv("MIGBENCH_MSSQL_URL");
        if (url != null && !url.isBlank()) {
            Assumptions.assumeTrue(url.startsWith("jdbc:sqlserver:"), "MIGBENCH_MSSQL_URL is not a jdbc:sqlserver: URL");
            try {
                return new TestTdsServer(url, System.getenv("MIGBENCH_MSSQL_USER"), System.getenv("MIGBENCH_MSSQL_PASSWORD"),
                        null);
            } catch (SQLException e) {
                Assumptions.abort("the TDS server at MIGBENCH_MSSQL_URL cannot be reached: " + e.getMessage());
            }
        }
        String image = System.getenv("MIGBENCH_MSSQL_IMAGE");
        Assumptions.assumeTrue(image != null && !image.isBlank(), "neither MIGBENCH_MSSQL_URL (a running SQL Server or "
                + "Babelfish) nor MIGBENCH_MSSQL_IMAGE (a SQL Server image) is set: no TDS server to test against");
        MSSQLServerContainer mssql = null;
        try {
            Assumptions.assumeTrue(DockerClientFactory.instance().isDockerAvailable(), "no Docker engine available");
            mssql = new MSSQLServerContainer(image).acceptLicense();
            mssql.start();
        } catch (RuntimeException | LinkageError e) {
            Assumptions.abort("SQL Server image " + image + " cannot be started here: " + e.getMessage());
        }
        return new TestTdsServer(mssql.getJdbcUrl(), mssql.getUsername(), mssql.getPassword(), mssql);
    }

    public TdsCapabilities capabilities() {
        return capabilities;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    /**
     * A new, empty database with snapshot isolation allowed; returns its JDBC URL. The name is unique per JVM
     * and process, so concurrent test runs against one server do not meet.
     */
    public String newDatabase(String prefix) throws SQLException {
        String name = "mb_" + prefix + "_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
        try (Connection c = connect(url); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name);
            created.add(name);
            if (capabilities.alterDatabaseSnapshot()) {
                st.execute("ALTER DATABASE " + name + " SET ALLOW_SNAPSHOT_ISOLATION ON");
            }
        }
        return databaseUrl(name);
    }

    /** The PostgreSQL side of a Babelfish server, or null when not Babelfish or not configured. */
    public String babelfishPostgresUrl() {
        String pg = System.getenv("MIGBENCH_BABELFISH_PG_URL");
        return capabilities.babelfish() && pg != null && !pg.isBlank() ? pg : null;
    }

    public Connection connect(String jdbcUrl) throws SQLException {
        return DriverManager.getConnection(jdbcUrl, user, password);
    }

    /** The first column of the first row {@code sql} returns on the database at {@code jdbcUrl}. */
    public String queryOne(String jdbcUrl, String sql) throws SQLException {
        try (Connection c = connect(jdbcUrl); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private String databaseUrl(String database) {
        return url.replaceAll("(?i);databaseName=[^;]*", "") + ";databaseName=" + database;
    }

    private TdsCapabilities readCapabilities() throws SQLException {
        try (Connection c = connect(url); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT CASE WHEN @@VERSION LIKE '%Babelfish%' THEN 1 ELSE 0 END")) {
            rs.next();
            return rs.getInt(1) == 1 ? TdsCapabilities.BABELFISH : TdsCapabilities.SQL_SERVER;
        }
    }

    @Override
    public void close() throws SQLException {
        try {
            if (!created.isEmpty()) {
                try (Connection c = connect(url); Statement st = c.createStatement()) {
                    for (String db : created) {
                        st.execute("DROP DATABASE " + db);
                    }
                } catch (SQLException e) {
                    // a leftover test database is no test failure; say which, so it can be dropped by hand
                    System.err.println("test databases " + created + " not dropped: " + e.getMessage());
                }
            }
        } finally {
            if (container != null) {
                container.stop();
            }
        }
    }
}

package io.migbench.engine.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One real embedded PostgreSQL server per test JVM (zonky binaries from Maven Central), shared by
 * all tests; each test asks for fresh databases so tests never see each other's tables.
 * Reused by the harness tests through the engine's test-jar.
 */
public final class TestPostgres {
    public static final String USER = "postgres";
    public static final String PASSWORD = "postgres";

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static volatile EmbeddedPostgres server;

    private TestPostgres() {}

    /** The shared server, started on first use and stopped when the JVM exits. */
    public static EmbeddedPostgres server() {
        EmbeddedPostgres s = server;
        if (s == null) {
            synchronized (TestPostgres.class) {
                s = server;
                if (s == null) {
                    try {
                        s = EmbeddedPostgres.builder()
                                .setServerConfig("max_connections", "300")
                                .setServerConfig("fsync", "off")
                                .setServerConfig("synchronous_commit", "off")
                                .setServerConfig("full_page_writes", "off")
                                .start();
                    } catch (IOException e) {
                        throw new UncheckedIOException("embedded PostgreSQL did not start", e);
                    }
                    EmbeddedPostgres started = s;
                    Runtime.getRuntime().addShutdownHook(new Thread(() -> closeQuietly(started)));
                    server = s;
                }
            }
        }
        return s;
    }

    /** Creates a new, empty database and returns its JDBC URL. */
    public static String newDatabase(String prefix) {
        String name = (prefix + "_" + DATABASES.incrementAndGet()).toLowerCase(java.util.Locale.ROOT)
                .replaceAll("[^a-z0-9_]", "_");
        try (Connection c = server().getPostgresDatabase().getConnection();
             Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE \"" + name + "\"");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + name, e);
        }
        return url(name);
    }

    public static String url(String database) {
        return server().getJdbcUrl(USER, database).replaceAll("[?&](user|password)=[^&]*", "");
    }

    public static Connection connect(String jdbcUrl) throws SQLException {
        return DriverManager.getConnection(jdbcUrl, USER, PASSWORD);
    }

    /** The first column of the first row {@code sql} returns on the database at {@code jdbcUrl}. */
    public static String queryOne(String jdbcUrl, String sql) throws SQLException {
        try (Connection c = connect(jdbcUrl); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static void closeQuietly(EmbeddedPostgres s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // the JVM is exiting; zonky removes its data directory itself
        }
    }
}

package io.migbench.harness.dataset;

import io.migbench.engine.testing.TestTdsServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The T-SQL generator against a real TDS server (SQL Server or Babelfish, from {@code MIGBENCH_MSSQL_URL}; skipped
 * with the reason when there is none): every row, the proportions of the PostgreSQL generator, keys and marker.
 */
class SqlServerStackOverflowLoadTest {
    private static final double SCALE = 0.01;
    private static final Dataset SO = DatasetCatalog.byName("stackoverflow");
    private static TestTdsServer server;
    private static String url;
    private static LoadReport report;

    @BeforeAll
    static void loadOnce() throws SQLException {
        server = TestTdsServer.start();
        url = server.newDatabase("so");
        report = SO.load(() -> server.connect(url), SqlDialect.SQLSERVER, SCALE, 7, 2);
    }

    @AfterAll
    static void dropDatabases() throws SQLException {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void loadsTheRowsAndProportionsOfThePostgresGeneratorWithKeysAndMarker() throws SQLException {
        Map<String, Long> expected = SO.expectedRows(SCALE);
        try (Connection c = server.connect(url); Statement st = c.createStatement()) {
            for (Map.Entry<String, Long> e : expected.entrySet()) {
                assertThat(scalar(st, "SELECT COUNT_BIG(*) FROM [" + e.getKey() + "]")).as("rows of %s", e.getKey())
                        .isEqualTo(e.getValue().doubleValue());
                assertThat(scalar(st, "SELECT COUNT(DISTINCT id) FROM [" + e.getKey() + "]")).as("distinct ids of %s", e.getKey())
                        .isEqualTo(e.getValue().doubleValue());
            }
            assertThat(report.rows()).isEqualTo(expected.values().stream().mapToLong(Long::longValue).sum());
            assertThat(scalar(st, "SELECT AVG(CAST(LEN(body) AS float)) FROM posts")).as("avg Posts.Body").isBetween(700.0, 900.0);
            assertThat(scalar(st, "SELECT AVG(CAST(LEN(text) AS float)) FROM comments")).as("avg Comments.Text").isBetween(130.0, 170.0);
            assertThat(scalar(st, "SELECT AVG(CASE WHEN post_type_id = 1 THEN 1.0 ELSE 0.0 END) FROM posts")).as("questions")
                    .isCloseTo(0.40, within(0.03));
            assertThat(scalar(st, "SELECT AVG(CASE WHEN location IS NULL THEN 1.0 ELSE 0.0 END) FROM users"))
                    .as("users.location NULL rate").isCloseTo(0.70, within(0.05));
            assertThat(scalar(st, "SELECT MAX(owner_user_id) FROM posts")).as("owners are users")
                    .isLessThanOrEqualTo(expected.get("users"));
            assertThat(scalar(st, "SELECT COUNT(*) FROM sys.key_constraints WHERE type = 'PK' AND OBJECT_NAME(parent_object_id) IN "
                    + "('users', 'posts', 'votes', 'comments', 'badges', 'post_links')")).as("primary keys").isEqualTo(6.0);
            assertThat(SO.isLoaded(c, SCALE, 7)).as("marker of this load").isTrue();
            assertThat(SO.isLoaded(c, SCALE, 8)).as("marker of another seed").isFalse();
        }
    }

    private static double scalar(Statement st, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getDouble(1);
        }
    }
}

package io.migbench.engine;

import io.migbench.engine.testing.TestPostgres;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import static io.migbench.engine.Databases.exec;
import static io.migbench.engine.Databases.queryOne;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A schema of more tables than the target's lock table holds in one transaction (a target of its own with
 * {@code max_locks_per_transaction = 10}, its minimum): the schema is created in several transactions instead of failing with
 * "out of shared memory", in create and drop-recreate mode, and every table arrives with its rows and key.
 */
class ManyTablesTest {
    private static final int TABLES = 300;
    private static EmbeddedPostgres smallLockTable;

    @BeforeAll
    static void startTarget() throws Exception {
        smallLockTable = EmbeddedPostgres.builder()
                .setServerConfig("max_connections", "30")
                .setServerConfig("max_locks_per_transaction", "10")
                .start();
    }

    @AfterAll
    static void stopTarget() throws Exception {
        if (smallLockTable != null) {
            smallLockTable.close();
        }
    }

    @Test
    void aSchemaBeyondOneTransactionsLocksIsCreatedInBatches() throws Exception {
        String source = TestPostgres.newDatabase("many_tables");
        StringBuilder ddl = new StringBuilder();
        for (int i = 1; i <= TABLES; i++) {
            ddl.append("CREATE TABLE t").append(i).append(" (id int PRIMARY KEY, note text);")
                    .append("INSERT INTO t").append(i).append(" SELECT g, 'n' || g FROM generate_series(1, ").append(i % 7 + 1)
                    .append(") g;");
        }
        exec(source, ddl.toString(), "ANALYZE");
        String target = newTargetDatabase("many_tables_target");
        assertThatThrownBy(() -> createAllInOneTransaction(target))
                .as("this target cannot create the tables in one transaction, so one plain attempt would fail")
                .isInstanceOf(SQLException.class).hasMessageContaining("max_locks_per_transaction");

        for (TargetMode mode : new TargetMode[] {TargetMode.CREATE, TargetMode.DROP_RECREATE}) {
            MigrationResult result = Migrator.migrate(MigrationOptions.builder()
                    .source(new ConnectionSpec(source, TestPostgres.USER, TestPostgres.PASSWORD))
                    .target(new ConnectionSpec(target, TestPostgres.USER, TestPostgres.PASSWORD))
                    .tasks(2).mode(mode).build());

            assertThat(result.status()).as("%s: %s", mode, result.errorMessage()).isEqualTo(MigrationStatus.SUCCEEDED);
            assertThat(result.tables()).as(mode.toString()).hasSize(TABLES).allMatch(TableResult::countMatch);
            assertThat(queryOne(target, "SELECT count(*) FROM pg_constraint WHERE contype = 'p'"
                    + " AND connamespace = 'public'::regnamespace")).as("%s: primary keys", mode).isEqualTo(String.valueOf(TABLES));
            assertThat(queryOne(target, "SELECT sum(id) FROM t300")).isEqualTo(queryOne(source, "SELECT sum(id) FROM t300"));
        }
    }

    private static String newTargetDatabase(String name) throws SQLException {
        try (Connection c = smallLockTable.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name);
        }
        return smallLockTable.getJdbcUrl(TestPostgres.USER, name).replaceAll("[?&](user|password)=[^&]*", "");
    }

    private static void createAllInOneTransaction(String target) throws SQLException {
        try (Connection c = TestPostgres.connect(target); Statement st = c.createStatement()) {
            c.setAutoCommit(false);
            try {
                for (int i = 1; i <= TABLES; i++) {
                    st.execute("CREATE TABLE probe" + i + " (id int PRIMARY KEY, note text)");
                }
            } finally {
                c.rollback();
            }
        }
    }
}

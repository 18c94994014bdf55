package io.migbench.engine;

import io.migbench.engine.schema.PgSchemaReader;
import io.migbench.engine.schema.SourceSchema;
import io.migbench.engine.schema.TableFilter;
import io.migbench.engine.schema.TargetSchemaWriter;
import io.migbench.engine.testing.TestPostgres;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.function.IntFunction;

import static io.migbench.engine.Databases.exec;
import static io.migbench.engine.Databases.queryOne;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A schema of more tables than the target's lock table holds in one transaction (a target of its own with
 * {@code max_locks_per_transaction = 10}, its minimum): the schema is created in several transactions instead of failing with
 * "out of shared memory", in create and drop-recreate mode, and every table arrives with its rows and key; and a
 * batch that still fills the lock table (drops of tables with many indexes and defaults) is split until it fits.
 */
class ManyTablesTest {
    private static final int TABLES = 300;
    private static final int WIDE_TABLES = 60;
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
        assertThatThrownBy(() -> inOneTransaction(target, TABLES,
                i -> "CREATE TABLE probe" + i + " (id int PRIMARY KEY, note text)"))
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

    @Test
    void aBatchOfDropsThatFillsTheLockTableIsSplitUntilItFits() throws Exception {
        String source = TestPostgres.newDatabase("wide_tables");
        StringBuilder ddl = new StringBuilder();
        for (int i = 1; i <= WIDE_TABLES; i++) {
            ddl.append("CREATE TABLE w").append(i).append(" (id int PRIMARY KEY, note text");
            for (int k = 1; k <= 12; k++) {
                ddl.append(", c").append(k).append(" int DEFAULT ").append(k);
            }
            ddl.append(");");
        }
        exec(source, ddl.toString());
        String target = newTargetDatabase("wide_tables_target");
        SourceSchema schema;
        try (Connection c = TestPostgres.connect(source)) {
            schema = new PgSchemaReader(c).read(List.of("public"), new TableFilter(List.of(), List.of()));
        }
        try (Connection c = TestPostgres.connect(target)) {
            c.setAutoCommit(false);
            new TargetSchemaWriter(TargetMode.CREATE, false).prepareInBatches(c, schema, 10);
            c.commit();
        }
        // six indexes each, as finalize would have built: a DROP ... CASCADE of one such table takes ~28 locks
        StringBuilder indexes = new StringBuilder();
        for (int i = 1; i <= WIDE_TABLES; i++) {
            for (int k = 1; k <= 6; k++) {
                indexes.append("CREATE INDEX ON w").append(i).append(" (c").append(k).append(");");
            }
        }
        exec(target, indexes.toString());
        assertThatThrownBy(() -> inOneTransaction(target, WIDE_TABLES, i -> "DROP TABLE w" + i + " CASCADE"))
                .as("dropping them all in one transaction fills this target's lock table")
                .isInstanceOf(SQLException.class).hasMessageContaining("max_locks_per_transaction");

        try (Connection c = TestPostgres.connect(target)) {
            c.setAutoCommit(false);
            new TargetSchemaWriter(TargetMode.DROP_RECREATE, false).prepareInBatches(c, schema, WIDE_TABLES);
            c.commit();
        }

        assertThat(queryOne(target, "SELECT count(*) FROM pg_class WHERE relkind = 'r' AND relname LIKE 'w%'"
                + " AND relnamespace = 'public'::regnamespace")).as("every table recreated").isEqualTo(String.valueOf(WIDE_TABLES));
        assertThat(queryOne(target, "SELECT count(*) FROM pg_indexes WHERE schemaname = 'public'"))
                .as("the old tables, with their indexes, were dropped").isEqualTo("0");
    }

    private static String newTargetDatabase(String name) throws SQLException {
        try (Connection c = smallLockTable.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name);
        }
        return smallLockTable.getJdbcUrl(TestPostgres.USER, name).replaceAll("[?&](user|password)=[^&]*", "");
    }

    /** Runs {@code statement(1..count)} in one transaction on {@code target}, then rolls it back. */
    private static void inOneTransaction(String target, int count, IntFunction<String> statement) throws SQLException {
        try (Connection c = TestPostgres.connect(target); Statement st = c.createStatement()) {
            c.setAutoCommit(false);
            try {
                for (int i = 1; i <= count; i++) {
                    st.execute(statement.apply(i));
                }
            } finally {
                c.rollback();
            }
        }
    }
}

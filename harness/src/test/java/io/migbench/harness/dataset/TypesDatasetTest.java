package io.migbench.harness.dataset;

import io.migbench.engine.testing.TestPostgres;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TypesDatasetTest {
    private static final Dataset TYPES = DatasetCatalog.byName("types");

    @Test
    void loadsEveryTableWithItsNastyValuesAndIsDeterministic() throws SQLException {
        String url = TestPostgres.newDatabase("types_a");
        String again = TestPostgres.newDatabase("types_b");
        LoadReport report = TYPES.load(() -> TestPostgres.connect(url), 0.05, 3, 2);
        TYPES.load(() -> TestPostgres.connect(again), 0.05, 3, 1);
        Map<String, Long> expected = TYPES.expectedRows(0.05);
        assertThat(report.tables()).extracting(TableLoad::table).containsExactlyElementsOf(TYPES.tables());
        try (Connection c = TestPostgres.connect(url); Connection c2 = TestPostgres.connect(again);
             Statement st = c.createStatement()) {
            for (TableLoad t : report.tables()) {
                assertThat(t.rows()).as("reported rows of %s", t.table()).isEqualTo(expected.get(t.table()));
                assertThat(text(st, "SELECT count(*) FROM " + SqlDialect.POSTGRESQL.quote(t.table())))
                        .as("count(*) of %s", t.table()).isEqualTo(Long.toString(expected.get(t.table())));
            }
            assertThat(text(st, "SELECT c_text FROM t_text WHERE id = 8")).isEqualTo("😀 𝄞 outside the BMP");
            assertThat(text(st, "SELECT c_text IS NULL AND c_varchar IS NULL FROM t_text WHERE id = 1")).isEqualTo("t");
            assertThat(text(st, "SELECT c_text FROM t_text WHERE id = 2")).as("empty, not NULL").isEmpty();
            assertThat(text(st, "SELECT c_text FROM t_text WHERE id = 4")).isEqualTo("tab\there");
            assertThat(text(st, "SELECT length(c_bytea) FROM t_binary WHERE id = 5")).as("all 256 byte values").isEqualTo("256");
            assertThat(text(st, "SELECT count(*) FROM t_generated WHERE b IS DISTINCT FROM a * 2")).isEqualTo("0");
            assertThat(text(st, "SELECT count(*) FROM t_empty")).isEqualTo("0");
            assertThat(text(st, "SELECT count(*) FROM pg_constraint WHERE conrelid = 't_no_key'::regclass")).isEqualTo("0");
            assertThat(text(st, "SELECT max(id) FROM t_gap_key")).isEqualTo("9223372036854775807");
            assertThat(text(st, "SELECT \"col with space\" FROM \"Mixed Case \"\"Table\"\"\" WHERE \"Id\" = 1")).isEqualTo("space");
            assertThat(DatasetChecksums.of(c2, TYPES.tables())).as("same seed, same checksums")
                    .isEqualTo(DatasetChecksums.of(c, TYPES.tables()));
            assertThat(TYPES.isLoaded(c, 0.05, 3)).isTrue();
        }
    }

    @Test
    void aFailingStatementNamesDatasetTableAndKeepsTheSqlState() throws SQLException {
        String url = TestPostgres.newDatabase("types_fail");
        try (Connection c = TestPostgres.connect(url); Statement st = c.createStatement()) {
            // a view where the loader expects to drop a table: DROP TABLE fails with wrong_object_type
            st.execute("CREATE VIEW t_text AS SELECT 1 AS x");
        }
        assertThatThrownBy(() -> TYPES.load(() -> TestPostgres.connect(url), 0.01, 1, 2))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("dataset types: table setup")
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("42809"));
    }

    private static String text(Statement st, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}

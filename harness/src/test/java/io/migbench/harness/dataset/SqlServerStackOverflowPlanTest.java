package io.migbench.harness.dataset;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The T-SQL load plan of the StackOverflow dataset (SQL Server itself is not available here: shape only). */
class SqlServerStackOverflowPlanTest {
    private static final StackOverflowDataset SO = new StackOverflowDataset();
    private static final double SCALE = 0.2;

    @Test
    void insertsExactlyTheRowsOfThePostgresGeneratorIntoTheSameColumns() {
        LoadPlan plan = SO.plan(SqlDialect.SQLSERVER, SCALE, 7);
        Map<String, Long> rows = plan.chunks().stream()
                .collect(Collectors.groupingBy(LoadPlan.Chunk::table, Collectors.summingLong(LoadPlan.Chunk::rows)));
        assertThat(rows).as("same proportions as PostgreSQL").isEqualTo(SO.expectedRows(SCALE));
        assertThat(plan.tables()).containsExactlyElementsOf(SO.tables());

        List<String> pgColumns = columns(String.join("\n", SO.plan(SCALE, 7).setup()), "\"([a-z_]+)\" [a-z]");
        List<String> tsqlColumns = columns(String.join("\n", plan.setup()), "\\[([a-z_]+)\\] [a-z]");
        assertThat(tsqlColumns).as("same column names, same order").isEqualTo(pgColumns).hasSize(55);
        assertThat(String.join("\n", plan.setup())).contains("[creation_date] datetime NOT NULL",
                "[body] nvarchar(max) NOT NULL", "[display_name] nvarchar(40) NOT NULL", "[id] int NOT NULL");
    }

    @Test
    void isDeterministicBySeedAndWrittenInTsqlOnly() {
        LoadPlan a = SO.plan(SqlDialect.SQLSERVER, SCALE, 7);
        assertThat(SO.plan(SqlDialect.SQLSERVER, SCALE, 7)).as("same seed, same statements").isEqualTo(a);
        assertThat(SO.plan(SqlDialect.SQLSERVER, SCALE, 8).chunks().get(0).sql()).as("seed changes the hashes")
                .isNotEqualTo(a.chunks().get(0).sql());
        List<String> all = new ArrayList<>(a.setup());
        a.chunks().forEach(c -> all.add(c.sql()));
        a.finish().values().forEach(all::addAll);
        all.addAll(a.closing());
        assertThat(all).as("no PostgreSQL syntax").noneMatch(s -> s.contains("::") || s.contains("generate_series")
                || s.contains("interval") || s.contains("hashint8extended") || s.contains("\"") || s.contains("||")
                || s.contains("UPDATE STATISTICS") || s.contains("CONVERT("));
        assertThat(a.chunks()).allSatisfy(c -> {
            assertThat(c.sql()).startsWith("INSERT INTO [" + c.table() + "] SELECT s.id");
            assertThat(c.params()).as("the corpus is bound only where text is cut from it")
                    .hasSize(c.sql().contains("k.t") ? 1 : 0);
            assertThat(c.sql()).contains("TOP (" + c.rows() + ")");
        });
        assertThat(a.finish().get("votes")).containsExactly(
                "ALTER TABLE [votes] ADD CONSTRAINT [pk_votes] PRIMARY KEY CLUSTERED ([id])",
                "EXEC sys.sp_addextendedproperty @name = N'migbench', @value = N'" + SO.marker(SCALE, 7)
                        + "', @level0type = N'SCHEMA', @level0name = N'dbo', @level1type = N'TABLE', @level1name = N'votes'");
        assertThat(a.closing()).as("statistics once for the database (Babelfish refuses UPDATE STATISTICS)")
                .containsExactly("EXEC sys.sp_updatestats");
    }

    @Test
    void datasetsWithoutSqlServerGeneratorAreAScenarioError() {
        assertThatThrownBy(() -> new TypesDataset().plan(SqlDialect.SQLSERVER, 0.1, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("dataset.name:")
                .hasMessageContaining("types");
        assertThat(new TypesDataset().plan(SqlDialect.POSTGRESQL, 0.1, 1)).isEqualTo(new TypesDataset().plan(0.1, 1));
    }

    @Test
    void dialectsQuoteAndMarkTablesTheirOwnWay() {
        assertThat(SqlDialect.SQLSERVER.quote("a]b")).isEqualTo("[a]]b]");
        assertThat(SqlDialect.POSTGRESQL.quote("a\"b")).isEqualTo("\"a\"\"b\"");
        assertThat(SqlDialect.POSTGRESQL.markerStatement("t", "it's")).isEqualTo("COMMENT ON TABLE \"t\" IS 'it''s'");
        assertThat(SqlDialect.SQLSERVER.markerQuery()).contains("sys.extended_properties").contains("N'migbench'");
    }

    private static List<String> columns(String ddl, String regex) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile(regex).matcher(ddl);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }
}

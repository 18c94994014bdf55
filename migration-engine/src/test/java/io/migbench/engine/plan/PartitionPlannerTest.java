package io.migbench.engine.plan;

import io.migbench.engine.ConnectionSpec;
import io.migbench.engine.MigrationOptions;
import io.migbench.engine.SplitStrategy;
import io.migbench.engine.schema.PgSchemaReader;
import io.migbench.engine.schema.SourceSchema;
import io.migbench.engine.schema.TableFilter;
import io.migbench.engine.testing.TestPostgres;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Ranges cover every row exactly once and balance skewed, gappy and composite keys (real PostgreSQL). */
class PartitionPlannerTest {
    private static String url;

    @BeforeAll
    static void createTables() throws SQLException {
        url = TestPostgres.newDatabase("plan");
        try (Connection c = TestPostgres.connect(url); Statement st = c.createStatement()) {
            // 90% of keys in a dense block, the rest spread over a huge range: min/max arithmetic would put
            // almost everything into one range
            st.execute("CREATE TABLE skewed (id bigint PRIMARY KEY)");
            st.execute("INSERT INTO skewed SELECT g FROM generate_series(1, 36000) g");
            st.execute("INSERT INTO skewed SELECT g::bigint * 1000000000 FROM generate_series(1, 4000) g");
            st.execute("CREATE TABLE composite (region text, seq int, PRIMARY KEY (region, seq))");
            st.execute("INSERT INTO composite SELECT CASE WHEN g % 10 = 0 THEN 'b' || g % 3 ELSE 'a' END, g"
                    + " FROM generate_series(1, 30000) g");
            st.execute("CREATE TABLE heap_only (v text)");
            st.execute("INSERT INTO heap_only SELECT repeat('x', 100) FROM generate_series(1, 20000)");
            st.execute("ANALYZE");
        }
    }

    private static List<TablePlan> plan(SplitStrategy split, int partitions) throws SQLException {
        return plan(split, partitions, 1.0);
    }

    private static List<TablePlan> plan(SplitStrategy split, int partitions, double sample) throws SQLException {
        MigrationOptions options = MigrationOptions.builder().source(ConnectionSpec.of(url)).target(ConnectionSpec.of(url))
                .split(split).partitions(partitions).tasks(4).partitionThresholdRows(1000).sampleFraction(sample).build();
        try (Connection c = TestPostgres.connect(url)) {
            SourceSchema schema = new PgSchemaReader(c).read(List.of("public"), new TableFilter(List.of(), List.of()));
            return new PartitionPlanner(options, new PgSplitSampler(c)).plan(schema.tables()).tables();
        }
    }

    private static List<Long> countsPerPartition(TablePlan t) throws SQLException {
        List<Long> counts = new ArrayList<>();
        try (Connection c = TestPostgres.connect(url); Statement st = c.createStatement()) {
            for (Partition p : t.partitions()) {
                try (ResultSet rs = st.executeQuery("SELECT count(*) FROM " + t.table().name().quoted()
                        + RangeSql.whereClause(t.table(), p))) {
                    rs.next();
                    counts.add(rs.getLong(1));
                }
            }
        }
        return counts;
    }

    /** count(*) of the whole table, by a query that knows nothing of the plan. */
    private static long rowsIn(String table) throws SQLException {
        try (Connection c = TestPostgres.connect(url); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Rows that fall in no range or in more than one: gaps and overlaps, which a sum of counts could hide together. */
    private static long rowsNotInExactlyOneRange(TablePlan t) throws SQLException {
        List<String> memberships = new ArrayList<>();
        for (Partition p : t.partitions()) {
            String predicate = RangeSql.predicate(t.table(), p);
            memberships.add("CASE WHEN " + (predicate == null ? "true" : predicate) + " THEN 1 ELSE 0 END");
        }
        try (Connection c = TestPostgres.connect(url); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM " + t.table().name().quoted()
                     + " WHERE " + String.join(" + ", memberships) + " <> 1")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static TablePlan table(List<TablePlan> plans, String name) {
        return plans.stream().filter(p -> p.table().name().name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void keyRangesCoverEveryRowOnceAndBalanceSkewedKeys() throws SQLException {
        List<TablePlan> plans = plan(SplitStrategy.KEY, 4);
        for (String name : List.of("skewed", "composite")) {
            TablePlan t = table(plans, name);
            assertThat(t.kind()).as("%s split kind", name).isEqualTo(PartitionKind.KEY_RANGE);
            assertThat(t.partitions()).as("%s partitions", name).hasSize(4);
            assertThat(t.partitions().get(0).lower()).as("first range open below").isNull();
            assertThat(t.partitions().get(3).upper()).as("last range open above").isNull();
            for (int i = 1; i < 4; i++) {
                assertThat(t.partitions().get(i).lower()).as("ranges meet without gap")
                        .isEqualTo(t.partitions().get(i - 1).upper());
            }
            List<Long> counts = countsPerPartition(t);
            long rows = rowsIn(name);
            assertThat(rows).as("%s: rows created", name).isEqualTo(name.equals("skewed") ? 40_000 : 30_000);
            assertThat(counts.stream().mapToLong(Long::longValue).sum()).as("%s: the ranges hold count(*)", name)
                    .isEqualTo(rows);
            assertThat(rowsNotInExactlyOneRange(t)).as("%s: every row in exactly one range", name).isZero();
            assertThat(counts).as("%s: balanced despite skew (each near a quarter)", name)
                    .allMatch(n -> n > rows / 8 && n < rows / 2);
        }
    }

    @Test
    void ctidRangesCoverEveryRowOnceAndKeylessTablesAreStillSplit() throws SQLException {
        List<TablePlan> plans = plan(SplitStrategy.KEY, 5);
        TablePlan t = table(plans, "heap_only");
        assertThat(t.kind()).as("no key: ctid ranges").isEqualTo(PartitionKind.CTID_RANGE);
        assertThat(t.rangesExistInTarget()).isFalse();
        List<Long> counts = countsPerPartition(t);
        assertThat(counts).hasSize(5).allMatch(n -> n > 0);
        assertThat(counts.stream().mapToLong(Long::longValue).sum()).as("the ranges hold count(*)")
                .isEqualTo(rowsIn("heap_only")).isEqualTo(20000);
        assertThat(rowsNotInExactlyOneRange(t)).as("every row in exactly one range").isZero();
    }

    @Test
    void autoCopiesTablesWithinOneTaskShareWhole() throws SQLException {
        List<TablePlan> plans = plan(SplitStrategy.AUTO, 4);
        assertThat(plans).as("every table at most a quarter of the bytes? then all whole")
                .allMatch(p -> p.kind() == PartitionKind.WHOLE_TABLE || p.partitions().size() == 4);
        long total = plans.stream().mapToLong(p -> p.table().bytes()).sum();
        for (TablePlan p : plans) {
            boolean bigShare = (double) p.table().bytes() / total > 0.25;
            assertThat(p.kind()).as("%s (share %.2f)", p.table().name(), (double) p.table().bytes() / total)
                    .isEqualTo(bigShare ? PartitionKind.CTID_RANGE : PartitionKind.WHOLE_TABLE);
        }
    }

    @Test
    void aSampleCopiesAnEvenlySpreadShareOfTheRangesTheSameOnEveryPlan() throws SQLException {
        for (SplitStrategy split : List.of(SplitStrategy.KEY, SplitStrategy.CTID)) {
            TablePlan t = table(plan(split, 4, 0.25), "composite");
            long sampled = countsPerPartition(t).stream().mapToLong(Long::longValue).sum();
            assertThat(t.partitions()).as("%s: 4 of 16 ranges kept", split).hasSize(4);
            assertThat(t.partitions()).extracting(Partition::number).as("%s: one in every four, first to last", split)
                    .containsExactly(3, 7, 11, 15);
            assertThat(sampled).as("%s: rows in the sample of 30000", split).isBetween(5_000L, 10_000L);
            assertThat(table(plan(split, 4, 0.25), "composite").partitions()).as("%s: deterministic", split)
                    .isEqualTo(t.partitions());
        }
    }

    @Test
    void aSampleOfOneKeepsEveryRange() {
        List<Partition> ranges = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ranges.add(new Partition(null, i, PartitionKind.CTID_RANGE, null, null, 1, 1));
        }
        assertThat(PartitionPlanner.evenlySpread(ranges, 1.0)).isEqualTo(ranges);
        assertThat(PartitionPlanner.evenlySpread(ranges, 0.01)).as("never empty").hasSize(1);
    }
}

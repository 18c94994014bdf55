package io.migbench.harness.dataset;

import io.migbench.engine.testing.TestPostgres;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class StackOverflowDatasetTest {
    private static final double SCALE = 0.01;
    private static final Dataset SO = DatasetCatalog.byName("stackoverflow");
    private static String url;
    private static LoadReport report;

    @BeforeAll
    static void loadOnce() throws SQLException {
        url = TestPostgres.newDatabase("so_a");
        report = SO.load(() -> TestPostgres.connect(url), SCALE, 7, 3);
    }

    @Test
    void sameSeedGivesSameChecksumsWhateverTheConcurrencyAndAnotherSeedDoesNot() throws SQLException {
        String same = TestPostgres.newDatabase("so_b");
        String other = TestPostgres.newDatabase("so_c");
        SO.load(() -> TestPostgres.connect(same), SCALE, 7, 1);
        SO.load(() -> TestPostgres.connect(other), SCALE, 8, 2);
        Map<String, String> a;
        Map<String, String> b;
        Map<String, String> c;
        try (Connection ca = TestPostgres.connect(url); Connection cb = TestPostgres.connect(same);
             Connection cc = TestPostgres.connect(other)) {
            a = DatasetChecksums.of(ca, SO.tables());
            b = DatasetChecksums.of(cb, SO.tables());
            c = DatasetChecksums.of(cc, SO.tables());
        }
        assertThat(b).as("seed 7 loaded on 1 connection vs 3").isEqualTo(a);
        for (String table : SO.tables()) {
            assertThat(c.get(table)).as("seed 8 vs seed 7, table %s", table).isNotEqualTo(a.get(table));
            assertThat(c.get(table).split(":")[0]).as("same row count for %s", table).isEqualTo(a.get(table).split(":")[0]);
        }
    }

    @Test
    void tablesHaveStackOverflow2013Proportions() throws SQLException {
        Map<String, Long> expected = SO.expectedRows(SCALE);
        assertThat(expected).containsEntry("votes", 26_464L).containsEntry("users", 1_233L);
        assertThat(expected.values().stream().mapToLong(Long::longValue).sum()).as("~53K rows at 0.01").isBetween(53_000L, 53_500L);
        try (Connection c = TestPostgres.connect(url); Statement st = c.createStatement()) {
            for (Map.Entry<String, Long> e : expected.entrySet()) {
                assertThat(scalar(st, "SELECT count(*) FROM \"" + e.getKey() + "\"")).as("rows of %s", e.getKey())
                        .isEqualTo(e.getValue().doubleValue());
            }
            assertThat(report.rows()).as("report rows").isEqualTo(expected.values().stream().mapToLong(Long::longValue).sum());
            assertThat(report.tables()).allSatisfy(t -> assertThat(t.bytes()).as("bytes of %s", t.table()).isPositive());
            assertThat(report.rowsPerSecond()).isPositive();
            assertThat(scalar(st, "SELECT avg(length(body)) FROM posts")).as("avg Posts.Body").isBetween(700.0, 900.0);
            assertThat(scalar(st, "SELECT avg(length(text)) FROM comments")).as("avg Comments.Text").isBetween(130.0, 170.0);
            assertThat(scalar(st, "SELECT avg((post_type_id = 1)::int) FROM posts")).as("questions").isCloseTo(0.40, within(0.03));
            assertThat(scalar(st, "SELECT avg((title IS NULL)::int) FROM posts WHERE post_type_id = 2")).as("answers have no title").isEqualTo(1.0);
            assertThat(scalar(st, "SELECT avg((location IS NULL)::int) FROM users")).as("users.location NULL rate").isCloseTo(0.70, within(0.05));
            assertThat(scalar(st, "SELECT avg((user_id IS NULL)::int) FROM votes")).as("votes.user_id mostly NULL").isGreaterThan(0.85);
            assertThat(scalar(st, "SELECT max(owner_user_id) FROM posts")).as("owners are users").isLessThanOrEqualTo(expected.get("users"));
            assertThat(scalar(st, "SELECT count(*) FROM pg_constraint WHERE contype = 'p' AND conrelid::regclass::text IN "
                    + "('users','posts','votes','comments','badges','post_links')")).as("primary keys").isEqualTo(6.0);
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

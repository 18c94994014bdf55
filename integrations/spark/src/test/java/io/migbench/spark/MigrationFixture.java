package io.migbench.spark;

import io.migbench.engine.testing.TestPostgres;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A source database on the engine tests' embedded PostgreSQL, the migrate arguments the Spark tests give, and the
 * checks of the result that do not trust the engine: count and md5 of every row per table on both sides, and the
 * state table's history.
 */
final class MigrationFixture {
    /** The password variable: set for the test JVM by the pom and for the cluster's JVMs by the test. */
    static final String PASSWORD_VARIABLE = "MIGBENCH_TEST_PASSWORD";
    static final List<String> TABLES = List.of("accounts", "events");
    static final long EVENTS = 1_000_000;

    private static String source;

    private MigrationFixture() {}

    /** The shared source: {@value #EVENTS} events over 1,000 accounts (with a foreign key for finalize to build). */
    static synchronized String source() throws SQLException {
        if (source == null) {
            String url = TestPostgres.newDatabase("spark_src");
            try (Connection c = TestPostgres.connect(url); Statement st = c.createStatement()) {
                st.execute("CREATE TABLE accounts (id int PRIMARY KEY, name text NOT NULL)");
                st.execute("INSERT INTO accounts SELECT g, 'account ' || g FROM generate_series(1, 1000) g");
                st.execute("CREATE TABLE events (id bigint PRIMARY KEY, account int NOT NULL,"
                        + " amount numeric(12,2), note text, at timestamptz NOT NULL)");
                st.execute("INSERT INTO events SELECT g, 1 + g % 1000, (g % 100000) / 100.0,"
                        + " CASE WHEN g % 7 = 0 THEN NULL ELSE md5(g::text) END,"
                        + " timestamptz '2026-01-01' + g * interval '1 second' FROM generate_series(1, " + EVENTS + ") g");
                // added after the load: one validating scan instead of a check per row
                st.execute("ALTER TABLE events ADD FOREIGN KEY (account) REFERENCES accounts");
                st.execute("ANALYZE");
            }
            source = url;
        }
        return source;
    }

    /**
     * The migrate arguments of every phase: one task per worker (one core per executor), events split into 12 key
     * ranges (auto would copy it whole: with one task per worker no table exceeds one task's share), checksum
     * verification.
     */
    static List<String> migrateArguments(String source, String target, String... more) {
        List<String> args = new ArrayList<>(List.of("--source", source, "--source-user", TestPostgres.USER,
                "--source-password-env", PASSWORD_VARIABLE, "--target", target, "--target-user", TestPostgres.USER,
                "--target-password-env", PASSWORD_VARIABLE, "--tasks", "1", "--split", "key", "--partitions", "12",
                "--partition-threshold-rows", "10000", "--verify", "checksum", "--progress", "log",
                "--source-quiesced"));
        args.addAll(List.of(more));
        return args;
    }

    /** Every table's row count and md5 of its rows in key order, the same on both sides. */
    static void assertExact(String source, String target) throws SQLException {
        Map<String, String> expected = fingerprints(source);
        assertThat(expected.get("events")).as("source events").startsWith(EVENTS + " ");
        assertThat(fingerprints(target)).as("target tables: count and md5 of every row").isEqualTo(expected);
    }

    private static Map<String, String> fingerprints(String url) throws SQLException {
        Map<String, String> result = new LinkedHashMap<>();
        try (Connection c = TestPostgres.connect(url); Statement st = c.createStatement()) {
            for (String table : TABLES) {
                try (ResultSet rs = st.executeQuery("SELECT count(*) || ' ' || md5(string_agg(t::text, E'\\n' ORDER BY"
                        + " t.id)) FROM public." + table + " t")) {
                    rs.next();
                    result.put(table, rs.getString(1));
                }
            }
        }
        return result;
    }

    /** Partitions whose history has other than exactly one 'done' event: none when each was completed once. */
    static List<String> partitionsNotDoneExactlyOnce(String target) throws SQLException {
        List<String> wrong = new ArrayList<>();
        try (Connection c = TestPostgres.connect(target); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT s.table_name || '#' || s.part_no || ': ' || count(h.event_no)"
                     + " FROM migbench.partition_state s LEFT JOIN migbench.partition_history h ON h.schema_name ="
                     + " s.schema_name AND h.table_name = s.table_name AND h.part_no = s.part_no AND h.event = 'done'"
                     + " GROUP BY s.table_name, s.part_no HAVING count(h.event_no) <> 1")) {
            while (rs.next()) {
                wrong.add(rs.getString(1));
            }
        }
        return wrong;
    }

    /** The worker ids of the 'done' events. */
    static List<String> doneBy(String target) throws SQLException {
        return strings(target, "SELECT DISTINCT worker_id FROM migbench.partition_history WHERE event = 'done' ORDER BY 1");
    }

    static List<String> strings(String url, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection c = TestPostgres.connect(url); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }
}

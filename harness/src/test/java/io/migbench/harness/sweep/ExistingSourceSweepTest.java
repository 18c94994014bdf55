package io.migbench.harness.sweep;

import io.migbench.harness.db.DatabaseEngine;
import io.migbench.harness.db.DatabaseInstance;
import io.migbench.harness.db.InstanceSpec;
import io.migbench.harness.db.embedded.EmbeddedPostgresBackend;
import io.migbench.harness.report.ReportGenerator;
import io.migbench.harness.results.ResultsReader;
import io.migbench.harness.results.SourceTable;
import io.migbench.harness.results.SourceTablesFile;
import io.migbench.harness.results.TrialResult;
import io.migbench.harness.results.ValidationResult;
import io.migbench.harness.scenario.Scenario;
import io.migbench.harness.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The user's own database: a hand-made schema no generator knows, swept from an external source into scratch
 * databases on an external target. The source is proven unchanged by checksums of our own and by its database's
 * write counters; the scratch database is gone afterwards; the sampled trials give a projection in REPORT.md.
 */
class ExistingSourceSweepTest {
    private static final List<String> TABLES = List.of("orders", "events", "items");

    @TempDir
    Path dir;

    @Test
    void sweepsAnExistingSourceReadOnlyIntoScratchTargetsAndProjectsTheFullCopy() throws Exception {
        try (DatabaseInstance server = new EmbeddedPostgresBackend()
                .start(InstanceSpec.of("mine", DatabaseEngine.POSTGRESQL, dir.resolve("servers")))) {
            createShop(server);
            String shop = server.jdbcUrl("shop");
            Map<String, String> checksumsBefore = checksums(server, shop);
            List<Long> writesBefore = writeCounters(server);
            assertThat(writesBefore.get(0)).as("the counters see writes: the setup's inserts").isGreaterThanOrEqualTo(500_000L);

            // the embedded server trusts local connections: any exported variable serves as the password
            Scenario scenario = ScenarioLoader.parse("""
                    name: mine
                    dataset:
                      name: existing
                      schema: [sales]
                      exclude: [scratch_notes]
                      sample: {fraction: 0.25}
                    backend:
                      type: external
                      source: {url: '%s', user: postgres, password_env: HOME}
                      target: {url: '%s', user: postgres, password_env: HOME}
                    matrix: {tasks: [1, 2]}
                    trials: 2
                    warmup_trials: 0
                    verify: checksum
                    """.formatted(shop, server.jdbcUrl()), "mine.yaml");
            Path run = dir.resolve("results/mine-1");
            SweepSummary summary = new SweepRunner(SweepPlan.of(scenario, Set.of()), run, new SweepListener() { }).run();

            List<TrialResult> results = ResultsReader.read(run);
            assertThat(results).as("2 task counts × 2 trials").hasSize(4);
            assertThat(summary.failedTrials()).isZero();
            for (TrialResult r : results) {
                assertThat(r.trial().isOk()).as("trial %s: %s", r.trial().settingsLabel(), r.trial().error()).isTrue();
                assertThat(r.trial().validationResult()).isEqualTo(ValidationResult.PASSED);
                assertThat(r.trial().backend()).isEqualTo("external");
                assertThat(r.tables()).extracting(t -> t.table()).containsExactlyInAnyOrderElementsOf(TABLES);
                long ordersCopied = r.tables().stream().filter(t -> t.table().equals("orders")).findFirst().orElseThrow().rows();
                assertThat(ordersCopied).as("a quarter of orders, in evenly spread ranges").isBetween(50_000L, 75_000L);
                assertThat(r.tables().stream().filter(t -> t.table().equals("items")).findFirst().orElseThrow().rows())
                        .as("a table too small to split is copied whole").isEqualTo(30_000L);
            }

            assertThat(checksums(server, shop)).as("every source table unchanged").isEqualTo(checksumsBefore);
            assertThat(writeCounters(server)).as("pg_stat_database tup_inserted/updated/deleted of the source").isEqualTo(writesBefore);
            try (Connection c = server.connect(); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT datname FROM pg_database WHERE datname LIKE 'migbench%'")) {
                assertThat(rs.next()).as("no scratch database left").isFalse();
            }

            List<SourceTable> inventory = SourceTablesFile.read(run);
            assertThat(inventory).extracting(SourceTable::table).containsExactlyInAnyOrder("events", "items", "orders");
            assertThat(inventory).filteredOn(t -> t.table().equals("orders")).singleElement()
                    .satisfies(t -> assertThat(t.fraction()).isEqualTo(0.25));

            Path report = ReportGenerator.generate(List.of(run), run, null);
            String md = Files.readString(report);
            assertThat(md).contains("## Projection to the full size").contains("| default | migbench t1 |")
                    .contains("| default | migbench t2 |").contains("≈ ");
        }
    }

    @Test
    void aReadOnlySourceConnectionRefusesWritesAndTheLoaderHasNone() throws Exception {
        try (DatabaseInstance server = new EmbeddedPostgresBackend()
                .start(InstanceSpec.of("ro", DatabaseEngine.POSTGRESQL, dir.resolve("servers")))) {
            try (Connection c = DriverManager.getConnection(ReadOnlyUrl.of(server.jdbcUrl() + "?options=-c%20work_mem%3D8MB"),
                    server.user(), server.password()); Statement st = c.createStatement()) {
                try (ResultSet rs = st.executeQuery("SHOW work_mem")) {
                    rs.next();
                    assertThat(rs.getString(1)).as("the URL's own options are kept").isEqualTo("8MB");
                }
                assertThatThrownBy(() -> st.execute("CREATE TABLE t (i int)")).isInstanceOf(SQLException.class)
                        .satisfies(e -> assertThat(((SQLException) e).getSQLState()).as("read-only transaction").isEqualTo("25006"));
            }
        }
        assertThat(ReadOnlyUrl.of("jdbc:sqlserver://h:1433;databaseName=so;applicationIntent=ReadWrite"))
                .isEqualTo("jdbc:sqlserver://h:1433;databaseName=so;applicationIntent=ReadOnly");
    }

    private static void createShop(DatabaseInstance server) throws SQLException {
        try (Connection c = server.connect(); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE shop");
        }
        try (Connection c = server.connect("shop"); Statement st = c.createStatement()) {
            st.execute("CREATE SCHEMA sales");
            st.execute("CREATE TYPE sales.state AS ENUM ('new', 'paid', 'shipped')");
            // composite key, numeric, timestamptz, enum, array, nullable text
            st.execute("""
                    CREATE TABLE sales.orders (region char(2), order_no bigint, placed timestamptz NOT NULL,
                      amount numeric(12, 2), state sales.state, tags text[], note text, PRIMARY KEY (region, order_no))""");
            st.execute("""
                    INSERT INTO sales.orders SELECT (ARRAY['eu','us','ap'])[1 + g % 3], g,
                      timestamptz '2024-01-01' + g * interval '17 seconds', (g % 100000) / 7.0,
                      (ARRAY['new','paid','shipped'])[1 + g % 3]::sales.state, ARRAY['t' || g % 5, NULL],
                      CASE WHEN g % 4 = 0 THEN NULL ELSE repeat('n', g % 40) END FROM generate_series(1, 250000) g""");
            // no key at all: the sample takes ctid ranges
            st.execute("CREATE TABLE sales.events (at timestamp, payload jsonb, origin inet, score double precision)");
            st.execute("""
                    INSERT INTO sales.events SELECT timestamp '2024-01-01' + g * interval '1 second',
                      jsonb_build_object('n', g, 'k', md5(g::text)), ('10.0.' || g % 256 || '.' || g % 200)::inet, g / 3.0
                      FROM generate_series(1, 220000) g""");
            st.execute("CREATE INDEX events_at ON sales.events (at)");
            st.execute("CREATE TABLE sales.items (id int PRIMARY KEY, name varchar(40), price real, blob bytea, ref uuid)");
            st.execute("""
                    INSERT INTO sales.items SELECT g, 'item ' || g, g * 1.5, decode(md5(g::text), 'hex'),
                      md5(g::text)::uuid FROM generate_series(1, 30000) g""");
            st.execute("CREATE TABLE sales.scratch_notes (t text)");
            st.execute("VACUUM ANALYZE");
            for (String t : List.of("orders", "events", "items", "scratch_notes")) {
                // no autovacuum/analyze of the source while it is watched: those would write pg_statistic
                st.execute("ALTER TABLE sales." + t + " SET (autovacuum_enabled = false)");
            }
        }
    }

    /** Our own checksum, independent of the engine's verifier: md5 over every row's text in a fixed order. */
    private static Map<String, String> checksums(DatabaseInstance server, String url) throws SQLException {
        Map<String, String> out = new LinkedHashMap<>();
        try (Connection c = DriverManager.getConnection(url, server.user(), server.password()); Statement st = c.createStatement()) {
            for (String t : List.of("orders", "events", "items", "scratch_notes")) {
                try (ResultSet rs = st.executeQuery("SELECT count(*), md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), ''))"
                        + " FROM sales." + t + " x")) {
                    rs.next();
                    out.put(t, rs.getLong(1) + ":" + rs.getString(2));
                }
            }
        }
        return out;
    }

    /** The source database's write counters, after every backend that wrote has flushed its statistics. */
    private static List<Long> writeCounters(DatabaseInstance server) throws Exception {
        // statistics reach shared memory when a backend ends or idles (at most a second later)
        Thread.sleep(1500);
        try (Connection c = server.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT tup_inserted, tup_updated, tup_deleted FROM pg_stat_database WHERE datname = 'shop'")) {
            rs.next();
            return List.of(rs.getLong(1), rs.getLong(2), rs.getLong(3));
        }
    }
}

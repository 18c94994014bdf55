package io.migbench.engine.sqlserver;

import io.migbench.engine.ConnectionSpec;
import io.migbench.engine.MigrationOptions;
import io.migbench.engine.MigrationResult;
import io.migbench.engine.MigrationStatus;
import io.migbench.engine.Migrator;
import io.migbench.engine.OptionException;
import io.migbench.engine.RunPhase;
import io.migbench.engine.VerifyMode;
import io.migbench.engine.testing.TestPostgres;
import io.migbench.engine.testing.TestTdsServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A SQL Server source through the phases (plan, copy workers, finalize) against a TDS server
 * ({@link TestTdsServer}): SQL Server cannot hand one snapshot to other sessions, so workers refuse to copy until
 * told the source does not change; then two workers at once copy every partition exactly once, and finalize builds
 * the keys, restores the identity and checks every row's checksum. The target is checked against the source by
 * independent queries on both.
 */
class SqlServerWorkersTest {
    private static final List<String> TABLES = List.of("Orders", "Notes");
    private static TestTdsServer server;
    private static String sourceUrl;

    @BeforeAll
    static void createSource() throws Exception {
        server = TestTdsServer.start();
        sourceUrl = server.newDatabase("workers");
        try (Connection c = server.connect(sourceUrl); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE dbo.Orders (Id int IDENTITY(1,1) NOT NULL PRIMARY KEY, Customer nvarchar(40) NOT NULL, "
                    + "Total decimal(12,2) NULL, Placed datetime2(3) NOT NULL)");
            st.execute(TestTdsServer.DIGITS + "INSERT INTO dbo.Orders (Customer, Total, Placed) SELECT N'customer ' + CAST(a.x + 10 * b.x AS "
                    + "nvarchar(10)), CASE WHEN c.x = 0 THEN NULL ELSE (a.x + 10 * b.x + 100 * c.x) / 4.0 END, "
                    + "DATEADD(minute, a.x + 10 * b.x + 100 * c.x + 1000 * e.x, '2024-01-01') "
                    + "FROM d a CROSS JOIN d b CROSS JOIN d c CROSS JOIN d e CROSS JOIN (VALUES (1),(2)) f(y)");
            st.execute("CREATE TABLE dbo.Notes (Id bigint NOT NULL PRIMARY KEY, OrderId int NOT NULL "
                    + "REFERENCES dbo.Orders (Id), Body nvarchar(max) NULL)");
            st.execute(TestTdsServer.DIGITS + "INSERT INTO dbo.Notes SELECT 1 + a.x + 10 * b.x + 100 * c.x + 1000 * e.x, "
                    + "1 + a.x + 10 * b.x, REPLICATE(N'ñ', a.x * 30) FROM d a CROSS JOIN d b CROSS JOIN d c CROSS JOIN d e");
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void workersNeedTheQuiescedPromiseThenCopyEveryPartitionOnceAndFinalizeChecksEveryRow() throws Exception {
        String target = TestPostgres.newDatabase("mssql_workers");
        assertThat(Migrator.migrate(options(target).phase(RunPhase.PLAN).build()).status()).isEqualTo(MigrationStatus.SUCCEEDED);

        assertThatThrownBy(() -> Migrator.migrate(options(target).phase(RunPhase.COPY).workerId("a").build()))
                .as("a worker of a SQL Server plan, which holds no snapshot").isInstanceOf(OptionException.class)
                .hasMessageStartingWith("--source-quiesced is required");
        assertThat(TestPostgres.queryOne(target, "SELECT count(*) FROM dbo.orders")).as("nothing copied by the refused worker").isEqualTo("0");

        CompletableFuture<MigrationResult> a = CompletableFuture.supplyAsync(() -> Migrator.migrate(
                options(target).phase(RunPhase.COPY).workerId("a").sourceQuiesced(true).build()));
        MigrationResult b = Migrator.migrate(options(target).phase(RunPhase.COPY).workerId("b").sourceQuiesced(true).build());
        MigrationResult first = a.get(180, TimeUnit.SECONDS);
        assertThat(first.status()).as("worker a: %s", first.errorMessage()).isEqualTo(MigrationStatus.SUCCEEDED);
        assertThat(b.status()).as("worker b: %s", b.errorMessage()).isEqualTo(MigrationStatus.SUCCEEDED);
        assertThat(first.totalRows() + b.totalRows()).as("rows the two workers copied").isEqualTo(30_000);
        assertThat(TestPostgres.queryOne(target, "SELECT count(*) FROM (SELECT 1 FROM migbench.partition_history WHERE event = 'done'"
                + " GROUP BY table_name, part_no HAVING count(*) > 1) twice")).as("no partition completed twice").isEqualTo("0");

        MigrationResult finalized = Migrator.migrate(options(target).phase(RunPhase.FINALIZE).sourceQuiesced(true).build());

        assertThat(finalized.status()).as("finalize: %s", finalized.errorMessage()).isEqualTo(MigrationStatus.SUCCEEDED);
        assertThat(finalized.tables()).as("checksums of every table").hasSize(2)
                .allMatch(t -> Boolean.TRUE.equals(t.checksumMatch()));
        for (String table : TABLES) {
            assertThat(TestPostgres.queryOne(target, "SELECT count(*) || ':' || sum(id) || ':' || count(DISTINCT id) FROM dbo."
                    + table.toLowerCase(Locale.ROOT)))
                    .as("count, sum and distinct ids of %s", table)
                    .isEqualTo(server.queryOne(sourceUrl, "SELECT CAST(COUNT(*) AS varchar(20)) + ':' + CAST(SUM(CAST(Id AS bigint)) AS varchar(30)) "
                            + "+ ':' + CAST(COUNT(DISTINCT Id) AS varchar(20)) FROM dbo." + table));
        }
        assertThat(TestPostgres.queryOne(target, "SELECT sum(length(body)) FROM dbo.notes"))
                .isEqualTo(server.queryOne(sourceUrl, "SELECT CAST(SUM(CAST(LEN(Body) AS bigint)) AS varchar(30)) FROM dbo.Notes"));
        assertThat(TestPostgres.queryOne(target, "SELECT count(*) FROM pg_constraint WHERE contype IN ('p', 'f') AND connamespace = 'dbo'::regnamespace"))
                .as("both primary keys and the foreign key, built by finalize").isEqualTo("3");
        assertThat(TestPostgres.queryOne(target, "INSERT INTO dbo.orders (customer, placed) VALUES ('next', now()) RETURNING id"))
                .as("the identity continues after the source's last value").isEqualTo("20001");
    }

    private static MigrationOptions.Builder options(String target) {
        return MigrationOptions.builder()
                .source(new ConnectionSpec(sourceUrl, server.user(), server.password()))
                .target(new ConnectionSpec(target, TestPostgres.USER, TestPostgres.PASSWORD))
                .tasks(2).partitions(8).partitionThresholdRows(1000).verify(VerifyMode.CHECKSUM);
    }
}

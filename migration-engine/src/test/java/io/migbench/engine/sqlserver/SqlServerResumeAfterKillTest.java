package io.migbench.engine.sqlserver;

import io.migbench.engine.ConnectionSpec;
import io.migbench.engine.MigrationOptions;
import io.migbench.engine.MigrationResult;
import io.migbench.engine.MigrationStatus;
import io.migbench.engine.Migrator;
import io.migbench.engine.internal.PausePoints;
import io.migbench.engine.VerifyMode;
import io.migbench.engine.cli.EngineMain;
import io.migbench.engine.testing.TestPostgres;
import io.migbench.engine.testing.TestTdsServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SIGKILLs an engine JVM reading a TDS source ({@link TestTdsServer}) while its third partition's COPY is sent but
 * not committed, then resumes: the target ends with exactly the source's rows (count, sum, distinct keys read from
 * both databases), checksum-verified, with its primary key.
 */
class SqlServerResumeAfterKillTest {
    private static final String POINT = "partition-streamed#3";
    private static final List<String> TABLES = List.of("Events", "Loose");
    private static TestTdsServer server;
    private static String sourceUrl;

    @BeforeAll
    static void createSource() throws Exception {
        server = TestTdsServer.start();
        sourceUrl = server.newDatabase("kill");
        try (Connection c = server.connect(sourceUrl); Statement st = c.createStatement()) {
            String numbers = "FROM d a CROSS JOIN d b CROSS JOIN d c CROSS JOIN d e CROSS JOIN d f";
            st.execute("CREATE TABLE dbo.Events (Id bigint NOT NULL PRIMARY KEY, Payload nvarchar(200) NOT NULL, "
                    + "Amount decimal(12,2) NULL)");
            st.execute(TestTdsServer.DIGITS + "INSERT INTO dbo.Events SELECT 1 + a.x + 10 * b.x + 100 * c.x + 1000 * e.x + 10000 * f.x, "
                    + "REPLICATE(N'p', 1 + (a.x + b.x) * 5), (a.x + 10 * b.x) / 7.0 " + numbers);
            st.execute("CREATE TABLE dbo.Loose (Id bigint NULL, Note nvarchar(20) NULL)");
            st.execute(TestTdsServer.DIGITS + "INSERT INTO dbo.Loose SELECT a.x + 10 * b.x + 100 * c.x, N'n' + CAST(a.x AS nvarchar(5)) "
                    + "FROM d a CROSS JOIN d b CROSS JOIN d c CROSS JOIN d e");
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void resumeAfterKillWhilePartitionsStreamEndsWithExactlyTheSourceRows() throws Exception {
        String target = TestPostgres.newDatabase("mssql_kill");
        Path log = Files.createTempFile("engine-mssql-kill", ".log");
        Process engine = start(target, log);
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
            while (!Files.readString(log).contains("migbench: paused at " + POINT)) {
                assertThat(engine.isAlive()).as("engine still running before %s, log:%n%s", POINT, Files.readString(log))
                        .isTrue();
                assertThat(System.nanoTime()).as("engine reached %s in time", POINT).isLessThan(deadline);
                Thread.sleep(10);
            }
        } finally {
            engine.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        assertThat(engine.exitValue()).as("SIGKILLed").isEqualTo(137);
        assertThat(TestPostgres.queryOne(target, "SELECT count(*) FROM migbench.partition_state WHERE status <> 'done'"))
                .as("killed part-way").isNotEqualTo("0");

        MigrationResult resumed = Migrator.migrate(options(target).resume(true).verify(VerifyMode.CHECKSUM).build());

        assertThat(resumed.status()).as("resume: %s", resumed.errorMessage()).isEqualTo(MigrationStatus.SUCCEEDED);
        for (String table : TABLES) {
            assertThat(TestPostgres.queryOne(target, "SELECT count(*) || ':' || coalesce(sum(id), 0) || ':' || count(DISTINCT id) FROM dbo."
                    + table.toLowerCase(java.util.Locale.ROOT)))
                    .as("count, sum and distinct ids of %s", table)
                    .isEqualTo(server.queryOne(sourceUrl, "SELECT CAST(COUNT(*) AS varchar(20)) + ':' + CAST(COALESCE(SUM(Id), 0) AS varchar(30)) "
                            + "+ ':' + CAST(COUNT(DISTINCT Id) AS varchar(20)) FROM dbo." + table));
        }
        assertThat(resumed.tables()).as("checksums match").hasSize(2)
                .allMatch(t -> Boolean.TRUE.equals(t.checksumMatch()));
        assertThat(TestPostgres.queryOne(target, "SELECT count(*) FROM pg_constraint WHERE conrelid = 'dbo.events'::regclass AND contype = 'p'"))
                .as("primary key built after resume").isEqualTo("1");
    }

    private static MigrationOptions.Builder options(String target) {
        return MigrationOptions.builder()
                .source(new ConnectionSpec(sourceUrl, server.user(), server.password()))
                .target(new ConnectionSpec(target, TestPostgres.USER, TestPostgres.PASSWORD))
                .tasks(2).partitions(12).partitionThresholdRows(1000);
    }

    private static Process start(String target, Path log) throws Exception {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-D" + PausePoints.PROPERTY + "=" + POINT, "-cp", System.getProperty("java.class.path"),
                EngineMain.class.getName(), "--source", sourceUrl, "--target", target,
                "--source-user", server.user(), "--target-user", TestPostgres.USER,
                "--source-password-env", "KILL_TEST_SOURCE_PW", "--target-password-env", "KILL_TEST_TARGET_PW",
                "--tasks", "2", "--index-tasks", "1", "--partitions", "12", "--split", "key",
                "--partition-threshold-rows", "1000", "--verify", "checksum", "--progress", "log");
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("KILL_TEST_SOURCE_PW", server.password());
        pb.environment().put("KILL_TEST_TARGET_PW", TestPostgres.PASSWORD);
        return pb.start();
    }
}

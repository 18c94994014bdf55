package io.migbench.engine;

import io.migbench.engine.cli.EngineMain;
import io.migbench.engine.testing.TestPostgres;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static io.migbench.engine.Databases.count;
import static io.migbench.engine.Databases.exec;
import static io.migbench.engine.Databases.queryOne;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kills a separate engine JVM (SIGKILL) while partitions are committed and others are in flight, then resumes:
 * the target ends with exactly the source rows, verified by count and checksum.
 */
class ResumeAfterKillTest {
    private static final String SUMMARY = "SELECT count(*) || ':' || sum(id) || ':' || count(DISTINCT id) FROM ";

    @Test
    void resumeAfterKillEndsWithExactlyTheSourceRows() throws Exception {
        String source = TestPostgres.newDatabase("src_kill");
        String target = TestPostgres.newDatabase("tgt_kill");
        exec(source,
                "CREATE TABLE events (id bigint PRIMARY KEY, payload text, amount numeric(12, 2))",
                "INSERT INTO events SELECT g, md5(g::text) || repeat('x', g % 50), g / 7.0 FROM generate_series(1, 400000) g",
                "CREATE TABLE loose (id bigint, note text)",
                "INSERT INTO loose SELECT g, 'n' || g FROM generate_series(1, 60000) g",
                "CREATE TABLE tiny (id int PRIMARY KEY)",
                "INSERT INTO tiny SELECT generate_series(1, 10)",
                "ANALYZE");

        Process engine = startEngine(source, target);
        Path log = engineLog;
        try (Connection watcher = TestPostgres.connect(target)) {
            waitForDonePartitions(engine, target, 2);
            // hold the state table: the next partition finishing its COPY now waits to be marked done
            watcher.setAutoCommit(false);
            try (Statement st = watcher.createStatement()) {
                st.execute("LOCK TABLE migbench.partition_state IN SHARE MODE");
            }
            waitUntilEngineBlocks(engine, target);
            engine.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            watcher.rollback();
        }
        assertThat(engine.exitValue()).as("engine was killed, log:%n%s", Files.readString(log)).isNotZero();
        long done = Long.parseLong(queryOne(target, "SELECT count(*) FROM migbench.partition_state WHERE status = 'done'"));
        long total = Long.parseLong(queryOne(target, "SELECT count(*) FROM migbench.partition_state"));
        assertThat(done).as("killed part-way: some partitions done, not all").isBetween(2L, total - 1);

        MigrationResult resumed = Migrator.migrate(Databases.options(source, target).resume(true)
                .verify(VerifyMode.CHECKSUM).tasks(2).build());

        assertThat(resumed.status()).as("resume: %s", resumed.errorMessage()).isEqualTo(MigrationStatus.SUCCEEDED);
        for (String table : List.of("events", "loose", "tiny")) {
            assertThat(queryOne(target, SUMMARY + table)).as("count, sum and distinct ids of %s", table)
                    .isEqualTo(queryOne(source, SUMMARY + table));
        }
        assertThat(count(target, "events")).isEqualTo(400000);
        assertThat(resumed.tables()).as("checksums match").allMatch(t -> Boolean.TRUE.equals(t.checksumMatch()));
        assertThat(queryOne(target, "SELECT count(*) FROM migbench.partition_state WHERE status <> 'done'"))
                .as("every partition done").isEqualTo("0");
        assertThat(queryOne(target, "SELECT count(*) FROM pg_constraint WHERE conrelid = 'events'::regclass AND contype = 'p'"))
                .as("primary key built after resume").isEqualTo("1");
    }

    private Path engineLog;

    private Process startEngine(String source, String target) throws Exception {
        engineLog = Files.createTempFile("engine-kill", ".log");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), EngineMain.class.getName(),
                "--source", source, "--target", target, "--source-user", TestPostgres.USER, "--target-user", TestPostgres.USER,
                "--source-password-env", "KILL_TEST_PW", "--target-password-env", "KILL_TEST_PW",
                "--tasks", "2", "--partitions", "12", "--split", "key", "--partition-threshold-rows", "1000",
                "--progress", "log"));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(engineLog.toFile());
        pb.environment().put("KILL_TEST_PW", TestPostgres.PASSWORD);
        return pb.start();
    }

    private void waitForDonePartitions(Process engine, String target, int wanted) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            assertThat(engine.isAlive()).as("engine still running, log:%n%s", Files.readString(engineLog)).isTrue();
            boolean planned = queryOne(target, "SELECT to_regclass('migbench.partition_state')") != null;
            if (planned && Long.parseLong(queryOne(target,
                    "SELECT count(*) FROM migbench.partition_state WHERE status = 'done'")) >= wanted) {
                return;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("engine did not finish " + wanted + " partitions in time");
    }

    private static void waitUntilEngineBlocks(Process engine, String target) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline && engine.isAlive()) {
            String waiting = queryOne(target, "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
                    + " AND query LIKE 'UPDATE migbench.partition_state%'");
            if (!"0".equals(waiting)) {
                return;
            }
            Thread.sleep(10);
        }
    }

}

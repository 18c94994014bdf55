package io.migbench.engine;

import io.migbench.engine.internal.PausePoints;
import io.migbench.engine.cli.EngineMain;
import io.migbench.engine.testing.TestPostgres;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static io.migbench.engine.Databases.exec;
import static io.migbench.engine.Databases.queryOne;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * SIGKILLs a separate engine JVM ({@code -Xmx256m}) at named steps of a migration (the engine's
 * {@link PausePoints} test hook holds it there), then resumes: the target ends with exactly the source rows,
 * checksum-verified, with keys, indexes and foreign keys. 15 kills in all: the three core points and the kill inside
 * a partitioned table run in every build, the other 11 (8 points, a resume killed in turn, a kill mid-stream) with
 * {@code -Pfaults}.
 */
class KillPointsTest {
    private static final String SUMMARY = "SELECT count(*) || ':' || coalesce(sum(id), 0) || ':' || count(DISTINCT id) FROM ";
    private static final List<String> TABLES = List.of("events", "loose", "tiny", "child", "readings", "readings_2024",
            "readings_other");
    /** Tables holding rows (a partitioned table's rows are its leaves'). */
    private static final int COPIED_TABLES = 6;
    private static String source;

    @BeforeAll
    static void source() {
        source = TestPostgres.newDatabase("src_killpoints");
        exec(source,
                "CREATE TABLE events (id bigint PRIMARY KEY, payload text, amount numeric(12, 2))",
                "INSERT INTO events SELECT g, md5(g::text) || repeat('x', g % 50), g / 7.0 FROM generate_series(1, 120000) g",
                "CREATE INDEX events_amount ON events (amount)",
                "CREATE TABLE loose (id bigint, note text)",
                "INSERT INTO loose SELECT g, 'n' || g FROM generate_series(1, 30000) g",
                "CREATE TABLE tiny (id int PRIMARY KEY)",
                "INSERT INTO tiny SELECT generate_series(1, 10)",
                "CREATE TABLE child (id int PRIMARY KEY, event_id bigint REFERENCES events)",
                "INSERT INTO child SELECT g, g * 3 FROM generate_series(1, 5000) g",
                // a partitioned table: its leaves are split and copied like tables, its key and index built on it
                "CREATE TABLE readings (id bigint, at date NOT NULL, v text, PRIMARY KEY (id, at)) PARTITION BY RANGE (at)",
                "CREATE TABLE readings_2024 PARTITION OF readings FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')",
                "CREATE TABLE readings_other PARTITION OF readings DEFAULT",
                "CREATE INDEX readings_v ON readings (v)",
                "INSERT INTO readings SELECT g, date '2023-06-01' + g % 900, E'r\\t' || g FROM generate_series(1, 40000) g",
                "ANALYZE");
    }

    @ParameterizedTest(name = "killed at {0}")
    @ValueSource(strings = {"partition-streamed#3", "index-built#1", "verify-table#1"})
    void resumeAfterKillAtCorePointEndsWithExactlyTheSourceRows(String point) throws Exception {
        killThenResume(point);
    }

    @Test
    void resumeAfterKillInsideAPartitionedTableEndsExact() throws Exception {
        String target = TestPostgres.newDatabase("tgt_kill_tree");
        Path log = Files.createTempFile("engine-kill", ".log");
        Process engine = start(target, "partition-streamed#5", false, log, "--tables", "readings");
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (!Files.readString(log).contains("migbench: paused at partition-streamed#5")) {
                assertThat(engine.isAlive()).as("engine running, log:%n%s", Files.readString(log)).isTrue();
                assertThat(System.nanoTime()).as("engine reached the pause in time").isLessThan(deadline);
                Thread.sleep(10);
            }
        } finally {
            engine.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        assertThat(queryOne(target, "SELECT count(DISTINCT table_name) || ':' || bool_or(status = 'done') || ':'"
                + " || bool_or(status <> 'done') FROM migbench.partition_state"))
                .as("killed with both leaves planned, some of their ranges committed, others not").isEqualTo("2:true:true");

        MigrationResult resumed = Migrator.migrate(Databases.options(source, target).includeTables(List.of("readings"))
                .resume(true).verify(VerifyMode.CHECKSUM).tasks(2).build());

        assertThat(resumed.status()).as("resume: %s", resumed.errorMessage()).isEqualTo(MigrationStatus.SUCCEEDED);
        for (String table : List.of("readings", "readings_2024", "readings_other")) {
            assertThat(Databases.rowsAsText(target, table)).as("rows of %s", table)
                    .isEqualTo(Databases.rowsAsText(source, table));
        }
        assertThat(queryOne(target, "SELECT count(*) FROM pg_constraint WHERE conrelid = 'readings'::regclass AND contype = 'p'"))
                .as("key on the partitioned table").isEqualTo("1");
    }

    @Tag("faults")
    @ParameterizedTest(name = "killed at {0}")
    @ValueSource(strings = {"schema-created", "partition-streamed#1", "partition-streamed#8", "copy-finished",
            "index-built#2", "index-built#4", "finalized", "verify-table#3"})
    void resumeAfterKillAtAnyPointEndsWithExactlyTheSourceRows(String point) throws Exception {
        killThenResume(point);
    }

    @Tag("faults")
    @ParameterizedTest(name = "killed at {0}, resume killed at partition-streamed#2")
    @ValueSource(strings = {"partition-streamed#4"})
    void resumeThatIsItselfKilledStillEndsExact(String point) throws Exception {
        String target = TestPostgres.newDatabase("tgt_kill2");
        killAt(point, target, false);
        killAt("partition-streamed#2", target, true);
        assertResumeEndsExact(target);
    }

    @Tag("faults")
    @ParameterizedTest(name = "killed while COPY streams ({0} partitions done)")
    @ValueSource(ints = {2})
    void resumeAfterKillWhileCopyStreams(int donePartitions) throws Exception {
        String target = TestPostgres.newDatabase("tgt_killcopy");
        Path log = Files.createTempFile("engine-kill", ".log");
        Process engine = start(target, null, false, log);
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (!(done(target) >= donePartitions && "1".equals(queryOne(target,
                    "SELECT least(count(*), 1) FROM pg_stat_activity WHERE query LIKE 'COPY %FROM STDIN%' AND state = 'active'")))) {
                assertThat(engine.isAlive()).as("engine running, log:%n%s", Files.readString(log)).isTrue();
                assertThat(System.nanoTime()).as("engine reached the copy phase in time").isLessThan(deadline);
                Thread.sleep(5);
            }
        } finally {
            engine.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        assertResumeEndsExact(target);
    }

    private void killThenResume(String point) throws Exception {
        String target = TestPostgres.newDatabase("tgt_kill");
        killAt(point, target, false);
        assertResumeEndsExact(target);
    }

    private static void killAt(String point, String target, boolean resume) throws Exception {
        Path log = Files.createTempFile("engine-kill", ".log");
        Process engine = start(target, point, resume, log);
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (!Files.readString(log).contains("migbench: paused at " + point)) {
                assertThat(engine.isAlive()).as("engine still running before %s, log:%n%s", point, Files.readString(log))
                        .isTrue();
                assertThat(System.nanoTime()).as("engine reached %s in time", point).isLessThan(deadline);
                Thread.sleep(10);
            }
        } finally {
            engine.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        assertThat(engine.exitValue()).as("SIGKILLed").isEqualTo(137);
    }

    private static void assertResumeEndsExact(String target) {
        MigrationResult resumed = Migrator.migrate(Databases.options(source, target).resume(true)
                .verify(VerifyMode.CHECKSUM).tasks(2).build());

        assertThat(resumed.status()).as("resume: %s", resumed.errorMessage()).isEqualTo(MigrationStatus.SUCCEEDED);
        for (String table : TABLES) {
            assertThat(queryOne(target, SUMMARY + table)).as("count, sum and distinct ids of %s", table)
                    .isEqualTo(queryOne(source, SUMMARY + table));
        }
        assertThat(Databases.rowsAsText(target, "loose")).as("every row of the keyless table")
                .isEqualTo(Databases.rowsAsText(source, "loose"));
        assertThat(resumed.tables()).as("checksum of every table matches").hasSize(COPIED_TABLES)
                .allMatch(t -> Boolean.TRUE.equals(t.checksumMatch()));
        assertThat(queryOne(target, "SELECT count(*) FROM migbench.partition_state WHERE status <> 'done'"))
                .as("every partition done").isEqualTo("0");
        assertThat(queryOne(target, "SELECT string_agg(conname || ':' || contype::text, ',' ORDER BY conname) FROM pg_constraint"
                + " WHERE conrelid IN ('events'::regclass, 'child'::regclass)"))
                .as("keys and foreign key built").isEqualTo("child_event_id_fkey:f,child_pkey:p,events_pkey:p");
        assertThat(queryOne(target, "SELECT to_regclass('events_amount') IS NOT NULL")).as("index built").isEqualTo("t");
        assertThat(Databases.rowsAsText(target, "readings_other")).as("every row of a partition")
                .isEqualTo(Databases.rowsAsText(source, "readings_other"));
        assertThat(queryOne(target, "SELECT string_agg(c.relname || ':' || i.indisvalid, ',' ORDER BY c.relname)"
                + " FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid WHERE c.relname LIKE 'readings%'"))
                .as("key and index on the partitioned table, cascaded to its partitions")
                .isEqualTo("readings_2024_pkey:true,readings_2024_v_idx:true,readings_other_pkey:true,"
                        + "readings_other_v_idx:true,readings_pkey:true,readings_v:true");
    }

    private static long done(String target) throws Exception {
        if (queryOne(target, "SELECT to_regclass('migbench.partition_state')") == null) {
            return 0;
        }
        return Long.parseLong(queryOne(target, "SELECT count(*) FROM migbench.partition_state WHERE status = 'done'"));
    }

    private static Process start(String target, String pauseAt, boolean resume, Path log, String... extra) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m"));
        if (pauseAt != null) {
            command.add("-D" + PausePoints.PROPERTY + "=" + pauseAt);
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), EngineMain.class.getName(),
                "--source", source, "--target", target, "--source-user", TestPostgres.USER, "--target-user", TestPostgres.USER,
                "--source-password-env", "KILL_TEST_PW", "--target-password-env", "KILL_TEST_PW",
                "--tasks", "2", "--index-tasks", "1", "--partitions", "12", "--split", "key",
                "--partition-threshold-rows", "1000", "--verify", "checksum", "--progress", "log"));
        if (resume) {
            command.add("--resume");
        }
        command.addAll(List.of(extra));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("KILL_TEST_PW", TestPostgres.PASSWORD);
        return pb.start();
    }
}

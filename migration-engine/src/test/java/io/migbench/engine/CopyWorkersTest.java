package io.migbench.engine;

import io.migbench.engine.internal.PausePoints;
import io.migbench.engine.cli.EngineMain;
import io.migbench.engine.testing.TestPostgres;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static io.migbench.engine.Databases.exec;
import static io.migbench.engine.Databases.queryColumn;
import static io.migbench.engine.Databases.queryOne;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Separate copy-worker JVMs against one plan whose process holds the source snapshot: two of three workers are
 * SIGKILLed while each holds a partition whose rows are streamed but not committed, replacements are started, and
 * the target ends exact (engine checksums, and an independent count and md5 of every table on both sides). The
 * state table's history shows every partition completed exactly once; finalize refuses while partitions are
 * missing; a worker invoked with other options refuses in one line.
 */
class CopyWorkersTest {
    private static final String PASSWORD_ENV = "WORKERS_TEST_PW";
    private static final List<String> TABLES = List.of("events", "loose", "tiny", "child");

    @Test
    void killedWorkersArePickedUpAndTheMigrationEndsExact() throws Exception {
        String source = TestPostgres.newDatabase("src_workers");
        String target = TestPostgres.newDatabase("tgt_workers");
        exec(source,
                "CREATE TABLE events (id bigint PRIMARY KEY, payload text, amount numeric(12, 2))",
                "INSERT INTO events SELECT g, md5(g::text) || repeat('x', g % 40), g / 7.0 FROM generate_series(1, 160000) g",
                "CREATE TABLE loose (id bigint, note text)",
                "INSERT INTO loose SELECT g, 'n' || g FROM generate_series(1, 40000) g",
                "CREATE TABLE tiny (id int PRIMARY KEY)",
                "INSERT INTO tiny SELECT generate_series(1, 10)",
                "CREATE TABLE child (id int PRIMARY KEY, event_id bigint REFERENCES events)",
                "INSERT INTO child SELECT g, g * 3 FROM generate_series(1, 5000) g",
                "ANALYZE");
        List<String> common = List.of("--source", source, "--target", target, "--source-user", TestPostgres.USER,
                "--target-user", TestPostgres.USER, "--source-password-env", PASSWORD_ENV,
                "--target-password-env", PASSWORD_ENV, "--partitions", "12", "--partition-threshold-rows", "1000",
                "--verify", "checksum", "--progress", "log");
        List<Process> started = new ArrayList<>();
        try {
            Engine plan = Engine.start("plan", null, common, "--phase", "plan", "--hold-snapshot");
            started.add(plan.process);
            plan.awaitLog("holding source snapshot");

            // each of the two to be killed stops one task after its first partition's rows are streamed, before the
            // commit; its other task copies on
            Engine w1 = Engine.start("w1", "partition-streamed#1", common, "--phase", "copy", "--worker-id", "w1", "--tasks", "2");
            Engine w2 = Engine.start("w2", "partition-streamed#1", common, "--phase", "copy", "--worker-id", "w2", "--tasks", "2");
            started.addAll(List.of(w1.process, w2.process));
            w1.awaitLog("paused at partition-streamed#1");
            w2.awaitLog("paused at partition-streamed#1");
            Engine w3 = Engine.start("w3", null, common, "--phase", "copy", "--worker-id", "w3", "--tasks", "1");
            started.add(w3.process);
            for (String w : List.of("w1", "w2")) {
                List<String> held = queryColumn(target, "SELECT table_name || '#' || part_no FROM migbench.partition_state s"
                        + " WHERE worker_id = '" + w + "' AND status = 'copying' AND EXISTS (SELECT 1 FROM pg_stat_activity a"
                        + " WHERE a.pid = s.holder_pid AND a.state = 'idle in transaction')");
                assertThat(held).as("%s is killed mid-copy: a claimed partition's rows streamed into an open transaction", w)
                        .isNotEmpty();
            }

            Run early = inProcess(common, "--phase", "finalize");
            assertThat(early.exitCode()).as("finalize while partitions are copying; stderr: %s", early.err()).isEqualTo(2);
            assertThat(early.err()).as("finalize names what is missing")
                    .contains("partitions are not done").containsPattern("#\\d+ copying by w[12]");

            for (Engine killed : List.of(w1, w2)) {
                killed.process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
                assertThat(killed.process.exitValue()).as("SIGKILLed").isEqualTo(137);
            }
            Engine w4 = Engine.start("w4", null, common, "--phase", "copy", "--worker-id", "w4", "--tasks", "2");
            Engine w5 = Engine.start("w5", null, common, "--phase", "copy", "--worker-id", "w5", "--tasks", "2");
            started.addAll(List.of(w4.process, w5.process));

            Engine stranger = Engine.start("stranger", null, Stream.concat(common.stream(), Stream.of("--tables", "events"))
                    .toList(), "--phase", "copy", "--worker-id", "w6");
            started.add(stranger.process);
            assertThat(stranger.process.waitFor(60, TimeUnit.SECONDS)).as("the mismatching worker ends").isTrue();
            assertThat(stranger.process.exitValue()).as("mismatching worker: usage error").isEqualTo(2);
            assertThat(Files.readAllLines(stranger.log)).as("refused in one line naming the option")
                    .singleElement().asString().startsWith("migrate: --tables does not match the plan");

            for (Engine w : List.of(w3, w4, w5)) {
                assertThat(w.process.waitFor(120, TimeUnit.SECONDS)).as("%s ends", w.name).isTrue();
                assertThat(w.process.exitValue()).as("%s exit code, log:%n%s", w.name, Files.readString(w.log)).isZero();
            }

            Run finalize = inProcess(common, "--phase", "finalize");
            assertThat(finalize.exitCode()).as("finalize, stderr:%n%s", finalize.err()).isZero();
            assertThat(finalize.out()).contains("SUCCEEDED").contains("verification: checksum");
            assertThat(plan.process.waitFor(30, TimeUnit.SECONDS)).as("the snapshot-holding plan ends after finalize")
                    .isTrue();
            assertThat(plan.process.exitValue()).as("plan exit code, log:%n%s", Files.readString(plan.log)).isZero();

            for (String table : TABLES) {
                String summary = "SELECT count(*) || ':' || sum(id) || ':' || md5(string_agg(t::text, ',' ORDER BY t::text))"
                        + " FROM " + table + " t";
                assertThat(queryOne(target, summary)).as("count, sum and md5 of every row of %s", table)
                        .isEqualTo(queryOne(source, summary));
            }
            assertThat(queryOne(target, "SELECT count(*) FROM (SELECT 1 FROM migbench.partition_history"
                    + " WHERE event = 'done' GROUP BY schema_name, table_name, part_no HAVING count(*) > 1) twice"))
                    .as("no partition completed twice").isEqualTo("0");
            assertThat(queryOne(target, "SELECT count(DISTINCT (table_name, part_no)) FROM migbench.partition_history"
                    + " WHERE event = 'done'")).as("every partition completed")
                    .isEqualTo(queryOne(target, "SELECT count(*) FROM migbench.partition_state"));
            for (String w : List.of("w1", "w2")) {
                List<String> abandoned = queryColumn(target, "SELECT table_name || '#' || part_no FROM"
                        + " migbench.partition_history c WHERE worker_id = '" + w + "' AND event IN ('claimed', 'reclaimed')"
                        + " AND NOT EXISTS (SELECT 1 FROM migbench.partition_history d WHERE d.event = 'done'"
                        + " AND d.worker_id = c.worker_id AND (d.table_name, d.part_no) = (c.table_name, c.part_no))");
                assertThat(abandoned).as("partitions %s held when it was killed", w).isNotEmpty();
                for (String held : abandoned) {
                    assertThat(queryOne(target, "SELECT count(*) FROM migbench.partition_history WHERE event = 'reclaimed'"
                            + " AND table_name || '#' || part_no = '" + held + "' AND detail = 'from " + w
                            + ": its connection ended'")).as("%s, held by killed %s, was taken over", held, w).isEqualTo("1");
                }
            }
            assertThat(queryOne(target, "SELECT string_agg(conname || ':' || contype::text, ',' ORDER BY conname)"
                    + " FROM pg_constraint WHERE conrelid IN ('events'::regclass, 'child'::regclass)"))
                    .as("keys and foreign key built by finalize").isEqualTo("child_event_id_fkey:f,child_pkey:p,events_pkey:p");

            Run status = inProcess(List.of("--target", target, "--target-user", TestPostgres.USER,
                    "--target-password-env", PASSWORD_ENV), "--phase", "status", "--json");
            assertThat(status.exitCode()).as("status, stderr: %s", status.err()).isZero();
            assertThat(status.out()).contains("\"finalized_at\" : \"").contains("\"worker_id\" : \"w1\"")
                    .contains("\"state\" : \"done\"");
        } finally {
            started.forEach(Process::destroyForcibly);
        }
    }

    private record Run(int exitCode, String out, String err) {
    }

    /** A phase run in this JVM (through the command line, as a process would run it). */
    private static Run inProcess(List<String> common, String... extra) {
        CommandLine cli = EngineMain.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        List<String> args = new ArrayList<>(common.stream().filter(a -> !a.equals(PASSWORD_ENV)).toList());
        // this JVM has no password variable: the test user's password goes in directly
        args.removeIf(a -> a.equals("--source-password-env") || a.equals("--target-password-env"));
        int user = args.indexOf("--target");
        args.set(user + 1, args.get(user + 1) + "?password=" + TestPostgres.PASSWORD);
        int src = args.indexOf("--source");
        if (src >= 0) {
            args.set(src + 1, args.get(src + 1) + "?password=" + TestPostgres.PASSWORD);
        }
        args.addAll(List.of(extra));
        int code = cli.execute(args.toArray(String[]::new));
        return new Run(code, out.toString(), err.toString());
    }

    /** An engine process, its output in a log file. */
    private record Engine(String name, Process process, Path log) {
        static Engine start(String name, String pauseAt, List<String> common, String... extra) throws Exception {
            Path log = Files.createTempFile("worker-" + name, ".log");
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                    // as the CLI jar logs: warnings only, so a refusal is the one line on stderr
                    "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"));
            if (pauseAt != null) {
                command.add("-D" + PausePoints.PROPERTY + "=" + pauseAt);
            }
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), EngineMain.class.getName()));
            command.addAll(common);
            command.addAll(List.of(extra));
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            pb.environment().put(PASSWORD_ENV, TestPostgres.PASSWORD);
            return new Engine(name, pb.start(), log);
        }

        void awaitLog(String text) throws Exception {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (!Files.readString(log).contains(text)) {
                assertThat(process.isAlive()).as("%s running before \"%s\", log:%n%s", name, text, Files.readString(log))
                        .isTrue();
                assertThat(System.nanoTime()).as("%s reached \"%s\" in time", name, text).isLessThan(deadline);
                Thread.sleep(10);
            }
        }
    }
}

package io.migbench.harness.cli;

import io.migbench.engine.testing.TestPostgres;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.SoftAssertions.assertSoftly;

/**
 * Bad input through the real {@code migbench} entry point: scenario files, CLI flags and JDBC URLs. Each gets
 * exit code 2 (1 for a migration that started and failed), exactly one line on stderr naming the field or object,
 * no stack trace, and nothing in the target marked complete. Valid but awkward names (quotes, spaces,
 * SQL-injection shapes) migrate exactly.
 */
class BadInputCliTest {
    private static final String PW_ENV = "PGPASSWORD_FOR_TESTS";
    private static String source;

    @TempDir
    static Path tmp;

    /** One bad input, what it must exit with, and a fragment its single error line must contain. */
    record Case(String name, int exit, String mentions, List<String> args) {
    }

    @BeforeAll
    static void sourceWithAwkwardNames() throws Exception {
        source = TestPostgres.newDatabase("src_badinput");
        sql(source, "CREATE TABLE plain (id int PRIMARY KEY, v text)",
                "INSERT INTO plain SELECT g, 'v' || g FROM generate_series(1, 100) g",
                "CREATE TABLE \"Mixed Case \"\"quoted\"\"\" (\"Id\" int PRIMARY KEY, \"select\" text)",
                "INSERT INTO \"Mixed Case \"\"quoted\"\"\" VALUES (1, 'a'), (2, NULL)",
                "CREATE TABLE \"x\"\"; DROP TABLE y; --\" (id int PRIMARY KEY, \"a;b\" text)",
                "INSERT INTO \"x\"\"; DROP TABLE y; --\" VALUES (1, 'it''s'), (2, 'tab\there')",
                "CREATE TABLE y (id int)", "INSERT INTO y VALUES (42)",
                "CREATE TABLE measurements (id int, at date) PARTITION BY RANGE (at)",
                "CREATE TABLE measurements_2024 PARTITION OF measurements FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')",
                "CREATE SCHEMA other", "CREATE TABLE other.t (id int)");
    }

    @Test
    void everyBadInputExitsWithOneClearLineAndLeavesNothingMarkedComplete() throws Exception {
        List<Case> cases = new ArrayList<>();
        String scenario = """
                name: bad
                dataset: {name: stackoverflow, scale: 0.001, seed: 1}
                matrix: {tasks: [1]}
                """;
        cases.add(scenarioCase("unknown key", scenario + "colour: red\n", "colour"));
        cases.add(scenarioCase("misspelt key", scenario + "warmup_trails: 1\n", "warmup_trails"));
        cases.add(scenarioCase("wrong type trials", scenario + "trials: many\n", "trials"));
        cases.add(scenarioCase("zero trials", scenario + "trials: 0\n", "trials"));
        cases.add(scenarioCase("negative tasks", scenario.replace("[1]", "[-4]"), "tasks"));
        cases.add(scenarioCase("zero tasks", scenario.replace("[1]", "[0]"), "tasks"));
        cases.add(scenarioCase("negative scale", scenario.replace("0.001", "-1"), "scale"));
        cases.add(scenarioCase("unknown dataset", scenario.replace("stackoverflow", "nope"), "dataset"));
        cases.add(scenarioCase("unknown engine", scenario + "engines: [oracle]\n", "engines"));
        cases.add(scenarioCase("unknown verify", scenario + "verify: sometimes\n", "verify"));
        cases.add(scenarioCase("impossible memory", scenario + "profiles:\n  - name: p\n    target: {memory: 1KiB}\n", "memory"));
        cases.add(scenarioCase("zero cpus", scenario + "profiles:\n  - name: p\n    target: {cpus: 0}\n", "cpus"));
        cases.add(scenarioCase("password in file", scenario.replace("seed: 1}", "seed: 1, load_into_external: true}") + "backend:\n  type: external\n  source: {url: 'jdbc:postgresql://h/db', user: u, password_env: PATH, password: hunter2}\n"
                + "  target: {url: 'jdbc:postgresql://h/db2', user: u, password_env: PATH}\n", "source.password"));
        cases.add(scenarioCase("NUL byte", scenario + "description: \"a\\0b\"\n", "bad.yaml"));
        cases.add(scenarioCase("broken YAML", "name: [unclosed\n", "bad.yaml"));
        cases.add(new Case("missing scenario file", 2, "missing.yaml",
                List.of("sweep", tmp.resolve("missing.yaml").toString())));
        cases.add(new Case("unknown sweep flag", 2, "--frobnicate", List.of("sweep", "--frobnicate", "x.yaml")));

        cases.add(migrate("NUL in a schema name", 2, "--schema ", "--schema", "pub\0lic"));
        cases.add(migrate("negative tasks flag", 2, "--tasks ", "--tasks", "-1"));
        cases.add(migrate("zero tasks flag", 2, "--tasks ", "--tasks", "0"));
        cases.add(migrate("tasks not a number", 2, "--tasks", "--tasks", "lots"));
        cases.add(migrate("zero partitions", 2, "--partitions ", "--partitions", "0"));
        cases.add(migrate("negative threshold", 2, "--partition-threshold-rows ", "--partition-threshold-rows", "-5"));
        cases.add(migrate("unknown split", 2, "--split", "--split", "diagonal"));
        cases.add(migrate("unknown verify flag", 2, "--verify", "--verify", "maybe"));
        cases.add(migrate("negative socket timeout", 2, "--socket-timeout ", "--socket-timeout", "-1"));
        cases.add(migrate("zero copy attempts", 2, "--copy-attempts ", "--copy-attempts", "0"));
        cases.add(migrate("unset password variable", 2, "NO_SUCH_VARIABLE_XYZ", "--target-password-env", "NO_SUCH_VARIABLE_XYZ"));
        cases.add(migrate("resume with truncate", 2, "--resume ", "--resume", "--mode", "truncate"));
        cases.add(migrate("resume without state", 2, "--resume ", "--resume", "--exclude", "measurements"));
        cases.add(migrate("state schema as source schema", 2, "--schema ", "--schema", "migbench"));
        cases.add(migrate("missing schema", 2, "no_such_schema", "--schema", "no_such_schema"));
        cases.add(migrate("unknown table glob", 2, "nothing_like_this*", "--tables", "nothing_like_this*"));
        cases.add(migrate("a partition without its partitioned table", 2, "--tables matches public.measurements_2024",
                "--tables", "measurements_2024"));
        cases.add(migrate("target table already present", 2, "plain", "--tables", "plain", "--target", targetWith("plain")));
        cases.add(migrate("too many tasks for max_connections", 2, "max_connections", "--tasks", "500"));
        cases.add(new Case("unsupported source URL", 2, "source", migrateArgs("jdbc:oracle:thin:@h:1521/x", newTarget())));
        cases.add(new Case("target not PostgreSQL", 2, "target", migrateArgs(source, "jdbc:mysql://h/db")));
        cases.add(new Case("unreachable host", 1, "source jdbc:postgresql://127.0.0.1:1/db", migrateArgs("jdbc:postgresql://127.0.0.1:1/db?connectTimeout=2", newTarget())));
        cases.add(new Case("missing database", 1, "no_such_db", migrateArgs(source.replaceAll("/[^/?]+$", "/no_such_db"), newTarget())));

        assertThat(cases).as("table of bad inputs").hasSizeGreaterThanOrEqualTo(30);
        assertSoftly(soft -> {
            for (Case c : cases) {
                Run r = run(c.args());
                List<String> lines = r.err().lines().filter(l -> !l.isBlank()).toList();
                soft.assertThat(r.exit()).as("%s: exit code (stderr: %s)", c.name(), r.err()).isEqualTo(c.exit());
                soft.assertThat(lines).as("%s: exactly one stderr line", c.name()).hasSize(1);
                soft.assertThat(r.err()).as("%s: names the field or object", c.name()).contains(c.mentions());
                soft.assertThat(r.err() + r.out()).as("%s: no stack trace", c.name()).doesNotContain("\tat ").doesNotContain("Exception:");
            }
        });
        for (String target : targets) {
            assertThat(doneMarks(target)).as("nothing marked complete in %s", target).isZero();
        }
        assertThat(query(source, "SELECT count(*) FROM y")).as("the injection-shaped name dropped nothing").isEqualTo("1");
    }

    @Test
    void debugFlagAddsTheStackTrace() {
        Run r = run(List.of("migrate", "--source", source, "--target", newTarget(), "--source-user", "postgres",
                "--target-user", "postgres", "--tasks", "0", "--debug"));
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).as("stack trace with --debug").contains("\tat ").contains("tasks");
    }

    @Test
    void namesNeedingQuotingAndInjectionShapedNamesMigrateExactly() throws Exception {
        String target = newTarget();
        Run r = run(migrateArgs(source, target, "--exclude", "measurements", "--verify", "checksum"));

        assertThat(r.exit()).as("migrate: %s", r.err()).isZero();
        for (String table : List.of("\"Mixed Case \"\"quoted\"\"\"", "\"x\"\"; DROP TABLE y; --\"", "y", "plain")) {
            assertThat(query(target, "SELECT string_agg(t::text, '|' ORDER BY t::text) FROM " + table + " t"))
                    .as("rows of %s", table).isEqualTo(query(source, "SELECT string_agg(t::text, '|' ORDER BY t::text) FROM " + table + " t"));
        }
        assertThat(query(target, "SELECT count(*) FROM pg_constraint WHERE conrelid = '\"x\"\"; DROP TABLE y; --\"'::regclass AND contype = 'p'"))
                .as("primary key of the injection-shaped table").isEqualTo("1");
        assertThat(query(target, "SELECT count(*) FROM y")).as("y intact").isEqualTo("1");
    }

    // ---- helpers

    private final List<String> targets = new ArrayList<>();

    private String newTarget() {
        String t = TestPostgres.newDatabase("tgt_badinput");
        targets.add(t);
        return t;
    }

    private String targetWith(String table) throws Exception {
        String t = newTarget();
        sql(t, "CREATE TABLE " + table + " (id int)");
        return t;
    }

    private Case migrate(String name, int exit, String mentions, String... extra) {
        return new Case(name, exit, mentions, migrateArgs(source, newTarget(), extra));
    }

    private static List<String> migrateArgs(String src, String target, String... extra) {
        List<String> args = new ArrayList<>(List.of("migrate", "--source", src, "--target", target,
                "--source-user", "postgres", "--target-user", "postgres", "--progress", "none"));
        args.addAll(List.of(extra));
        int i = args.indexOf("--target");
        if (args.lastIndexOf("--target") != i) {
            args.remove(i + 1);
            args.remove(i);
        }
        return args;
    }

    private static Case scenarioCase(String name, String yaml, String mentions) throws Exception {
        Path file = tmp.resolve("bad.yaml");
        Path dir = Files.createDirectories(tmp.resolve(name.replaceAll("\\W", "_")));
        Files.writeString(dir.resolve("bad.yaml"), yaml);
        return new Case(name, 2, mentions, List.of("sweep", dir.resolve(file.getFileName()).toString(),
                "--out", dir.resolve("out").toString()));
    }

    record Run(int exit, String out, String err) {
    }

    /** Runs the real CLI; stderr also captures what loggers print (they write to System.err). */
    static Run run(List<String> args) {
        PrintStream realErr = System.err;
        ByteArrayOutputStream logged = new ByteArrayOutputStream();
        System.setErr(new PrintStream(logged, true, StandardCharsets.UTF_8));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit;
        try {
            CommandLine cli = MigbenchCli.newCommandLine();
            cli.setOut(new PrintWriter(out, true));
            cli.setErr(new PrintWriter(err, true));
            exit = cli.execute(args.toArray(String[]::new));
        } finally {
            System.setErr(realErr);
        }
        return new Run(exit, out.toString(), logged.toString(StandardCharsets.UTF_8) + err);
    }

    private static long doneMarks(String url) throws Exception {
        if (query(url, "SELECT to_regclass('migbench.partition_state')") == null) {
            return 0;
        }
        return Long.parseLong(query(url, "SELECT count(*) FROM migbench.partition_state WHERE status = 'done'"));
    }

    static String query(String url, String sql) throws Exception {
        try (Connection c = TestPostgres.connect(url); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    static void sql(String url, String... statements) throws Exception {
        try (Connection c = TestPostgres.connect(url); Statement st = c.createStatement()) {
            for (String s : statements) {
                st.execute(s);
            }
        }
    }
}

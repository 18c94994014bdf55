package io.migbench.engine.cli;

import io.migbench.engine.testing.TestPostgres;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/** The CLI contract: options, exit codes 0/1/2, summary tables, no password in output. */
class MigrateCommandTest {
    private static String source;

    @BeforeAll
    static void createSource() throws Exception {
        source = TestPostgres.newDatabase("src_cli");
        try (Connection c = TestPostgres.connect(source); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE big (id int PRIMARY KEY, v text)");
            st.execute("INSERT INTO big SELECT g, 'v' || g FROM generate_series(1, 30000) g");
            st.execute("CREATE TABLE small_a (id int PRIMARY KEY)");
            st.execute("INSERT INTO small_a SELECT generate_series(1, 100)");
            st.execute("CREATE TABLE small_b (t text)");
            st.execute("INSERT INTO small_b VALUES ('x'), (NULL)");
        }
    }

    private record Run(int exitCode, String out, String err) {
    }

    private static Run run(String... args) {
        CommandLine cli = EngineMain.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void migratesWithAutoSplitAndPrintsSummaryTables() throws Exception {
        String target = TestPostgres.newDatabase("tgt_cli");
        String secretUrl = source + "?password=" + TestPostgres.PASSWORD + "&ApplicationName=cli-secret-test";

        Run r = run("--source", secretUrl, "--target", target, "--source-user", "postgres", "--target-user", "postgres",
                "--tasks", "2", "--partitions", "3", "--partition-threshold-rows", "1000", "--verify", "checksum",
                "--progress", "log");

        assertThat(r.exitCode()).as("exit code, stderr:%n%s", r.err()).isZero();
        assertThat(r.out()).as("per-table summary").contains("public.big", "public.small_a", "public.small_b", "rows/s")
                .as("per-phase summary").contains("schema", "copy", "index", "verify", "total", "SUCCEEDED");
        assertThat(r.out() + r.err()).as("password never printed").doesNotContain("password=postgres");
        assertThat(r.out()).as("big table split (auto: its share exceeds one task's), small ones whole")
                .containsPattern("public\\.big\\s+30,000\\s+3\\s")
                .containsPattern("public\\.small_a\\s+100\\s+1\\s");
        try (Connection c = TestPostgres.connect(target); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT (SELECT count(*) FROM big) + (SELECT count(*) FROM small_a)"
                     + " + (SELECT count(*) FROM small_b)")) {
            rs.next();
            assertThat(rs.getLong(1)).as("rows in target").isEqualTo(30102);
        }
    }

    @Test
    void existingTargetTablesExitWithUsageCode() {
        String target = TestPostgres.newDatabase("tgt_cli_exists");
        assertThat(run("--source", source, "--target", target, "--source-user", "postgres", "--target-user", "postgres",
                "--progress", "none").exitCode()).as("first run").isZero();

        Run again = run("--source", source, "--target", target, "--source-user", "postgres", "--target-user", "postgres",
                "--progress", "none");
        assertThat(again.exitCode()).as("second run in create mode").isEqualTo(2);
        assertThat(again.err()).as("one clear line").contains("--mode ").contains("public.big")
                .doesNotContain("\tat ");
    }

    @Test
    void badOptionsExitWithUsageCode() {
        assertThat(run("--source", source, "--target", source, "--mode", "sideways").exitCode())
                .as("unknown mode").isEqualTo(2);
        assertThat(run("--source", source, "--target", source, "--tasks", "0").exitCode())
                .as("zero tasks").isEqualTo(2);
        assertThat(run("--source", source, "--target", source, "--resume", "--mode", "drop-recreate").exitCode())
                .as("resume with drop-recreate").isEqualTo(2);
        assertThat(run("--source", source, "--target", source, "--source-password-env", "MIGBENCH_NO_SUCH_VAR_XYZ").exitCode())
                .as("missing password variable").isEqualTo(2);
    }

    @Test
    void phaseOptionsAreCheckedAndListedInHelp() {
        Run json = run("--source", source, "--target", source, "--phase", "copy", "--json");
        assertThat(json.exitCode()).as("--json outside status").isEqualTo(2);
        assertThat(json.err()).contains("--json applies to --phase status only");
        Run noSource = run("--target", source, "--phase", "copy");
        assertThat(noSource.exitCode()).as("a worker without --source").isEqualTo(2);
        assertThat(noSource.err()).contains("--source is required");
        Run status = run("--target", source, "--target-user", "postgres", "--phase", "status");
        assertThat(status.exitCode()).as("status of a target without a plan").isEqualTo(2);
        assertThat(status.err()).contains("--phase status finds no plan in the target");
        Run help = run("--help");
        assertThat(help.out()).contains("--phase=PHASE", "all | plan | copy | finalize | status", "--worker-id",
                "--lease", "--hold-snapshot", "--source-quiesced", "--json", "Phases: without --phase");
    }

    @Test
    void sqlServerOptionsAreCheckedBeforeAnythingStarts() {
        Run onPostgres = run("--source", source, "--target", source, "--source-isolation", "snapshot");
        assertThat(onPostgres.exitCode()).as("SQL Server option on a PostgreSQL source").isEqualTo(2);
        assertThat(onPostgres.err()).contains("--source-isolation ").contains("SQL Server sources only");
        assertThat(run("--source", source, "--target", source, "--identifier-case", "upper").exitCode())
                .as("unknown identifier case").isEqualTo(2);
        assertThat(run("--source", source, "--target", source, "--source-isolation", "dirty").exitCode())
                .as("unknown isolation").isEqualTo(2);
        String sqlServer = "jdbc:sqlserver://127.0.0.1:1;databaseName=so;password=hunter2";
        Run badOverride = run("--source", sqlServer, "--target", source, "--type-override", "geography");
        assertThat(badOverride.exitCode()).as("override without a target type").isEqualTo(2);
        assertThat(badOverride.err()).contains("--type-override ").doesNotContain("hunter2");
        Run textFormat = run("--source", sqlServer, "--target", source, "--copy-format", "text");
        assertThat(textFormat.exitCode()).isEqualTo(2);
        assertThat(textFormat.err()).contains("--copy-format ");
        assertThat(run("--help").out()).contains("--type-override", "--source-isolation", "--identifier-case",
                "--nul-replacement", "dbo");
    }

    @Test
    void aConnectionFailureIsOneLineOnStderrAndNoSummary() {
        String target = TestPostgres.newDatabase("tgt_cli_conn");
        for (String[] sides : new String[][] {{source, TestPostgres.url("no_such_database_cli")},
                {"jdbc:postgresql://127.0.0.1:1/postgres", target}}) {
            Run r = run("--source", sides[0], "--target", sides[1], "--source-user", "postgres", "--target-user", "postgres",
                    "--progress", "log");
            assertThat(r.exitCode()).as("failed, stderr:%n%s", r.err()).isEqualTo(1);
            assertThat(r.out()).as("no empty summary").isEmpty();
            assertThat(r.err().lines().toList()).as("one line").hasSize(1)
                    .allMatch(l -> l.startsWith("migrate: cannot connect to the "));
        }
    }

    @Test
    void engineMainReturnsFailureCodeWhenTheTargetIsUnreachable() {
        assertThat(EngineMain.execute("--source", source, "--target", TestPostgres.url("no_such_database_cli"),
                "--source-user", "postgres", "--target-user", "postgres", "--progress", "none"))
                .as("failed migration").isEqualTo(1);
    }
}

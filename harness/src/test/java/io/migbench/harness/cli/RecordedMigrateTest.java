package io.migbench.harness.cli;

import io.migbench.engine.cli.ExitCodes;
import io.migbench.engine.testing.TestPostgres;
import io.migbench.harness.report.ReportGenerator;
import io.migbench.harness.results.ResultsReader;
import io.migbench.harness.results.TrialResult;
import io.migbench.harness.results.ValidationResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code migbench migrate --record DIR}: real migrations become trial rows that report shows as runs over time. */
class RecordedMigrateTest {
    @TempDir
    Path dir;

    @Test
    void eachRecordedMigrationAppendsATrialAndTheReportListsThemOverTime() throws Exception {
        String source = TestPostgres.newDatabase("rec_src");
        try (Connection c = TestPostgres.connect(source); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE t (id int PRIMARY KEY, v text)");
            st.execute("INSERT INTO t SELECT g, md5(g::text) FROM generate_series(1, 5000) g");
        }
        Path folder = dir.resolve("history");
        for (int run = 1; run <= 2; run++) {
            String target = TestPostgres.newDatabase("rec_dst" + run);
            StringWriter out = new StringWriter();
            CommandLine cli = MigbenchCli.newCommandLine();
            cli.setOut(new PrintWriter(out));
            cli.setErr(new PrintWriter(out));
            int exit = MigbenchCli.execute(cli, "migrate", "--source", source, "--target", target, "--source-user", "postgres",
                    "--target-user", "postgres", "--progress", "none", "--tasks", String.valueOf(run), "--record", folder.toString());
            assertThat(exit).as(out.toString()).isEqualTo(ExitCodes.OK);
            // run ids have a one-second resolution
            Thread.sleep(1100);
        }

        List<TrialResult> trials = ResultsReader.read(folder);
        assertThat(trials).as("one trial row per migration").hasSize(2);
        assertThat(trials).extracting(r -> r.trial().runId()).doesNotHaveDuplicates();
        assertThat(trials).extracting(r -> r.trial().settingsLabel()).containsExactly("migbench t1", "migbench t2");
        for (TrialResult r : trials) {
            assertThat(r.trial().rows()).isEqualTo(5000);
            assertThat(r.trial().validationResult()).isEqualTo(ValidationResult.PASSED);
            assertThat(r.tables()).singleElement().satisfies(t -> assertThat(t.rows()).isEqualTo(5000));
        }
        String md = Files.readString(ReportGenerator.generate(List.of(folder), folder, null));
        assertThat(md).contains("## Runs over time").contains("| migbench t1 | 5,000 |").contains("| migbench t2 | 5,000 |");
    }

    @Test
    void recordAppliesToTheOneProcessRunAndTheHelpListsSettingsAndPhases() {
        CommandLine cli = MigbenchCli.newCommandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        String db = TestPostgres.newDatabase("rec_phase");

        int exit = MigbenchCli.execute(cli, "migrate", "--source", db, "--target", db, "--phase", "plan",
                "--record", dir.resolve("runs").toString());
        int help = MigbenchCli.execute(cli, "migrate", "--help");

        assertThat(exit).as("--record with --phase plan").isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("--record records a whole migration");
        assertThat(dir.resolve("runs")).as("nothing recorded").doesNotExist();
        assertThat(help).isZero();
        assertThat(out.toString()).contains("--settings tuned.yaml [--platform NAME]", "--phase=PHASE", "--worker-id",
                "--hold-snapshot", "--record=DIR", "Phases: without --phase");
    }
}

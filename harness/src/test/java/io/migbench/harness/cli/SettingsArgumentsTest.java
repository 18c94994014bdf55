package io.migbench.harness.cli;

import io.migbench.engine.cli.ExitCodes;
import io.migbench.engine.testing.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SettingsArgumentsTest {
    private static final String PROVENANCE = "{tuned_at: 2026-11-24T10:15:30Z, host: h, scenario: s, "
            + "verdict: distinguishable, best: {settings: tasks=3, median_rows_per_second: 1000, ci_low: 900, "
            + "ci_high: 1100, trials: 3}, trials: 20, elapsed_seconds: 60, budget_exhausted: false}";

    @TempDir
    Path dir;

    private Path tuned() throws IOException {
        Path file = dir.resolve("tuned.yaml");
        Files.writeString(file, """
                version: 1
                platforms:
                  laptop:
                    tasks: 3
                    partitions: 6
                    copy_format: text
                    provenance: %s
                  wsl2:
                    tasks: 8
                    provenance: %s
                """.formatted(PROVENANCE, PROVENANCE));
        return file;
    }

    @Test
    void platformRecommendationBecomesEngineOptionsUnlessGivenExplicitly() throws IOException {
        String[] args = SettingsArguments.expand("migrate", "--source", "s", "--settings", tuned().toString(),
                "--platform=laptop", "--partitions", "2");

        assertThat(args).as("settings file options replaced by the engine's own; explicit --partitions kept")
                .containsExactly("migrate", "--source", "s", "--partitions", "2", "--tasks=3", "--copy-format=text");
    }

    @Test
    void targetSettingsOfTheFileAreReportedAsNotAppliedByMigrate() throws IOException {
        Path file = dir.resolve("server.yaml");
        Files.writeString(file, """
                version: 1
                platforms:
                  laptop:
                    tasks: 3
                    target_settings: {shared_buffers: 1GB, max_wal_size: 4GB}
                    provenance: %s
                """.formatted(PROVENANCE));

        assertThat(SettingsArguments.unappliedTargetSettings("migrate", "--settings", file.toString()))
                .hasValueSatisfying(note -> assertThat(note).contains("not applied")
                        .contains("shared_buffers=1GB, max_wal_size=4GB"));
        assertThat(SettingsArguments.unappliedTargetSettings("migrate", "--settings", tuned().toString(),
                "--platform", "laptop")).as("nothing to say without target settings").isEmpty();
    }

    @Test
    void severalPlatformsNeedOneNamedAndUnknownOnesAreNamed() throws IOException {
        Path file = tuned();
        assertThatThrownBy(() -> SettingsArguments.expand("migrate", "--settings", file.toString()))
                .hasMessage("--platform: " + file + " has recommendations for [laptop, wsl2]; name one");
        assertThatThrownBy(() -> SettingsArguments.expand("migrate", "--settings", file.toString(), "--platform", "mac"))
                .hasMessage("--platform: " + file + " has no platform \"mac\"; it has [laptop, wsl2]");
        assertThat(SettingsArguments.expand("sweep", "x.yaml", "--settings", file.toString()))
                .as("other commands parse --settings themselves").containsExactly("sweep", "x.yaml", "--settings", file.toString());
    }

    @Test
    void migrateAcceptsATunedSettingsFile() throws Exception {
        String source = TestPostgres.newDatabase("tuned_src");
        String target = TestPostgres.newDatabase("tuned_dst");
        try (Connection c = TestPostgres.connect(source); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE t (id int PRIMARY KEY, v text)");
            st.execute("INSERT INTO t SELECT g, md5(g::text) FROM generate_series(1, 5000) g");
        }
        StringWriter out = new StringWriter();
        CommandLine cli = MigbenchCli.newCommandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(out));

        int exit = MigbenchCli.execute(cli, "migrate", "--source", source, "--target", target, "--source-user", "postgres",
                "--target-user", "postgres", "--progress", "none", "--settings", tuned().toString(), "--platform", "laptop");

        assertThat(exit).as(out.toString()).isEqualTo(ExitCodes.OK);
        try (Connection c = TestPostgres.connect(target); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM t")) {
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(5000);
        }
    }
}

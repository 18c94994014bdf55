package io.migbench.harness.cli;

import io.migbench.engine.cli.ExitCodes;
import io.migbench.harness.scenario.ScenarioFilesTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class DryRunTest {
    @TempDir
    Path out;

    @Test
    void dryRunOfEveryShippedScenarioPrintsThePlanAndStartsNothing() throws Exception {
        for (Path scenario : ScenarioFilesTest.shippedScenarios()) {
            StringWriter text = new StringWriter();
            CommandLine cli = MigbenchCli.newCommandLine();
            cli.setOut(new PrintWriter(text));
            cli.setErr(new PrintWriter(text));

            int exit = MigbenchCli.execute(cli, "sweep", "--dry-run", scenario.toString(), "--out", out.toString());

            if (needsUnsetPassword(scenario)) {
                // a template for the user's own servers: validated up to the password variable it names, as a usage error
                assertThat(exit).as("%s: %s", scenario, text).isEqualTo(ExitCodes.USAGE);
                assertThat(text.toString()).as(scenario.toString()).contains("password_env: environment variable")
                        .contains("is not set");
                assertThat(out).as("%s: no run folder", scenario).isEmptyDirectory();
                continue;
            }
            assertThat(exit).as("%s: %s", scenario, text).isEqualTo(ExitCodes.OK);
            assertThat(text.toString()).as(scenario.toString())
                    .contains("nothing is started").containsPattern("plan: \\d+ platform\\(s\\) × \\d+ point\\(s\\)")
                    .contains("limits (backend ").contains("ETA: ");
            assertThat(out).as("%s: no run folder", scenario).isEmptyDirectory();
            assertThat(ProcessHandle.current().descendants().filter(p -> p.info().command().orElse("").contains("postgres")))
                    .as("%s: no database server started", scenario).isEmpty();
        }
    }

    private static boolean needsUnsetPassword(Path scenario) throws Exception {
        return Files.readAllLines(scenario).stream()
                .map(line -> line.replaceAll("#.*", "").strip())
                .filter(line -> line.startsWith("password_env:"))
                .map(line -> line.substring("password_env:".length()).strip())
                .anyMatch(variable -> System.getenv(variable) == null);
    }

    @Test
    void dryRunNamesMissingBaselineToolsAndAppliesOverrides() throws Exception {
        Path scenario = out.resolve("s.yaml");
        Files.writeString(scenario, """
                name: baselines
                dataset: {name: stackoverflow, scale: 0.01}
                matrix: {tasks: [1, 2]}
                engines: [migbench, pgcopydb]
                trials: 3
                """);
        StringWriter text = new StringWriter();
        CommandLine cli = MigbenchCli.newCommandLine();
        cli.setOut(new PrintWriter(text));

        int exit = MigbenchCli.execute(cli, "sweep", "--dry-run", scenario.toString(), "--out", out.resolve("r").toString(),
                "--trials", "2", "--warmup", "0", "--tasks", "1");

        assertThat(exit).as(text.toString()).isEqualTo(ExitCodes.OK);
        assertThat(text.toString())
                .as("1 platform × (migbench and pgcopydb at 1 task) × 2 trials")
                .contains("plan: 1 platform(s) × 2 point(s) × 2 trial(s) (0 warmup + 2 measured) = 4 trials")
                .containsPattern("baseline tool pgcopydb: (available|missing \\(its trials would be skipped\\): pgcopydb not found)")
                .contains("assuming 150,000 rows/s copied");
        assertThat(out.resolve("r")).doesNotExist();
    }
}

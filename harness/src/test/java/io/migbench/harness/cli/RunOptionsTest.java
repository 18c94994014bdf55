package io.migbench.harness.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RunOptionsTest {

    @Command(name = "probe")
    static final class Probe {
        @Mixin
        RunOptions run;
    }

    private static RunOptions parse(String... args) {
        Probe probe = new Probe();
        new CommandLine(probe).parseArgs(args);
        return probe.run;
    }

    @Test
    void runIdNamesTheFolderUnderOut() {
        RunOptions run = parse("--out", "/tmp/r", "--run-id", "laptop-1", "--platform", "native,low-cpu");

        assertThat(run.runDir("so")).isEqualTo(Path.of("/tmp/r", "laptop-1"));
        assertThat(run.platforms()).containsExactlyInAnyOrder("native", "low-cpu");
    }

    @Test
    void withoutRunIdTheFolderIsThePrefixAndAUtcStamp() {
        RunOptions run = parse();

        Path dir = run.runDir("so-tune");
        assertThat(dir.getParent()).as("--out defaults to results").isEqualTo(Path.of("results"));
        assertThat(dir.getFileName().toString()).matches("so-tune-\\d{8}-\\d{6}");
        assertThat(run.platforms()).as("no --platform: all").isEmpty();
    }

    @Test
    void measuringCommandsShareRunOptionsAndEveryCommandHasDebug() {
        CommandLine cli = MigbenchCli.newCommandLine();
        for (String name : List.of("sweep", "tune")) {
            CommandLine.Model.CommandSpec spec = cli.getSubcommands().get(name).getCommandSpec();
            assertThat(List.of("--out", "--run-id", "--platform", "--debug")).as(name)
                    .allSatisfy(option -> assertThat(spec.findOption(option)).as(name + " " + option).isNotNull());
        }
        for (String name : List.of("report", "compare")) {
            assertThat(cli.getSubcommands().get(name).getCommandSpec().findOption("--debug")).as(name).isNotNull();
        }
    }
}

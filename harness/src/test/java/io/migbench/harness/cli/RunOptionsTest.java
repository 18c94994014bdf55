package io.migbench.harness.cli;

import io.migbench.harness.scenario.ScenarioOverrides;
import io.migbench.harness.service.RunSpec;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RunOptionsTest {
    private static final Path SCENARIO = Path.of("scenarios/quick.yaml");

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
        RunSpec run = parse("--out", "/tmp/r", "--run-id", "laptop-1", "--platform", "native,low-cpu").spec(SCENARIO);

        assertThat(run.runDir("so")).isEqualTo(Path.of("/tmp/r", "laptop-1"));
        assertThat(run.platforms()).containsExactlyInAnyOrder("native", "low-cpu");
        assertThat(run.overrides().isEmpty()).as("no --trials/--warmup/--tasks").isTrue();
    }

    @Test
    void withoutRunIdTheFolderIsThePrefixAndAUtcStamp() {
        RunSpec run = parse().spec(SCENARIO);

        Path dir = run.runDir("so-tune");
        assertThat(dir.getParent()).as("--out defaults to results").isEqualTo(Path.of("results"));
        assertThat(dir.getFileName().toString()).matches("so-tune-\\d{8}-\\d{6}");
        assertThat(run.platforms()).as("no --platform: all").isEmpty();
    }

    @Test
    void overridesReachTheRunSpec() {
        RunSpec run = parse("--trials", "5", "--warmup", "0", "--tasks", "1,2,4").spec(SCENARIO);

        assertThat(run.overrides()).isEqualTo(new ScenarioOverrides(5, 0, List.of(1, 2, 4)));
    }

    @Test
    void measuringCommandsShareRunOptionsAndEveryCommandHasDebug() {
        CommandLine cli = MigbenchCli.newCommandLine();
        for (String name : List.of("sweep", "tune")) {
            CommandLine.Model.CommandSpec spec = cli.getSubcommands().get(name).getCommandSpec();
            assertThat(List.of("--out", "--run-id", "--platform", "--trials", "--warmup", "--tasks", "--debug")).as(name)
                    .allSatisfy(option -> assertThat(spec.findOption(option)).as(name + " " + option).isNotNull());
        }
        for (String name : List.of("report", "compare")) {
            assertThat(cli.getSubcommands().get(name).getCommandSpec().findOption("--debug")).as(name).isNotNull();
        }
    }
}

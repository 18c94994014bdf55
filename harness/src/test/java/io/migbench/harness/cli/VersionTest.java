package io.migbench.harness.cli;

import io.migbench.harness.model.BuildInfo;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

class VersionTest {
    @Test
    void versionOptionPrintsTheBuildsVersionCommitAndJava() {
        StringWriter out = new StringWriter();
        CommandLine cli = MigbenchCli.newCommandLine();
        cli.setOut(new PrintWriter(out));

        int exit = MigbenchCli.execute(cli, "--version");

        assertThat(exit).isZero();
        BuildInfo build = BuildInfo.current();
        assertThat(build.version()).as("filtered from the pom at build time").matches("\\d+\\.\\d+\\.\\d+.*");
        assertThat(build.commit()).as("a short hash inside a git checkout, absent outside one")
                .hasValueSatisfying(c -> assertThat(c).matches("[0-9a-f]{7,40}"));
        assertThat(out.toString())
                .contains("migbench " + build.version() + " (commit " + build.commit().get() + ")")
                .contains("java " + System.getProperty("java.version"));
    }
}

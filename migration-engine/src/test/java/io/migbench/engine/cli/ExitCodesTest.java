package io.migbench.engine.cli;

import io.migbench.engine.ConfigurationException;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;

class ExitCodesTest {
    @Test
    void configurationErrorsAndUnparsableCommandLinesAreUsageErrors() {
        assertThat(ExitCodes.forException(new ConfigurationException("--tasks", "option 'tasks' must be at least 1")))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(ExitCodes.forException(new CommandLine.ParameterException(new CommandLine(new MigrateCommand()), "bad")))
                .isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void anyOtherIllegalArgumentIsAFailureNotBadUsage() {
        assertThat(ExitCodes.forException(new IllegalArgumentException("a bug deep in a sweep")))
                .as("an IllegalArgumentException that is not a ConfigurationException").isEqualTo(ExitCodes.FAILED);
        assertThat(ExitCodes.forException(new IllegalStateException("boom"))).isEqualTo(ExitCodes.FAILED);
    }
}

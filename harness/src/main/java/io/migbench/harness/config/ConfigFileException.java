package io.migbench.harness.config;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Every problem found in one configuration file, reported together. An {@link IllegalArgumentException}
 * so that the CLI maps it to the usage/config exit code; the message is one problem per line.
 */
public final class ConfigFileException extends IllegalArgumentException {
    private final transient List<ConfigProblem> problems;

    public ConfigFileException(List<ConfigProblem> problems) {
        super(problems.stream().map(ConfigProblem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<ConfigProblem> problems() {
        return problems;
    }
}

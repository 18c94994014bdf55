package io.migbench.harness.config;

import io.migbench.engine.ConfigurationException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Every problem found in one configuration file, reported together; the message is one problem per line.
 * A configuration error (exit code 2) whose key is the file.
 */
public final class ConfigFileException extends ConfigurationException {
    private final transient List<ConfigProblem> problems;

    public ConfigFileException(List<ConfigProblem> problems) {
        super(problems.get(0).file(), problems.stream().map(ConfigProblem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<ConfigProblem> problems() {
        return problems;
    }
}

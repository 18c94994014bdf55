package io.migbench.harness.config;

import io.migbench.engine.ConfigurationException;
import java.util.List;
import java.util.stream.Collectors;

/** Thrown by a record's constructor with every problem of its fields; the loader maps the fields to lines. */
public final class InvalidFieldsException extends ConfigurationException {
    private final transient List<FieldProblem> problems;

    public InvalidFieldsException(List<FieldProblem> problems) {
        super(problems.get(0).field(), problems.stream().map(FieldProblem::toString).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}

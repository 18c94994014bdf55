package io.migbench.harness.config;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown by a record's constructor with every problem of its fields; the loader maps the fields to lines. */
public final class InvalidFieldsException extends IllegalArgumentException {
    private final transient List<FieldProblem> problems;

    public InvalidFieldsException(List<FieldProblem> problems) {
        super(problems.stream().map(FieldProblem::toString).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}

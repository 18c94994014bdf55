package io.migbench.harness.config;

/**
 * A validation problem found by a record's constructor.
 *
 * @param field   path relative to the record's own YAML map: {@code tasks}, {@code tasks[2]}, {@code source.cpus}
 * @param message what is wrong, with the offending value
 */
public record FieldProblem(String field, String message) {
    @Override
    public String toString() {
        return field + ": " + message;
    }
}

package io.migbench.harness.config;

/** One problem in a configuration file: where it is, which field, what is wrong. */
public record ConfigProblem(String file, int line, String path, String message) {
    /** {@code scenarios/x.yaml:12: matrix.tasks: must be ≥ 1, got 0} */
    @Override
    public String toString() {
        return file + (line > 0 ? ":" + line : "") + ": " + (path.isEmpty() ? "" : path + ": ") + message;
    }
}

package io.migbench.harness.dataset;

/** SQL identifier quoting: every generated statement quotes its names. */
final class Identifiers {
    private Identifiers() {}

    static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}

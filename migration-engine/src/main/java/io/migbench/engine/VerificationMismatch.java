package io.migbench.engine;

/** One verification difference: which table and range, what the source had and what the target has. */
public record VerificationMismatch(String table, String range, String expected, String found) {
    @Override
    public String toString() {
        return table + " " + range + ": expected " + expected + ", found " + found;
    }
}

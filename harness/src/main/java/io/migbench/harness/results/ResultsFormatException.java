package io.migbench.harness.results;

/** A results CSV that cannot be read as written by migbench; the message names the file, line and column. */
public class ResultsFormatException extends IllegalArgumentException {
    public ResultsFormatException(String message) {
        super(message);
    }

    public ResultsFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}

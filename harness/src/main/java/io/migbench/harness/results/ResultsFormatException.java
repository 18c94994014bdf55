package io.migbench.harness.results;

import io.migbench.engine.ConfigurationException;
/**
 * A results CSV that cannot be read as written by migbench; the message names the file, line and column.
 * A configuration error (exit code 2) of the run folder the user named.
 */
public class ResultsFormatException extends ConfigurationException {
    public ResultsFormatException(String message) {
        super("RUN_DIR", message);
    }

    public ResultsFormatException(String message, Throwable cause) {
        super("RUN_DIR", message, cause);
    }
}

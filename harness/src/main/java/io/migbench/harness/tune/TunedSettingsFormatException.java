package io.migbench.harness.tune;

/**
 * A tuned settings file that cannot be used; the message names the file, the line and the field
 * ({@code tuned.yaml:7: platforms.wsl2.tasks: must be an integer >= 1, got "eight"}). An
 * {@link IllegalArgumentException}, so the CLI reports it as a configuration error (exit code 2).
 */
public class TunedSettingsFormatException extends IllegalArgumentException {
    public TunedSettingsFormatException(String message) {
        super(message);
    }

    public TunedSettingsFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}

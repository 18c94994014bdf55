package io.migbench.harness.tune;

import io.migbench.engine.ConfigurationException;
/**
 * A tuned settings file that cannot be used; the message names the file, the line and the field
 * ({@code tuned.yaml:7: platforms.wsl2.tasks: expected an integer, got string "eight"}). A configuration error
 * (exit code 2) of the {@code --settings} option that named the file.
 */
public class TunedSettingsFormatException extends ConfigurationException {
    public TunedSettingsFormatException(String message) {
        super("--settings", message);
    }

    public TunedSettingsFormatException(String message, Throwable cause) {
        super("--settings", message, cause);
    }
}

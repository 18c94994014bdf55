package io.migbench.engine;

/**
 * A usage or configuration error: an option, a key of a file or an argument the user gave is wrong, and nothing
 * was started. The command lines map this type, and only this type, to exit code 2 ("bad usage"). It is an
 * {@link IllegalArgumentException} because that is what {@link Migrator} documents for configuration problems.
 */
public class ConfigurationException extends IllegalArgumentException {
    private final String key;

    public ConfigurationException(String key, String message) {
        super(message);
        this.key = key;
    }

    public ConfigurationException(String key, String message, Throwable cause) {
        super(message, cause);
        this.key = key;
    }

    /** The option, file key or argument at fault, as the user wrote it ({@code tasks}, {@code --settings}, a file). */
    public String key() {
        return key;
    }
}

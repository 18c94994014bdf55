package io.migbench.harness.scenario;

import io.migbench.engine.Redaction;
import io.migbench.harness.config.Checks;

import java.util.Locale;

/**
 * An existing database server (external backend). The password is never in the file: only the name of
 * the environment variable that holds it.
 */
public record Endpoint(String url, String user, String passwordEnv) {
    public Endpoint {
        new Checks()
                .require(url, "url")
                .check(url == null || url.startsWith("jdbc:"), "url", "must be a JDBC URL (jdbc:postgresql://… or jdbc:sqlserver://…)")
                .check(url == null || !url.toLowerCase(Locale.ROOT).contains("password="), "url",
                        "contains a password (" + (url == null ? "" : Redaction.redactUrl(url))
                                + "); put it in an environment variable and name it in password_env")
                .check(passwordEnv == null || passwordEnv.matches("[A-Za-z_][A-Za-z0-9_]*"), "password_env",
                        "must be an environment variable name, got \"" + passwordEnv + "\"")
                .throwIfAny();
    }

    /** The password from the environment, or {@code null} when no variable is named. */
    public String password() {
        if (passwordEnv == null) {
            return null;
        }
        String value = System.getenv(passwordEnv);
        if (value == null) {
            throw new IllegalArgumentException("environment variable " + passwordEnv + " (password for " + Redaction.redactUrl(url) + ") is not set");
        }
        return value;
    }
}

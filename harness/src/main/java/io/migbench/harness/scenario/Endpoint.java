package io.migbench.harness.scenario;

import io.migbench.engine.internal.Redaction;
import io.migbench.harness.config.Checks;

import java.util.Locale;

/**
 * One side (source or target) of the backend: its own backend type, and for an existing server where it is. The
 * password is never in the file: only the name of the environment variable that holds it.
 *
 * @param type          this side's backend; {@code null}: the backend's {@code type}
 * @param applySettings whether a profile's server settings may be applied to this external server
 * @param overwrite     external target: migrate into the database the URL names, replacing its tables, instead of
 *                      a scratch database migbench creates and drops per trial
 */
public record Endpoint(BackendType type, String url, String user, String passwordEnv, ApplySettings applySettings,
                       boolean overwrite) {
    public Endpoint {
        applySettings = applySettings == null ? ApplySettings.REFUSE : applySettings;
        new Checks()
                .check(url == null || url.startsWith("jdbc:"), "url", "must be a JDBC URL (jdbc:postgresql://… or jdbc:sqlserver://…)")
                .check(url == null || !url.toLowerCase(Locale.ROOT).contains("password="), "url",
                        "contains a password (" + (url == null ? "" : Redaction.redactUrl(url))
                                + "); put it in an environment variable and name it in password_env")
                .check(passwordEnv == null || passwordEnv.matches("[A-Za-z_][A-Za-z0-9_]*"), "password_env",
                        "must be an environment variable name, got \"" + passwordEnv + "\"")
                .throwIfAny();
    }

    /** An existing server addressed by URL, settings refused, scratch databases on a target. */
    public static Endpoint external(String url, String user, String passwordEnv) {
        return new Endpoint(BackendType.EXTERNAL, url, user, passwordEnv, ApplySettings.REFUSE, false);
    }

    /** Whether this side names a server (any of url, user, password_env). */
    boolean namesServer() {
        return url != null || user != null || passwordEnv != null;
    }
}

package io.migbench.harness.db.external;

import io.migbench.engine.ConfigurationException;
import io.migbench.engine.internal.Redaction;
import io.migbench.harness.db.DatabaseEngine;

/**
 * An existing server: where it is and where its password comes from. The password itself is never part of the
 * configuration, only the name of the environment variable holding it.
 *
 * @param jdbcUrl     JDBC URL without password (jdbc:postgresql:... or jdbc:sqlserver:...)
 * @param user        user name
 * @param passwordEnv name of the environment variable holding the password
 * @param reloadSettings whether an instance's server settings may be applied by ALTER SYSTEM and a reload
 */
public record ExternalServer(String jdbcUrl, String user, String passwordEnv, boolean reloadSettings) {
    /** A server whose settings migbench must not change. */
    public ExternalServer(String jdbcUrl, String user, String passwordEnv) {
        this(jdbcUrl, user, passwordEnv, false);
    }

    public ExternalServer {
        if (jdbcUrl == null || engineOf(jdbcUrl) == null) {
            throw new ConfigurationException("url", "url: must start with jdbc:postgresql: or jdbc:sqlserver:, got \""
                    + Redaction.redactUrl(jdbcUrl) + "\"");
        }
        if (!Redaction.redactUrl(jdbcUrl).equals(jdbcUrl)) {
            throw new ConfigurationException("url", "url: must not contain a password (" + Redaction.redactUrl(jdbcUrl)
                    + "); name an environment variable in passwordEnv instead");
        }
        if (user == null || user.isBlank()) {
            throw new ConfigurationException("user", "user: required for " + jdbcUrl);
        }
        if (passwordEnv == null || !passwordEnv.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new ConfigurationException("passwordEnv", "passwordEnv: must name an environment variable, got \"" + passwordEnv + "\"");
        }
    }

    public DatabaseEngine engine() {
        return engineOf(jdbcUrl);
    }

    private static DatabaseEngine engineOf(String url) {
        if (url.startsWith("jdbc:postgresql:")) {
            return DatabaseEngine.POSTGRESQL;
        }
        return url.startsWith("jdbc:sqlserver:") ? DatabaseEngine.SQLSERVER : null;
    }
}

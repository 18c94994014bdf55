package io.migbench.engine;

import io.migbench.engine.internal.Redaction;
import java.util.Objects;

/**
 * Where and how to connect: a JDBC URL plus optional user and password (either may also be in the URL).
 * {@link #toString()} never shows the password.
 */
public record ConnectionSpec(String jdbcUrl, String user, String password) {
    public ConnectionSpec {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
    }

    public static ConnectionSpec of(String jdbcUrl) {
        return new ConnectionSpec(jdbcUrl, null, null);
    }

    @Override
    public String toString() {
        return "ConnectionSpec[" + Redaction.redactUrl(jdbcUrl) + ", user=" + user
                + ", password=" + (password == null ? "none" : Redaction.MASK) + "]";
    }
}

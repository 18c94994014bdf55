package io.migbench.harness.sweep.baseline;

import io.migbench.engine.ConnectionSpec;
import io.migbench.engine.internal.Redaction;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A SQL Server JDBC URL translated for FreeTDS tools (freebcp, pgloader): host, port and database, without the
 * password, which child processes get on standard input or from their environment. Understands
 * {@code jdbc:sqlserver://host[\instance][:port][;databaseName=db][;key=value…]}; the spec's user and password win.
 */
record TdsEndpoint(String host, int port, String database, String user, String password) {
    private static final String PREFIX = "jdbc:sqlserver://";
    private static final int DEFAULT_PORT = 1433;

    static TdsEndpoint of(ConnectionSpec spec) {
        String url = spec.jdbcUrl();
        if (!url.startsWith(PREFIX)) {
            throw new IllegalArgumentException("option 'url': SQL Server baselines need a SQL Server JDBC URL (" + PREFIX
                    + "host:port;databaseName=db), got " + Redaction.redactUrl(url));
        }
        String[] parts = url.substring(PREFIX.length()).split(";");
        Map<String, String> props = new LinkedHashMap<>();
        for (int i = 1; i < parts.length; i++) {
            int eq = parts[i].indexOf('=');
            if (eq > 0) {
                props.put(parts[i].substring(0, eq).trim().toLowerCase(Locale.ROOT), parts[i].substring(eq + 1).trim());
            }
        }
        String hostPort = parts[0];
        int colon = hostPort.lastIndexOf(':');
        String host = colon < 0 ? hostPort : hostPort.substring(0, colon);
        int port = colon < 0 ? DEFAULT_PORT : Integer.parseInt(hostPort.substring(colon + 1));
        if (props.containsKey("portnumber")) {
            port = Integer.parseInt(props.get("portnumber"));
        }
        String database = props.getOrDefault("databasename", props.get("database"));
        if (database == null || database.isBlank()) {
            throw new IllegalArgumentException("option 'url': name the source database (;databaseName=…) in "
                    + Redaction.redactUrl(url) + ": FreeTDS tools otherwise read the login's default database");
        }
        String user = spec.user() != null ? spec.user() : props.get("user");
        String password = spec.password() != null ? spec.password() : props.get("password");
        return new TdsEndpoint(host.isEmpty() ? "localhost" : host, port, database, user, password);
    }

    /** FreeTDS's {@code host:port} server name. */
    String server() {
        return host + ":" + port;
    }
}

package io.migbench.harness.sweep.baseline;

import io.migbench.engine.ConnectionSpec;
import io.migbench.engine.internal.Redaction;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * A PostgreSQL JDBC URL translated for libpq tools: a conninfo string or a {@code postgres://} URI, both without
 * the password, which child processes get from their environment. Understands
 * {@code jdbc:postgresql://host[:port]/db?user=..&password=..&sslmode=..}; the spec's user and password win over
 * the URL's.
 */
record PgEndpoint(String host, int port, String database, String user, String sslMode, String password) {
    private static final String PREFIX = "jdbc:postgresql:";
    private static final int DEFAULT_PORT = 5432;

    static PgEndpoint of(ConnectionSpec spec) {
        String url = spec.jdbcUrl();
        if (!url.startsWith(PREFIX)) {
            throw new IllegalArgumentException("option 'url': baselines need a PostgreSQL JDBC URL (" + PREFIX
                    + "//host:port/database), got " + Redaction.redactUrl(url));
        }
        String rest = url.substring(PREFIX.length());
        int q = rest.indexOf('?');
        Map<String, String> params = params(q < 0 ? "" : rest.substring(q + 1));
        String path = q < 0 ? rest : rest.substring(0, q);
        String host = "localhost";
        int port = DEFAULT_PORT;
        if (path.startsWith("//")) {
            int slash = path.indexOf('/', 2);
            String authority = slash < 0 ? path.substring(2) : path.substring(2, slash);
            path = slash < 0 ? "" : path.substring(slash + 1);
            if (authority.contains(",")) {
                throw new IllegalArgumentException("option 'url': baselines support one host, got "
                        + Redaction.redactUrl(url));
            }
            int colon = authority.lastIndexOf(':');
            if (colon >= 0 && colon > authority.lastIndexOf(']')) {
                port = Integer.parseInt(authority.substring(colon + 1));
                authority = authority.substring(0, colon);
            }
            if (!authority.isEmpty()) {
                host = authority.startsWith("[") ? authority.substring(1, authority.length() - 1) : authority;
            }
        }
        String user = spec.user() != null ? spec.user() : params.get("user");
        String password = spec.password() != null ? spec.password() : params.get("password");
        String database = path.isEmpty() ? (user == null ? "postgres" : user) : decode(path);
        return new PgEndpoint(host, port, database, user, params.get("sslmode"), password);
    }

    private static Map<String, String> params(String query) {
        Map<String, String> out = new HashMap<>();
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                out.put(pair.substring(0, eq), decode(pair.substring(eq + 1)));
            }
        }
        return out;
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    /** libpq {@code key='value'} form for {@code psql -d}, {@code pg_dump -d}, {@code pg_restore -d}. */
    String conninfo() {
        StringBuilder sb = new StringBuilder();
        sb.append("host=").append(conninfoValue(host)).append(" port=").append(port)
                .append(" dbname=").append(conninfoValue(database));
        if (user != null) {
            sb.append(" user=").append(conninfoValue(user));
        }
        if (sslMode != null) {
            sb.append(" sslmode=").append(conninfoValue(sslMode));
        }
        return sb.toString();
    }

    /** {@code postgres://user@host:port/db} for tools that take URIs (pgcopydb). */
    String uri() {
        String h = host.contains(":") ? "[" + host + "]" : host;
        return "postgres://" + (user == null ? "" : percentEncode(user) + "@") + h + ":" + port + "/"
                + percentEncode(database) + (sslMode == null ? "" : "?sslmode=" + percentEncode(sslMode));
    }

    /** A line of a libpq passfile for this endpoint, or {@code null} without a password. */
    String passfileLine() {
        if (password == null) {
            return null;
        }
        return String.join(":", passfileField(host), Integer.toString(port), passfileField(database),
                passfileField(user == null ? "*" : user), passfileField(password));
    }

    /** host:port/database for messages. */
    String describe() {
        return host + ":" + port + "/" + database;
    }

    @Override
    public String toString() {
        return "PgEndpoint[" + describe() + ", user=" + user + "]";
    }

    /** Bare when libpq reads it back unchanged, else single-quoted with {@code \\} and {@code '} escaped. */
    private static String conninfoValue(String v) {
        if (v.matches("[A-Za-z0-9._-]+")) {
            return v;
        }
        return "'" + v.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    private static String passfileField(String v) {
        return "*".equals(v) ? v : v.replace("\\", "\\\\").replace(":", "\\:");
    }

    private static String percentEncode(String s) {
        StringBuilder sb = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~".indexOf(c) >= 0) {
                sb.append(c);
            } else {
                sb.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return sb.toString();
    }
}

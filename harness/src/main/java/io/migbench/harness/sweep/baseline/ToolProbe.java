package io.migbench.harness.sweep.baseline;

import io.migbench.engine.ConnectionSpec;
import io.migbench.engine.internal.Redaction;
import io.migbench.engine.copy.ConnectionPools;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds out whether a tool can run: is it installed (answers {@code --version} from the PATH, in the same clean
 * environment its runs get, so Debian's pg_wrapper picks the same version), which PostgreSQL major it belongs to,
 * and which major a server runs.
 */
final class ToolProbe {
    private static final Pattern PG_VERSION = Pattern.compile("\\(PostgreSQL\\)\\s+(\\d+)");
    private static final long PROBE_SECONDS = 20;

    private ToolProbe() {}

    /** The first line the program prints for {@code --version}, or empty when it is not installed or fails. */
    static Optional<String> versionLine(String program) {
        ProcessBuilder pb = new ProcessBuilder(program, "--version").redirectErrorStream(true);
        CommandRunner.cleanEnvironment(pb.environment());
        try {
            Process p = pb.start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(PROBE_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return Optional.empty();
            }
            String text = new String(out, StandardCharsets.UTF_8).strip();
            return p.exitValue() == 0 && !text.isEmpty() ? Optional.of(text.lines().findFirst().orElse(text)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** The PostgreSQL major version of a client tool ({@code pg_dump (PostgreSQL) 15.18} → 15). */
    static OptionalInt clientMajor(String versionLine) {
        Matcher m = PG_VERSION.matcher(versionLine);
        return m.find() ? OptionalInt.of(Integer.parseInt(m.group(1))) : OptionalInt.empty();
    }

    static int serverMajor(ConnectionSpec spec) throws SQLException {
        try (Connection c = ConnectionPools.open(spec);
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT current_setting('server_version_num')::int / 10000")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /**
     * Whether an executable {@code program} is on the PATH, for tools without a version flag (freebcp prints its
     * usage and fails on every probe).
     */
    static boolean onPath(String program) {
        String path = System.getenv("PATH");
        return path != null && Arrays.stream(path.split(File.pathSeparator))
                .map(dir -> Path.of(dir.isEmpty() ? "." : dir, program))
                .anyMatch(Files::isExecutable);
    }

    /** Why {@code program} is missing, with the package that brings it, or empty when it answers. */
    static Optional<String> missing(String program, String installHint) {
        return versionLine(program).isPresent() ? Optional.empty()
                : Optional.of(program + " not found on the PATH (or it does not answer --version): " + installHint);
    }

    /**
     * Why {@code program} (pg_dump) cannot dump the source: it refuses servers of a newer major version.
     * Empty when it can.
     */
    static Optional<String> tooOldForSource(String program, BaselineContext ctx) {
        Optional<String> line = versionLine(program);
        if (line.isEmpty()) {
            return missing(program, "install the PostgreSQL client (e.g. apt-get install postgresql-client)");
        }
        OptionalInt client = clientMajor(line.get());
        if (client.isEmpty()) {
            return Optional.of("cannot tell the PostgreSQL version of " + program + " from '" + line.get() + "'");
        }
        int server;
        try {
            server = serverMajor(ctx.source());
        } catch (SQLException e) {
            return Optional.of("cannot read the source server's version to check " + program + " against it: "
                    + Redaction.redact(e.getMessage(), ctx.secrets()) + " (SQLState " + e.getSQLState() + ")");
        }
        if (client.getAsInt() < server) {
            return Optional.of(program + " " + client.getAsInt() + " cannot dump a PostgreSQL " + server
                    + " server: install postgresql-client-" + server + " or run the embedded backend with PostgreSQL "
                    + client.getAsInt());
        }
        return Optional.empty();
    }
}

package io.migbench.harness.sweep.baseline;

import io.migbench.engine.plan.RangeSql;
import io.migbench.harness.scenario.CopyFormat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One {@code psql COPY … TO STDOUT | psql COPY … FROM STDIN} pipe. The bash script is a constant: the two
 * COPY statements, both connection strings and both passwords reach it only as environment variables, which bash
 * expands as single words, so no table name can inject shell syntax and no password appears on a command line.
 * {@code pipefail} makes a failure on either side fail the pipe.
 */
final class SlicePipe {
    private static final List<String> PSQL = List.of("psql", "-X", "-q", "-v", "ON_ERROR_STOP=1");
    static final String SCRIPT = "set -o pipefail\n"
            + "PGPASSWORD=\"$MB_SOURCE_PASSWORD\" " + String.join(" ", PSQL) + " -d \"$MB_SOURCE\" -c \"$MB_COPY_OUT\""
            + " | PGPASSWORD=\"$MB_TARGET_PASSWORD\" " + String.join(" ", PSQL) + " -d \"$MB_TARGET\" -c \"$MB_COPY_IN\"\n";

    private SlicePipe() {}

    static ExternalCommand command(Slice slice, CopyFormat format, PgEndpoint source, PgEndpoint target) {
        String columns = String.join(", ", slice.table().quotedCopiedColumns());
        String options = " (FORMAT " + format.yamlName().toLowerCase(Locale.ROOT) + ")";
        String predicate = RangeSql.predicate(slice.table(), slice.range());
        String copyOut = "COPY (SELECT " + columns + " FROM " + slice.table().name().onlyQuoted()
                + (predicate == null ? "" : " WHERE " + predicate) + ") TO STDOUT" + options;
        String copyIn = "COPY " + slice.table().name().quoted() + " (" + columns + ") FROM STDIN" + options;
        Map<String, String> env = new HashMap<>();
        env.put("MB_SOURCE", source.conninfo());
        env.put("MB_TARGET", target.conninfo());
        env.put("MB_COPY_OUT", copyOut);
        env.put("MB_COPY_IN", copyIn);
        putIfSet(env, "MB_SOURCE_PASSWORD", source.password());
        putIfSet(env, "MB_TARGET_PASSWORD", target.password());
        String display = ExternalCommand.shellWords(psql(source, copyOut)) + " | "
                + ExternalCommand.shellWords(psql(target, copyIn));
        return new ExternalCommand("copy of " + slice.describe(), List.of("bash", "-c", SCRIPT), env, null, display);
    }

    private static List<String> psql(PgEndpoint endpoint, String sql) {
        List<String> argv = new ArrayList<>(PSQL);
        argv.addAll(List.of("-d", endpoint.conninfo(), "-c", sql));
        return argv;
    }

    private static void putIfSet(Map<String, String> env, String name, String value) {
        if (value != null) {
            env.put(name, value);
        }
    }
}

package io.migbench.harness.sweep.baseline;

import io.migbench.engine.copy.PgPartitionSource;
import io.migbench.engine.plan.PartitionKind;
import io.migbench.engine.plan.TablePlan;
import io.migbench.harness.scenario.CopyFormat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One {@code psql COPY … TO STDOUT | psql COPY … FROM STDIN} pipe. The source statement is the engine's own
 * ({@link PgPartitionSource#copyOutSql}), so only the transport differs from a migbench copy. The bash script is a
 * constant: the COPY statements, both connection strings and both passwords reach it only as environment
 * variables, which bash expands as single words, so no table name can inject shell syntax and no password appears
 * on a command line. {@code pipefail} makes a failure on either side fail the pipe.
 */
final class SlicePipe {
    private static final List<String> PSQL = List.of("psql", "-X", "-q", "-v", "ON_ERROR_STOP=1");
    private static final String SOURCE_SIDE = "set -o pipefail\n"
            + "PGPASSWORD=\"$MB_SOURCE_PASSWORD\" " + String.join(" ", PSQL) + " -d \"$MB_SOURCE\" -c \"$MB_COPY_OUT\""
            + " | PGPASSWORD=\"$MB_TARGET_PASSWORD\" " + String.join(" ", PSQL) + " -d \"$MB_TARGET\"";
    static final String SCRIPT = SOURCE_SIDE + " -c \"$MB_COPY_IN\"\n";
    /** One transaction (-1) that truncates first: what makes {@code COPY … FREEZE} legal. */
    static final String FREEZE_SCRIPT = SOURCE_SIDE + " -1 -c \"$MB_TRUNCATE\" -c \"$MB_COPY_IN\"\n";

    private SlicePipe() {}

    /**
     * @param freeze load a whole-table slice with {@code FREEZE} after a {@code TRUNCATE} in the same transaction
     *               (other slices share their table with other pipes and load plainly)
     */
    static ExternalCommand command(Slice slice, CopyFormat format, boolean freeze, PgEndpoint source, PgEndpoint target) {
        boolean frozen = freeze && slice.range().kind() == PartitionKind.WHOLE_TABLE;
        String columns = String.join(", ", slice.table().quotedCopiedColumns());
        String table = slice.table().name().quoted();
        String copyOut = PgPartitionSource.copyOutSql(new TablePlan(slice.table(), slice.range().kind(),
                io.migbench.engine.CopyFormat.valueOf(format.name()), List.of(slice.range())), slice.range());
        String copyIn = "COPY " + table + " (" + columns + ") FROM STDIN (FORMAT "
                + format.yamlName().toLowerCase(Locale.ROOT) + (frozen ? ", FREEZE)" : ")");
        Map<String, String> env = new HashMap<>();
        env.put("MB_SOURCE", source.conninfo());
        env.put("MB_TARGET", target.conninfo());
        env.put("MB_COPY_OUT", copyOut);
        env.put("MB_COPY_IN", copyIn);
        List<String> load = new ArrayList<>(List.of(copyIn));
        if (frozen) {
            env.put("MB_TRUNCATE", "TRUNCATE " + table);
            load.add(0, "TRUNCATE " + table);
        }
        putIfSet(env, "MB_SOURCE_PASSWORD", source.password());
        putIfSet(env, "MB_TARGET_PASSWORD", target.password());
        String display = ExternalCommand.shellWords(psql(source, List.of(copyOut), false)) + " | "
                + ExternalCommand.shellWords(psql(target, load, frozen));
        return new ExternalCommand("copy of " + slice.describe(), List.of("bash", "-c", frozen ? FREEZE_SCRIPT : SCRIPT),
                env, null, display);
    }

    private static List<String> psql(PgEndpoint endpoint, List<String> statements, boolean oneTransaction) {
        List<String> argv = new ArrayList<>(PSQL);
        argv.addAll(List.of("-d", endpoint.conninfo()));
        if (oneTransaction) {
            argv.add("-1");
        }
        statements.forEach(sql -> argv.addAll(List.of("-c", sql)));
        return argv;
    }

    private static void putIfSet(Map<String, String> env, String name, String value) {
        if (value != null) {
            env.put(name, value);
        }
    }
}

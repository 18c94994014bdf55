package io.migbench.harness.sweep.baseline;

import io.migbench.engine.schema.TableName;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The source-read limit line of a SQL Server source: {@code freebcp <table> out /dev/null -c} (FreeTDS, character
 * format: native {@code -n} fails on Babelfish, whose column type ids are PostgreSQL's), one process per table, up to
 * {@code tasks} at a time, biggest first.
 * It writes no target: its rows are the rows freebcp reports having read, checked against the source's counts, and
 * its time is how fast the source can hand the data over a TDS connection at all.
 */
public final class FreebcpOut implements BaselineEngine {
    public static final String NAME = "freebcp-out";
    private static final Pattern ROWS_COPIED = Pattern.compile("(\\d+) rows copied");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Optional<String> missingTool() {
        return ToolProbe.onPath("freebcp") ? Optional.empty()
                : Optional.of("freebcp not found on the PATH: install FreeTDS's tools (e.g. apt-get install freetds-bin)");
    }

    @Override
    public BaselineRun run(BaselineContext ctx) throws BaselineException {
        long started = System.nanoTime();
        TdsEndpoint source = TdsEndpoint.of(ctx.source());
        try (RunDirectory dir = RunDirectory.create(NAME, ctx.workDir())) {
            CommandRunner runner = new CommandRunner(NAME, dir.path(), ctx.secrets(), ctx.timeout());
            List<TableCommands.Unit> units = ctx.tables().stream()
                    .sorted(Comparator.comparingLong(BaselineTable::sourceRows).reversed())
                    .map(t -> new TableCommands.Unit(t.name(), t.name().toString(), command(t.name(), source)))
                    .toList();
            long copyStarted = System.nanoTime();
            Map<TableName, TableCommands.Timing> times = TableCommands.run(NAME, runner, ctx.tableNames(), units, ctx.tasks());
            double copySeconds = (System.nanoTime() - copyStarted) / 1e9;
            List<BaselineTableRun> tables = new ArrayList<>();
            for (BaselineTable t : ctx.tables()) {
                TableCommands.Timing timing = times.get(t.name());
                tables.add(new BaselineTableRun(t.name(), t.sourceRows(), rowsRead(t.name(), timing.outputs()),
                        timing.seconds(), timing.commands()));
            }
            return new BaselineRun(NAME, null, copySeconds, null, 0, (System.nanoTime() - started) / 1e9, tables,
                    null, runner.commandLines(), runner.stderrTail());
        }
    }

    /** The password travels on standard input ({@code -P -}), never on the command line. */
    static ExternalCommand command(TableName table, TdsEndpoint source) {
        List<String> argv = List.of("freebcp", bracket(source.database()) + "." + bracket(table.schema()) + "."
                + bracket(table.name()), "out", "/dev/null", "-c", "-S", source.server(), "-D", source.database(),
                "-U", source.user(), "-P", "-");
        return ExternalCommand.of("freebcp out of " + table, argv, Map.of()).withStdin(source.password() + "\n");
    }

    private static String bracket(String identifier) {
        return "[" + identifier.replace("]", "]]") + "]";
    }

    /** The row count freebcp prints last ("N rows copied."). */
    static long rowsRead(TableName table, List<String> outputs) throws BaselineException {
        long rows = 0;
        for (String out : outputs) {
            Matcher m = ROWS_COPIED.matcher(out);
            Long last = null;
            while (m.find()) {
                last = Long.parseLong(m.group(1));
            }
            if (last == null) {
                throw new BaselineException(NAME, "freebcp did not report how many rows it read: " + out.strip(),
                        table.toString(), null, 0, Duration.ZERO, null, null);
            }
            rows += last;
        }
        return rows;
    }
}

package io.migbench.harness.sweep.baseline;

import io.migbench.engine.ConnectionSpec;
import io.migbench.engine.plan.MigrationPlan;
import io.migbench.engine.plan.TablePlan;
import io.migbench.engine.schema.TableDef;
import io.migbench.engine.schema.TableName;
import io.migbench.harness.scenario.CopyFormat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Runs {@code psql | psql} pipes ({@link SlicePipe}), at most {@code tasks} at once, in list order, the first failure
 * stopping the rest: the one runner behind the psql-pipe baseline of a sweep and the pipe lines of the copy
 * benchmark, so both measure the same transport.
 */
public final class PsqlPipeRunner {
    private final CommandRunner runner;
    private final PgEndpoint source;
    private final PgEndpoint target;

    PsqlPipeRunner(CommandRunner runner, ConnectionSpec source, ConnectionSpec target) {
        this.runner = runner;
        this.source = PgEndpoint.of(source);
        this.target = PgEndpoint.of(target);
    }

    /**
     * Copies every slice into the target's existing tables.
     *
     * @param tables            the tables to report on, also those no slice covers (they get an empty timing)
     * @param format            each table's COPY format
     * @param freezeWholeTables load whole-table slices with {@code TRUNCATE} + {@code COPY … FREEZE} in one transaction
     * @return per table: when its first pipe started and its last one ended
     */
    Map<TableName, TableCommands.Timing> copy(List<TableName> tables, List<Slice> slices, int tasks,
                                              Function<TableDef, CopyFormat> format, boolean freezeWholeTables)
            throws BaselineException {
        List<TableCommands.Unit> units = slices.stream().map(slice -> new TableCommands.Unit(slice.table().name(),
                slice.describe(), SlicePipe.command(slice, format.apply(slice.table()), freezeWholeTables, source,
                target))).toList();
        return TableCommands.run(PsqlPipe.NAME, runner, tables, units, tasks);
    }

    /**
     * Pipes every partition of an engine plan, biggest first, in each table's planned format, into tables that
     * already exist in the target; scratch files and stderr logs go to a directory under {@code workDir}, removed
     * afterwards.
     *
     * @return seconds from the first pipe's start to the last pipe's end
     */
    public static double copy(ConnectionSpec source, ConnectionSpec target, MigrationPlan plan, int tasks,
                              boolean freezeWholeTables, Path workDir, Duration timeout) throws BaselineException {
        Map<TableName, TablePlan> tables = new java.util.HashMap<>();
        plan.tables().forEach(t -> tables.put(t.table().name(), t));
        // the plan's sizes are estimates in bytes; a slice orders by blocks of the default 8 KiB
        List<Slice> slices = plan.partitionsBiggestFirst().stream()
                .map(p -> new Slice(tables.get(p.table()).table(), p, p.estimatedBytes() / 8192)).toList();
        List<String> secrets = Stream.of(source.password(), target.password()).filter(Objects::nonNull).toList();
        try (RunDirectory dir = RunDirectory.create(PsqlPipe.NAME, workDir)) {
            CommandRunner runner = new CommandRunner(PsqlPipe.NAME, dir.path(), secrets, timeout);
            long started = System.nanoTime();
            new PsqlPipeRunner(runner, source, target).copy(List.copyOf(tables.keySet()), slices, tasks,
                    t -> CopyFormat.valueOf(tables.get(t.name()).format().name()), freezeWholeTables);
            return (System.nanoTime() - started) / 1e9;
        }
    }
}

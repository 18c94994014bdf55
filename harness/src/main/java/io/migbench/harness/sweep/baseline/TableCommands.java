package io.migbench.harness.sweep.baseline;

import io.migbench.engine.schema.TableName;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The shape shared by the per-table baselines (psql pipes over ctid slices, freebcp per table): one external
 * command per unit of work, up to {@code tasks} at a time in list order (biggest first), each table timed from its
 * first command's start to its last one's end. The first failure kills the rest.
 */
final class TableCommands {
    /** One command copying (part of) a table. */
    record Unit(TableName table, String describe, ExternalCommand command) {}

    /** A table's commands: when its first started and its last ended, and what each printed on stdout. */
    static final class Timing {
        private long first = Long.MAX_VALUE;
        private long last = Long.MIN_VALUE;
        private final List<String> outputs = new ArrayList<>();

        synchronized void add(long startNanos, long endNanos, String stdout) {
            first = Math.min(first, startNanos);
            last = Math.max(last, endNanos);
            outputs.add(stdout);
        }

        /** Seconds from the first start to the last end, or {@code null} when no command ran. */
        synchronized Double seconds() {
            return outputs.isEmpty() ? null : (last - first) / 1e9;
        }

        synchronized int commands() {
            return outputs.size();
        }

        synchronized List<String> outputs() {
            return List.copyOf(outputs);
        }
    }

    private TableCommands() {}

    /** Runs every unit; the result has an entry, possibly without commands, for each of {@code tables}, in order. */
    static Map<TableName, Timing> run(String engine, CommandRunner runner, List<TableName> tables, List<Unit> units,
                                      int tasks) throws BaselineException {
        Map<TableName, Timing> times = new LinkedHashMap<>();
        tables.forEach(t -> times.put(t, new Timing()));
        Parallel.forEach(engine, "copy", units, tasks, unit -> {
            long started = System.nanoTime();
            String stdout = runner.run(unit.command(), unit.describe());
            times.get(unit.table()).add(started, System.nanoTime(), stdout);
        }, runner::cancelAll);
        return times;
    }
}

package io.migbench.harness.sweep.baseline;

import io.migbench.engine.schema.TableName;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The shape shared by tools that clone a whole database in one go (pgcopydb, pg_dump | pg_restore): run their
 * commands in a scratch directory, then count every context table in the target. Schema, data and index phases
 * happen inside the tools, so only the total and the count check are timed.
 */
final class DatabaseClone {
    /** The tool's commands; returns the bytes it moved when it can tell, else {@code null}. */
    interface Commands {
        Long run(CommandRunner runner, Path runDir) throws BaselineException;
    }

    private DatabaseClone() {}

    static BaselineRun run(String engine, BaselineContext ctx, Commands commands) throws BaselineException {
        long started = System.nanoTime();
        try (RunDirectory dir = RunDirectory.create(engine, ctx.workDir())) {
            CommandRunner runner = new CommandRunner(engine, dir.path(), ctx.secrets(), ctx.timeout());
            Long bytes = commands.run(runner, dir.path());
            long verifyStarted = System.nanoTime();
            Map<TableName, Long> counts = TargetCounts.count(engine, ctx);
            double verifySeconds = (System.nanoTime() - verifyStarted) / 1e9;
            List<BaselineTableRun> tables = new ArrayList<>();
            for (BaselineTable t : ctx.tables()) {
                tables.add(new BaselineTableRun(t.name(), t.sourceRows(), counts.get(t.name()), null, 0));
            }
            return new BaselineRun(engine, null, null, null, verifySeconds, (System.nanoTime() - started) / 1e9,
                    tables, bytes, runner.commandLines(), runner.stderrTail());
        }
    }
}

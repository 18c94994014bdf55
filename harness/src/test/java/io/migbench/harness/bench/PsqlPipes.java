package io.migbench.harness.bench;

import io.migbench.engine.ConnectionSpec;
import io.migbench.engine.MigrationOptions;
import io.migbench.engine.SplitStrategy;
import io.migbench.engine.TargetMode;
import io.migbench.engine.copy.ConnectionPools;
import io.migbench.engine.copy.PgPartitionSource;
import io.migbench.engine.plan.MigrationPlan;
import io.migbench.engine.plan.Partition;
import io.migbench.engine.plan.PartitionKind;
import io.migbench.engine.plan.PartitionPlanner;
import io.migbench.engine.plan.PgSplitSampler;
import io.migbench.engine.plan.TablePlan;
import io.migbench.engine.schema.PgSchemaReader;
import io.migbench.engine.schema.SourceSchema;
import io.migbench.engine.schema.TableFilter;
import io.migbench.engine.schema.TargetSchemaWriter;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The physical limit: {@code tasks} parallel {@code psql -c "COPY (SELECT ...) TO STDOUT (FORMAT binary)" | psql -c
 * "COPY ... FROM STDIN (FORMAT binary)"} pipes over the slices the engine's planner cuts (ctid or key ranges, every
 * table split), or whole tables truncated and loaded with {@code FREEZE} in one transaction. The source statements
 * are the engine's own ({@link PgPartitionSource#copyOutSql}), so only the transport differs. Tables are created
 * without keys first (as the engine does); only the pipes are timed.
 */
final class PsqlPipes {
    private final BenchServer source;
    private final String sourceDatabase;

    PsqlPipes(BenchServer source, String sourceDatabase) {
        this.source = source;
        this.sourceDatabase = sourceDatabase;
    }

    /** @return seconds from the first pipe's start to the last pipe's end */
    double run(BenchServer target, SplitStrategy split, int tasks) throws Exception {
        ConnectionSpec targetDb = target.freshDatabase();
        ConnectionSpec sourceDb = source.spec(sourceDatabase);
        MigrationOptions options = MigrationOptions.builder().source(sourceDb).target(targetDb).tasks(tasks)
                .split(split).partitionThresholdRows(split == SplitStrategy.WHOLE_TABLE ? Long.MAX_VALUE : 0).build();
        MigrationPlan plan;
        try (Connection src = ConnectionPools.open(sourceDb); Connection tgt = ConnectionPools.open(targetDb)) {
            SourceSchema schema = new PgSchemaReader(src).read(List.of("public"), new TableFilter(List.of(), List.of()));
            new TargetSchemaWriter(TargetMode.CREATE, false).prepare(tgt, schema);
            plan = new PartitionPlanner(options, new PgSplitSampler(src)).plan(schema.tables());
        }
        List<String> commands = new ArrayList<>();
        for (Partition p : plan.partitionsBiggestFirst()) {
            commands.add(pipe(plan, p, target));
        }
        ExecutorService pool = Executors.newFixedThreadPool(tasks);
        long started = System.nanoTime();
        try {
            List<Future<Integer>> jobs = new ArrayList<>();
            for (String command : commands) {
                jobs.add(pool.submit(() -> Shell.run(command, source.instance().password())));
            }
            for (Future<Integer> j : jobs) {
                if (j.get() != 0) {
                    throw new IllegalStateException("a psql pipe failed (" + split + ", tasks " + tasks + ")");
                }
            }
        } finally {
            pool.shutdownNow();
        }
        return (System.nanoTime() - started) / 1e9;
    }

    private String pipe(MigrationPlan plan, Partition p, BenchServer target) {
        TablePlan t = plan.tables().stream().filter(x -> x.table().name().equals(p.table())).findFirst().orElseThrow();
        String columns = String.join(", ", t.table().quotedCopiedColumns());
        String table = t.table().name().quoted();
        String out = PgPartitionSource.copyOutSql(t, p);
        String in = "COPY " + table + " (" + columns + ") FROM STDIN (FORMAT binary"
                + (p.kind() == PartitionKind.WHOLE_TABLE ? ", FREEZE)" : ")");
        String load = p.kind() == PartitionKind.WHOLE_TABLE
                // -1: one transaction, so the truncate makes FREEZE legal
                ? psql(target.libpqUri(BenchServer.DATABASE), "-1 -c " + Shell.quote("TRUNCATE " + table) + " -c " + Shell.quote(in))
                : psql(target.libpqUri(BenchServer.DATABASE), "-c " + Shell.quote(in));
        return psql(source.libpqUri(sourceDatabase), "-c " + Shell.quote(out)) + " | " + load;
    }

    private static String psql(String uri, String commands) {
        return "psql -X -q -v ON_ERROR_STOP=1 " + Shell.quote(uri) + " " + commands;
    }
}

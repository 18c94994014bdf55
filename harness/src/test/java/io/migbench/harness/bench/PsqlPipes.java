package io.migbench.harness.bench;

import io.migbench.engine.ConnectionSpec;
import io.migbench.engine.MigrationOptions;
import io.migbench.engine.SplitStrategy;
import io.migbench.engine.TargetMode;
import io.migbench.engine.copy.ConnectionPools;
import io.migbench.engine.plan.MigrationPlan;
import io.migbench.engine.plan.PartitionPlanner;
import io.migbench.engine.plan.PgSplitSampler;
import io.migbench.engine.schema.PgSchemaReader;
import io.migbench.engine.schema.SourceSchema;
import io.migbench.engine.schema.TableFilter;
import io.migbench.engine.schema.TargetSchemaWriter;
import io.migbench.harness.sweep.baseline.PsqlPipeRunner;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;

/**
 * The physical limit: {@code tasks} parallel {@code psql -c "COPY (SELECT ...) TO STDOUT (FORMAT binary)" | psql -c
 * "COPY ... FROM STDIN (FORMAT binary)"} pipes over the slices the engine's planner cuts (ctid or key ranges, every
 * table split), or whole tables truncated and loaded with {@code FREEZE} in one transaction; run by the psql-pipe
 * baseline's own {@link PsqlPipeRunner}, whose source statements are the engine's, so only the transport differs.
 * Tables are created without keys first (as the engine does); only the pipes are timed.
 */
final class PsqlPipes {
    /** Far beyond any bench run, so only a hung pipe meets it. */
    private static final Duration TIMEOUT = Duration.ofHours(2);

    private final BenchServer source;
    private final String sourceDatabase;
    private final Path workDir;

    PsqlPipes(BenchServer source, String sourceDatabase, Path workDir) {
        this.source = source;
        this.sourceDatabase = sourceDatabase;
        this.workDir = workDir;
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
        return PsqlPipeRunner.copy(sourceDb, targetDb, plan, tasks, split == SplitStrategy.WHOLE_TABLE, workDir, TIMEOUT);
    }
}

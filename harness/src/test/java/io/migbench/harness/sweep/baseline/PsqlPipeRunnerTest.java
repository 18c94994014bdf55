package io.migbench.harness.sweep.baseline;

import io.migbench.engine.ConnectionSpec;
import io.migbench.engine.plan.Partition;
import io.migbench.engine.plan.PartitionKind;
import io.migbench.engine.schema.ColumnDef;
import io.migbench.engine.schema.TableDef;
import io.migbench.engine.schema.TableName;
import io.migbench.engine.testing.TestPostgres;
import io.migbench.harness.scenario.CopyFormat;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static io.migbench.harness.sweep.baseline.BaselineDatabases.count;
import static io.migbench.harness.sweep.baseline.BaselineDatabases.execute;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The one pipe runner of the psql-pipe baseline and the copy benchmark, on real servers. */
class PsqlPipeRunnerTest {
    private static final TableName T = new TableName("public", "t");
    private static final TableDef TABLE = new TableDef(T, List.of(new ColumnDef("v", "integer", false, null, (char) 0,
            null, null, null, true, null)), List.of(), List.of(), List.of(), List.of(), 1000, 40_960);

    @TempDir
    Path dir;
    ConnectionSpec source;
    ConnectionSpec target;

    @BeforeEach
    void tables() throws Exception {
        assumeTrue(ToolProbe.versionLine("psql").isPresent() && ToolProbe.versionLine("bash").isPresent(),
                "psql and bash are needed for a pipe");
        source = new ConnectionSpec(TestPostgres.newDatabase("runner_src"), TestPostgres.USER, TestPostgres.PASSWORD);
        target = new ConnectionSpec(TestPostgres.newDatabase("runner_dst"), TestPostgres.USER, TestPostgres.PASSWORD);
        execute(source, "CREATE TABLE t (v integer)", "INSERT INTO t SELECT g FROM generate_series(1, 1000) g");
        // rows a frozen load must truncate first (a plain load keeps them)
        execute(target, "CREATE TABLE t (v integer)", "INSERT INTO t SELECT g FROM generate_series(1, 5) g");
    }

    @Test
    void aWholeTableLoadsFrozenAfterATruncateInItsOwnTransaction() throws Exception {
        CommandRunner runner = new CommandRunner("test", dir, List.of(), Duration.ofMinutes(1));

        var times = new PsqlPipeRunner(runner, source, target).copy(List.of(T), List.of(whole()), 1, t -> CopyFormat.BINARY, true);

        // COPY … FREEZE fails unless the table was truncated in the same transaction: success proves the setup
        assertThat(count(target, T)).as("the stale rows truncated, every source row loaded").isEqualTo(1000);
        assertThat(runner.commandLines()).singleElement().asString()
                .contains("-1", "TRUNCATE \"public\".\"t\"", "FROM STDIN (FORMAT binary, FREEZE)");
        assertThat(times.get(T).commands()).isEqualTo(1);
        assertThat(times.get(T).seconds()).isPositive();
    }

    @Test
    void withoutFreezeASliceAppendsToWhatTheTargetHolds() throws Exception {
        CommandRunner runner = new CommandRunner("test", dir, List.of(), Duration.ofMinutes(1));

        new PsqlPipeRunner(runner, source, target).copy(List.of(T), List.of(whole()), 1, t -> CopyFormat.TEXT, false);

        assertThat(count(target, T)).isEqualTo(1005);
        assertThat(runner.commandLines()).singleElement().asString().doesNotContain("FREEZE", "TRUNCATE")
                .contains("FROM STDIN (FORMAT text)");
    }

    private static Slice whole() {
        return new Slice(TABLE, new Partition(T, 0, PartitionKind.WHOLE_TABLE, null, null, 1000, 40_960), 5);
    }
}

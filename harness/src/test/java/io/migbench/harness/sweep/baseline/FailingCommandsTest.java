package io.migbench.harness.sweep.baseline;

import io.migbench.engine.ConnectionSpec;
import io.migbench.engine.plan.Partition;
import io.migbench.engine.plan.PartitionKind;
import io.migbench.engine.schema.ColumnDef;
import io.migbench.engine.schema.TableDef;
import io.migbench.engine.schema.TableName;
import io.migbench.engine.testing.TestPostgres;
import io.migbench.harness.scenario.CopyFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.migbench.harness.sweep.baseline.BaselineDatabases.execute;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class FailingCommandsTest {
    static final String PASSWORD = "Pw-s3cret!x";

    @TempDir
    Path dir;

    CommandRunner runner(Duration timeout) {
        return new CommandRunner("test-engine", dir, List.of(PASSWORD), timeout);
    }

    @Test
    void aPipeIntoAMissingTargetTableFailsWithTheTableAndPsqlsError() throws Exception {
        assumeTrue(ToolProbe.versionLine("psql").isPresent() && ToolProbe.versionLine("bash").isPresent(),
                "psql and bash are needed for a pipe");
        ConnectionSpec source = new ConnectionSpec(TestPostgres.newDatabase("fail_src"), TestPostgres.USER, PASSWORD);
        ConnectionSpec target = new ConnectionSpec(TestPostgres.newDatabase("fail_dst"), TestPostgres.USER, PASSWORD);
        TableName name = new TableName("public", "Gone Table");
        execute(source, "CREATE TABLE " + name.quoted() + " (v text)", "INSERT INTO " + name.quoted() + " VALUES ('x'), (NULL)");
        TableDef table = new TableDef(name, List.of(new ColumnDef("v", "text", false, null, (char) 0, null, null, null, true, null)),
                List.of(), List.of(), List.of(), List.of(), 2, 8192);
        Slice slice = new Slice(table, new Partition(name, 0, PartitionKind.CTID_RANGE, null, List.of("10"), 2, 8192), 10);
        CommandRunner runner = runner(Duration.ofMinutes(1));

        BaselineException e = catchThrowableOfType(() -> runner.run(SlicePipe.command(slice, CopyFormat.BINARY, false,
                PgEndpoint.of(source), PgEndpoint.of(target)), slice.describe()), BaselineException.class);

        assertThat(e).as("failure of the pipe").isNotNull();
        assertThat(e.table()).as("table and slice").isEqualTo("public.Gone Table, ctid blocks [unbounded, 10)");
        assertThat(e.stderrTail()).as("psql's error").contains("relation \"public.Gone Table\" does not exist");
        assertThat(e.exitCode()).as("pipefail exit code").isNotNull().isNotZero();
        assertThat(e.command()).as("command line").contains("COPY \"public\".\"Gone Table\" (\"v\") FROM STDIN (FORMAT binary)");
        assertThat(e.getMessage()).as("message").contains("public.Gone Table").contains("does not exist")
                .doesNotContain(PASSWORD);
        assertThat(runner.commandLines()).as("recorded commands").singleElement().asString().doesNotContain(PASSWORD);
    }

    @Test
    void stderrIsRedactedAndTheExitCodeKept() {
        CommandRunner runner = runner(Duration.ofMinutes(1));
        ExternalCommand leaky = ExternalCommand.of("leaky tool", List.of("bash", "-c", "echo \"login with $SECRET failed\" >&2; exit 3"),
                Map.of("SECRET", PASSWORD));

        BaselineException e = catchThrowableOfType(() -> runner.run(leaky, null), BaselineException.class);

        assertThat(e.exitCode()).isEqualTo(3);
        assertThat(e.stderrTail()).as("stderr tail").isEqualTo("login with **** failed");
        assertThat(e.getMessage()).as("message").contains("leaky tool failed").contains("(exit code 3)")
                .doesNotContain(PASSWORD);
        assertThat(leaky.toString()).as("a command's text form").doesNotContain(PASSWORD);
        assertThat(runner.stderrTail()).as("run's stderr tail").doesNotContain(PASSWORD).contains("****");
    }

    @Test
    void aCommandPastTheTimeoutIsKilledAndSaysSo() {
        BaselineException e = catchThrowableOfType(() -> runner(Duration.ofMillis(500))
                .run(ExternalCommand.of("sleeper", List.of("bash", "-c", "sleep 30"), Map.of()), "public.t"),
                BaselineException.class);

        assertThat(e.getMessage()).contains("sleeper timed out").contains("PT0.5S").contains("[table public.t]");
        assertThat(e.elapsed()).as("killed long before the command ends").isLessThan(Duration.ofSeconds(20));
    }

    @Test
    void theFirstFailureStopsTheOtherCommands() {
        CommandRunner runner = runner(Duration.ofMinutes(1));
        List<ExternalCommand> commands = List.of(
                ExternalCommand.of("slow", List.of("bash", "-c", "sleep 30"), Map.of()),
                ExternalCommand.of("broken", List.of("bash", "-c", "echo broken >&2; exit 7"), Map.of()));

        BaselineException e = catchThrowableOfType(() -> Parallel.forEach("test-engine", "pipe", commands, 2,
                c -> runner.run(c, c.label()), runner::cancelAll), BaselineException.class);

        assertThat(e.getMessage()).as("the first failure is reported").contains("broken failed").contains("exit code 7");
        assertThat(e.elapsed()).isLessThan(Duration.ofSeconds(20));
        assertThat(ProcessHandle.current().descendants().filter(p -> p.info().command().orElse("").endsWith("sleep")))
                .as("no sleep left running").isEmpty();
    }
}

package io.migbench.spark;

import io.migbench.engine.cli.EngineMain;
import io.migbench.engine.testing.TestPostgres;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The spark-submit entry point in local[N] mode: the driver plans and finalizes, N tasks copy. */
class SparkLocalModeTest {
    private record Run(int exitCode, String err) {
    }

    private static Run submit(String master, List<String> jobArguments) {
        // what spark-submit --master does: spark.* system properties reach the job's SparkConf
        System.setProperty("spark.master", master);
        System.setProperty("spark.ui.enabled", "false");
        try {
            CommandLine cli = SparkMigrationMain.commandLine();
            StringWriter err = new StringWriter();
            cli.setErr(new PrintWriter(err, true));
            return new Run(cli.execute(jobArguments.toArray(String[]::new)), err.toString());
        } finally {
            System.clearProperty("spark.master");
            System.clearProperty("spark.ui.enabled");
        }
    }

    private static List<String> job(List<String> jobOptions, List<String> migrateArguments) {
        List<String> all = new ArrayList<>(jobOptions);
        all.add("--");
        all.addAll(migrateArguments);
        return all;
    }

    @Test
    void migratesExactlyWithTwoCopyTasksInLocalMode() throws Exception {
        String source = MigrationFixture.source();
        String target = TestPostgres.newDatabase("spark_local_tgt");

        Run run = submit("local[2]", job(List.of("--workers", "2"), MigrationFixture.migrateArguments(source, target)));

        assertThat(run.exitCode()).as("exit code; stderr:%n%s", run.err()).isZero();
        MigrationFixture.assertExact(source, target);
        assertThat(MigrationFixture.partitionsNotDoneExactlyOnce(target)).as("partitions not completed exactly once")
                .isEmpty();
        assertThat(MigrationFixture.doneBy(target)).as("both tasks copied, as attempt 0 of their Spark partition")
                .containsExactly("spark-0-0", "spark-1-0");
    }

    @Test
    void aCopyWorkerThatRefusesFailsItsTaskAndTheJobWithTheWorkersReason() throws Exception {
        String source = MigrationFixture.source();
        String target = TestPostgres.newDatabase("spark_local_mismatch");
        List<String> planned = MigrationFixture.migrateArguments(source, target);
        assertThat(EngineMain.execute(new EngineArguments(planned).forPhase(Step.PLAN))).as("plan").isZero();

        List<String> otherwise = MigrationFixture.migrateArguments(source, target, "--exclude", "accounts");
        Run run = submit("local[2]", job(List.of("--workers", "2", "--steps", "copy"), otherwise));

        assertThat(run.exitCode()).as("stderr:%n%s", run.err()).isEqualTo(1);
        assertThat(run.err()).as("the task's reason: the worker's own refusal")
                .contains("migbench-spark: copy stage failed:", "copy worker spark-", "exited 2",
                        "--exclude", "does not match the plan");
        assertThat(MigrationFixture.strings(target, "SELECT count(*) FROM migbench.partition_history"))
                .as("nothing claimed").containsExactly("0");
    }

    @Test
    void aPhaseInTheMigrateArgumentsIsAUsageErrorBeforeSparkStarts() {
        Run run = submit("local[1]", job(List.of(), List.of("--source", "jdbc:postgresql://x/y", "--phase", "copy")));

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip()).as("one line naming the flag").startsWith("migbench-spark: --phase")
                .doesNotContain("\n");
    }
}

package io.migbench.spark;

import io.migbench.engine.cli.EngineMain;
import io.migbench.engine.cli.ExitCodes;
import org.apache.spark.SparkException;
import org.apache.spark.api.java.JavaSparkContext;

import java.io.PrintWriter;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * The driver's side: plan in the driver, one Spark stage of {@code workers} copy tasks, finalize in the driver. Each
 * step is the engine's own {@code migrate --phase}, so the job adds scheduling and retries, not a second code path.
 */
public final class MigrationJob {
    private final JavaSparkContext spark;
    private final PrintWriter err;

    public MigrationJob(JavaSparkContext spark, PrintWriter err) {
        this.spark = spark;
        this.err = err;
    }

    /** Runs the chosen steps in order and returns the exit code of the first that failed, else 0. */
    public int run(Set<Step> steps, int workers, EngineArguments arguments) {
        if (steps.contains(Step.PLAN)) {
            int code = inDriver(Step.PLAN, arguments);
            if (code != ExitCodes.OK) {
                return code;
            }
        }
        if (steps.contains(Step.COPY)) {
            int code = copy(workers, arguments);
            if (code != ExitCodes.OK) {
                return code;
            }
        }
        return steps.contains(Step.FINALIZE) ? inDriver(Step.FINALIZE, arguments) : ExitCodes.OK;
    }

    private int inDriver(Step step, EngineArguments arguments) {
        spark.setJobDescription("migbench " + step.phase());
        return EngineMain.execute(arguments.forPhase(step));
    }

    private int copy(int workers, EngineArguments arguments) {
        spark.setJobDescription("migbench copy: " + workers + " workers");
        List<Integer> slots = IntStream.range(0, workers).boxed().toList();
        try {
            spark.parallelize(slots, workers).foreachPartition(new CopyWorkerTask(arguments));
            return ExitCodes.OK;
        } catch (Exception e) {
            // Scala throws SparkException undeclared: a task failed spark.task.maxFailures times
            if (!(e instanceof SparkException)) {
                throw e;
            }
            err.println("migbench-spark: copy stage failed: " + firstLine(e.getMessage()));
            err.flush();
            return ExitCodes.FAILED;
        }
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }
}

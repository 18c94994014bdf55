package io.migbench.spark;

import io.migbench.engine.cli.EngineMain;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.VoidFunction;
import picocli.CommandLine;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;

/**
 * One Spark task = one engine copy worker: it claims partitions from the target's state table until none is left.
 * Its worker id names the Spark partition and attempt, so a retried or speculative attempt is a new worker; the state
 * table's leases keep every partition copied to completion once, whichever attempts run.
 */
final class CopyWorkerTask implements VoidFunction<Iterator<Integer>> {
    private static final long serialVersionUID = 1L;

    private final EngineArguments arguments;

    CopyWorkerTask(EngineArguments arguments) {
        this.arguments = arguments;
    }

    static String workerId(TaskContext task) {
        return "spark-" + task.partitionId() + "-" + task.attemptNumber();
    }

    @Override
    public void call(Iterator<Integer> ignored) {
        String workerId = workerId(TaskContext.get());
        CommandLine cli = EngineMain.commandLine();
        LastLineWriter err = new LastLineWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(arguments.forCopyWorker(workerId));
        if (code != 0) {
            // a failed task is what Spark retries (spark.task.maxFailures) on this or another executor
            throw new CopyWorkerFailedException(workerId, code, err.lastLine());
        }
    }
}

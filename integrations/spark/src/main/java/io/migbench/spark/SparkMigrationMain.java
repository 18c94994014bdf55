package io.migbench.spark;

import io.migbench.engine.ConfigurationException;
import io.migbench.engine.cli.ExitCodes;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code spark-submit --class io.migbench.spark.SparkMigrationMain migbench-spark.jar [--workers N] [--steps ...] --
 * <migrate arguments>}: the master, executors and retries come from spark-submit, the migration from the arguments
 * after {@code --}.
 */
@Command(name = "migbench-spark", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Run a migbench migration as a Spark job: plan and finalize in the driver, copy workers as tasks.")
public final class SparkMigrationMain implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--workers", paramLabel = "N",
            description = "Copy workers (Spark tasks), each with the migrate --tasks threads (default: the context's default parallelism).")
    Integer workers;
    @Option(names = "--steps", split = ",", paramLabel = "STEP",
            description = "plan, copy, finalize: the steps to run, in that order (default: all three).")
    List<String> steps = List.of("plan", "copy", "finalize");
    @Parameters(paramLabel = "MIGRATE-ARGS", arity = "1..*",
            description = "After --: the migrate arguments every phase gets (--source, --target, --tasks, ...).")
    List<String> migrateArguments;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new SparkMigrationMain());
        cli.setExitCodeExceptionMapper(ExitCodes::forException);
        cli.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            cmd.getErr().println("migbench-spark: " + (ex.getMessage() == null ? ex.toString() : ex.getMessage()));
            return ExitCodes.forException(ex);
        });
        cli.setParameterExceptionHandler((ex, args) -> {
            ex.getCommandLine().getErr().println("migbench-spark: " + ex.getMessage() + " (see '--help')");
            return ExitCodes.USAGE;
        });
        return cli;
    }

    @Override
    public Integer call() {
        EnumSet<Step> chosen = steps(steps);
        EngineArguments arguments = new EngineArguments(migrateArguments);
        if (workers != null && workers < 1) {
            throw new ConfigurationException("--workers", "--workers must be at least 1, got " + workers);
        }
        PrintWriter err = spec.commandLine().getErr();
        // the master, the name and every other setting come from spark-submit (or spark.* system properties)
        try (JavaSparkContext spark = new JavaSparkContext(new SparkConf().setIfMissing("spark.app.name", "migbench"))) {
            int count = workers != null ? workers : spark.defaultParallelism();
            return new MigrationJob(spark, err).run(chosen, count, arguments);
        }
    }

    static EnumSet<Step> steps(List<String> names) {
        EnumSet<Step> chosen = EnumSet.noneOf(Step.class);
        for (String name : names) {
            Step step = switch (name.trim()) {
                case "plan" -> Step.PLAN;
                case "copy" -> Step.COPY;
                case "finalize" -> Step.FINALIZE;
                default -> throw new ConfigurationException("--steps",
                        "--steps takes plan, copy and finalize, got '" + name + "'");
            };
            chosen.add(step);
        }
        return chosen;
    }
}

package io.migbench.harness.cli;

import io.migbench.engine.cli.ExitCodes;
import io.migbench.harness.service.TuneService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code migbench tune}: search the best task count (then partitions) per platform within a time budget. */
@Command(name = "tune", mixinStandardHelpOptions = true,
        description = {"Find the best settings per platform by measurement: powers of two of the task count, then "
                + "the neighbours of the best, then partitions per table at the best task count; repeated trials per "
                + "point, branches clearly below the best dropped early. Trials land in results/<run-id>/trials.csv "
                + "(draw them with 'migbench report'); the recommendations go to a settings file."})
public final class TuneCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SCENARIO", description = "Scenario file, e.g. scenarios/stackoverflow.yaml")
    Path scenarioFile;

    @Mixin
    RunOptions runOptions;

    @Option(names = "--budget", paramLabel = "DURATION",
            description = "Wall-clock budget for all platforms, e.g. 20m, 1h30m (default: the scenario's tune.budget, else 20m).")
    String budget;

    @Option(names = "--settings-out", paramLabel = "FILE",
            description = "Where to write the recommended settings (default: <run folder>/tuned.yaml).")
    Path settingsOut;

    @Mixin
    DebugOption debug;

    @Override
    public Integer call() throws Exception {
        boolean complete = TuneService.tune(runOptions.spec(scenarioFile), budget, settingsOut, spec.commandLine().getOut())
                .complete();
        return complete ? ExitCodes.OK : ExitCodes.FAILED;
    }
}

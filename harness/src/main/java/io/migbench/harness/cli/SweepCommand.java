package io.migbench.harness.cli;

import io.migbench.engine.ConfigurationException;
import io.migbench.engine.cli.ExitCodes;
import io.migbench.harness.config.YamlEnum;
import io.migbench.harness.scenario.TrialOrder;
import io.migbench.harness.service.RunSpec;
import io.migbench.harness.service.SweepOutcome;
import io.migbench.harness.service.SweepService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code migbench sweep}: measure a scenario's whole matrix and write the CSVs and the report. */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = {"Run a scenario's tuning sweep: every platform profile × matrix point × trial, recorded to "
                + "results/<run-id>/trials.csv and tables.csv, then rendered to REPORT.md with charts.",
                "Ctrl-C stops cleanly: finished trials stay in the CSVs and the databases are torn down."})
public final class SweepCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SCENARIO", description = "Scenario file, e.g. scenarios/quick.yaml")
    Path scenarioFile;

    @Mixin
    RunOptions runOptions;

    @Option(names = "--settings", paramLabel = "FILE",
            description = "Settings file written by 'migbench tune': measure the recommended setting of each platform "
                    + "(beside the scenario's baseline) instead of the whole matrix.")
    Path settingsFile;

    @Option(names = "--order", paramLabel = "interleaved|blocked",
            description = "Order of the measured trials of a platform: interleaved (rounds over every point, each round "
                    + "in an order drawn from the scenario's order_seed) or blocked (each point's trials back to back). "
                    + "Default: the scenario's trial_order, else interleaved.")
    String order;

    @Option(names = "--no-report", description = "Write the CSVs only; render the report later with 'migbench report'.")
    boolean noReport;

    @Option(names = "--dry-run", description = "Validate and print the plan, the limits this host can enforce, missing "
            + "baseline tools and an ETA; start nothing.")
    boolean dryRun;

    @Mixin
    DebugOption debug;

    @Override
    public Integer call() throws Exception {
        RunSpec run = runOptions.spec(scenarioFile);
        if (order != null) {
            run = run.withOverrides(run.overrides().withOrder(YamlEnum.parse(TrialOrder.Mode.class, order)
                    .orElseThrow(() -> new ConfigurationException("--order", "--order: expected one of "
                            + YamlEnum.names(TrialOrder.Mode.class) + ", got \"" + order + "\""))));
        }
        if (dryRun) {
            SweepService.dryRun(run, settingsFile, spec.commandLine().getOut());
            return ExitCodes.OK;
        }
        SweepOutcome outcome = SweepService.sweep(run, settingsFile, !noReport, spec.commandLine().getOut());
        return outcome.anyFailed() ? ExitCodes.FAILED : ExitCodes.OK;
    }
}

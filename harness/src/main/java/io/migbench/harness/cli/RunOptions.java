package io.migbench.harness.cli;

import io.migbench.harness.scenario.ScenarioOverrides;
import io.migbench.harness.service.RunSpec;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * The options of a command that measures into a run folder ({@code sweep}, {@code tune}): where the run folder
 * goes, its name, which platform profiles to measure and the scenario values overridden for this run.
 * Use as {@code @Mixin RunOptions run;}.
 */
public final class RunOptions {
    @Option(names = "--out", paramLabel = "DIR", defaultValue = "results",
            description = "Folder that receives the run folder (default: ${DEFAULT-VALUE}).")
    Path outDir;

    @Option(names = "--run-id", paramLabel = "ID",
            description = "Name of the run folder (default: <scenario>-<UTC timestamp>; tune adds -tune).")
    String runId;

    @Option(names = "--platform", paramLabel = "NAME", split = ",",
            description = "Only these platform profiles of the scenario (default: all).")
    Set<String> platforms = Set.of();

    @Option(names = "--trials", paramLabel = "N",
            description = "Measured trials per point instead of the scenario's (recorded in the run's scenario.yaml).")
    Integer trials;

    @Option(names = "--warmup", paramLabel = "N",
            description = "Warmup trials per point instead of the scenario's (recorded in the run's scenario.yaml).")
    Integer warmup;

    @Option(names = "--tasks", paramLabel = "N", split = ",",
            description = "Task counts instead of the matrix's, e.g. 1,2,4 (tune: its coarse pass). Recorded in the "
                    + "run's scenario.yaml.")
    List<Integer> tasks;

    /** The run these options describe, of {@code scenarioFile}. */
    public RunSpec spec(Path scenarioFile) {
        return new RunSpec(scenarioFile, outDir, runId, platforms, new ScenarioOverrides(trials, warmup, tasks));
    }
}

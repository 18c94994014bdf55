package io.migbench.harness.cli;

import io.migbench.engine.ConfigurationException;
import io.migbench.engine.cli.ExitCodes;
import io.migbench.harness.tune.PlatformRecommendation;
import io.migbench.harness.tune.TunedSettingsFile;
import io.migbench.harness.tune.TuningOptions;
import io.migbench.harness.tune.TuningResult;
import io.migbench.harness.tune.TuningPoint;
import io.migbench.harness.tune.Tuner;
import io.migbench.harness.sweep.SideBackends;
import io.migbench.harness.report.ReportGenerator;
import io.migbench.harness.scenario.Durations;
import io.migbench.harness.scenario.EngineSettings;
import io.migbench.harness.scenario.Scenario;
import io.migbench.harness.scenario.ScenarioLoader;
import io.migbench.harness.sweep.ConsoleProgress;
import io.migbench.harness.sweep.PlatformSession;
import io.migbench.harness.sweep.RunFolder;
import io.migbench.harness.sweep.SweepPlan;
import io.migbench.harness.sweep.PlatformDatabases;
import io.migbench.harness.sweep.TrialOutcome;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
        PrintWriter out = spec.commandLine().getOut();
        Scenario scenario = ScenarioLoader.load(scenarioFile);
        SweepPlan plan = SweepPlan.of(scenario, runOptions.platforms());
        Duration total = budget != null ? budget(budget)
                : scenario.tune().budget() != null ? scenario.tune().budget() : Duration.ofMinutes(20);
        Duration perPlatform = total.dividedBy(plan.platforms().size());
        TuningOptions options = TuningOptions.builder()
                .maxTasks(scenario.tune().maxTasks().orElse(TuningOptions.defaultMaxTasks(Runtime.getRuntime().availableProcessors())))
                .trialsPerPoint(Math.max(2, scenario.trials()))
                .warmupTrials(scenario.warmupTrials())
                .budget(perPlatform)
                // the engine holds exactly one source and one target connection per task: a bigger pool changes nothing
                .poolSizeFactors(List.of())
                .build();
        Path runDir = runOptions.runDir(scenario.name() + "-tune");
        out.printf(Locale.ROOT, "tune %s: %d platform(s), budget %s each, up to %d tasks, %d trials per point -> %s%n",
                scenario.name(), plan.platforms().size(), Durations.format(perPlatform), options.maxTasks(), options.trialsPerPoint(), runDir);
        out.flush();

        SideBackends backends = SideBackends.of(scenario.backend());
        ConsoleProgress progress = new ConsoleProgress(out);
        List<PlatformRecommendation> recommendations = new ArrayList<>();
        try (RunFolder run = RunFolder.create(runDir, scenario)) {
            for (var profile : plan.platforms()) {
                try (PlatformSession session = PlatformSession.open(scenario, profile, backends, run, progress)) {
                    int[] trials = {0};
                    TuningResult result = new Tuner(options).tune((point, trial) -> {
                        TrialOutcome outcome = session.measure(settings(scenario, point), trial, options.isWarmup(trial));
                        // the tuner decides the number of trials as it goes: no total, no ETA
                        progress.trialFinished(outcome, ++trials[0], 0, Double.NaN);
                        return throughput(outcome);
                    });
                    out.printf(Locale.ROOT, "%nplatform %s: %s%n%n", profile.name(), result.recommendation());
                    if (result.best().isPresent()) {
                        recommendations.add(PlatformRecommendation.from(profile.name(), result,
                                settings(scenario, result.best().get().point()).copyFormat().yamlName(),
                                profile.target().settings(), run.host().hostName(), scenario.name(), Instant.now()));
                    }
                }
            }
        }
        Path settingsFile = settingsOut != null ? settingsOut : runDir.resolve("tuned.yaml");
        if (!recommendations.isEmpty()) {
            TunedSettingsFile.write(settingsFile, recommendations);
            out.printf(Locale.ROOT, "recommended settings: %s%n", settingsFile);
        }
        out.printf(Locale.ROOT, "report: %s%n", ReportGenerator.generate(List.of(runDir), runDir, null));
        return recommendations.size() == plan.platforms().size() ? ExitCodes.OK : ExitCodes.FAILED;
    }

    /** The scenario's baseline settings (or migbench defaults) with the point's task count and partitions. */
    private static EngineSettings settings(Scenario scenario, TuningPoint point) {
        return point.applyTo(scenario.migbenchBase());
    }

    private static double throughput(TrialOutcome outcome) {
        if (!outcome.trial().isOk()) {
            throw new IllegalStateException(outcome.trial().error());
        }
        return outcome.trial().rowsPerSecond();
    }

    private static Duration budget(String text) {
        try {
            return Durations.parse(text);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("--budget", "--budget: " + e.getMessage(), e);
        }
    }
}

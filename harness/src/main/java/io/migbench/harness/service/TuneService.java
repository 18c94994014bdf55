package io.migbench.harness.service;

import io.migbench.engine.ConfigurationException;
import io.migbench.harness.scenario.Durations;
import io.migbench.harness.scenario.EngineSettings;
import io.migbench.harness.scenario.PlatformProfile;
import io.migbench.harness.scenario.Scenario;
import io.migbench.harness.sweep.ConsoleProgress;
import io.migbench.harness.sweep.PlatformDatabases;
import io.migbench.harness.sweep.PlatformSession;
import io.migbench.harness.sweep.RunFolder;
import io.migbench.harness.sweep.SweepPlan;
import io.migbench.harness.sweep.TrialOutcome;
import io.migbench.harness.sweep.TrialSlot;
import io.migbench.harness.sweep.SideBackends;
import io.migbench.harness.tune.PlatformRecommendation;
import io.migbench.harness.tune.TunedSettingsFile;
import io.migbench.harness.tune.Tuner;
import io.migbench.harness.tune.TuningOptions;
import io.migbench.harness.tune.TuningPoint;
import io.migbench.harness.tune.TuningResult;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The tuner as every entry point runs it ({@code migbench tune}, {@code mvn migbench:tune}): per platform, search
 * the task count (then partitions) within its share of the budget, record every trial, write the recommendations.
 */
public final class TuneService {
    private TuneService() {}

    /**
     * @param budget       wall-clock budget for all platforms, e.g. {@code 20m} (null: the scenario's, else 20m)
     * @param settingsOut  where the recommendations go (null: {@code <run folder>/tuned.yaml})
     */
    public static TuneOutcome tune(RunSpec run, String budget, Path settingsOut, PrintWriter out) throws IOException {
        Scenario scenario = run.scenario();
        SweepPlan plan = SweepPlan.of(scenario, run.platforms());
        TuningOptions options = options(scenario, run, budget(scenario, budget).dividedBy(plan.platforms().size()));
        Path runDir = run.runDir(scenario.name() + "-tune");
        out.printf(Locale.ROOT, "tune %s: %d platform(s), budget %s each, up to %d tasks, %d trials per point -> %s%n",
                scenario.name(), plan.platforms().size(), Durations.format(options.budget()), options.maxTasks(),
                options.trialsPerPoint(), runDir);
        out.flush();

        SideBackends backends = SideBackends.of(scenario.backend());
        ConsoleProgress progress = new ConsoleProgress(out);
        List<PlatformRecommendation> recommendations = new ArrayList<>();
        try (RunFolder folder = RunFolder.create(runDir, scenario)) {
            for (PlatformProfile profile : plan.platforms()) {
                try (PlatformSession session = PlatformSession.open(scenario, profile, backends, folder, progress)) {
                    int[] trials = {0};
                    TuningResult result = new Tuner(options).tune((point, trial) -> {
                        TrialOutcome outcome = session.measure(settings(scenario, point),
                                TrialSlot.unscheduled(trial, options.isWarmup(trial)));
                        // the tuner decides the number of trials as it goes: no total, no ETA
                        progress.trialFinished(outcome, ++trials[0], 0, Double.NaN);
                        return throughput(outcome);
                    });
                    out.printf(Locale.ROOT, "%nplatform %s: %s%n%n", profile.name(), result.recommendation());
                    if (result.best().isPresent()) {
                        recommendations.add(PlatformRecommendation.from(profile.name(), result,
                                settings(scenario, result.best().get().point()).copyFormat().yamlName(),
                                profile.target().settings(), folder.host().hostName(), scenario.name(), Instant.now()));
                    }
                }
            }
        }
        Optional<Path> settingsFile = Optional.empty();
        if (!recommendations.isEmpty()) {
            settingsFile = Optional.of(settingsOut != null ? settingsOut : runDir.resolve("tuned.yaml"));
            TunedSettingsFile.write(settingsFile.get(), recommendations);
            out.printf(Locale.ROOT, "recommended settings: %s%n", settingsFile.get());
        }
        ReportService.Written written = ReportService.report(runDir, null, null);
        out.printf(Locale.ROOT, "report: %s%nsummary: %s%n", written.report(), written.summary());
        out.flush();
        return new TuneOutcome(runDir, settingsFile, recommendations.size(), plan.platforms().size());
    }

    private static TuningOptions options(Scenario scenario, RunSpec run, Duration perPlatform) {
        List<Integer> tasks = run.overrides().tasks();
        int maxTasks = scenario.tune().maxTasks()
                .orElse(TuningOptions.defaultMaxTasks(Runtime.getRuntime().availableProcessors()));
        return TuningOptions.builder()
                // --tasks replaces the coarse pass's powers of two; refinement still looks between them
                .maxTasks(tasks == null ? maxTasks : Math.max(maxTasks, tasks.stream().mapToInt(Integer::intValue).max().orElseThrow()))
                .coarseTasks(tasks == null ? List.of() : tasks)
                .trialsPerPoint(Math.max(2, scenario.trials()))
                .warmupTrials(scenario.warmupTrials())
                .budget(perPlatform)
                .build();
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

    private static Duration budget(Scenario scenario, String text) {
        if (text == null) {
            return scenario.tune().budget() != null ? scenario.tune().budget() : Duration.ofMinutes(20);
        }
        try {
            return Durations.parse(text);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("--budget", "--budget: " + e.getMessage(), e);
        }
    }
}

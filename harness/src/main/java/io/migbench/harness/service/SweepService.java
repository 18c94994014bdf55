package io.migbench.harness.service;

import io.migbench.engine.ConfigurationException;
import io.migbench.harness.report.BottleneckSection;
import io.migbench.harness.report.ReportGenerator;
import io.migbench.harness.report.RunSummary;
import io.migbench.harness.report.SummaryJson;
import io.migbench.harness.results.ResultsReader;
import io.migbench.harness.scenario.BackendType;
import io.migbench.harness.scenario.EngineSettings;
import io.migbench.harness.scenario.TrialOrder;
import io.migbench.harness.scenario.Scenario;
import io.migbench.harness.sweep.ConsoleProgress;
import io.migbench.harness.sweep.SweepPlan;
import io.migbench.harness.sweep.SweepRunner;
import io.migbench.harness.sweep.SweepSummary;
import io.migbench.harness.tune.PlatformRecommendation;
import io.migbench.harness.tune.TunedSettingsFile;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The sweep as every entry point runs it ({@code migbench sweep}, {@code mvn migbench:sweep}): plan from the scenario
 * (or a tuned settings file), run every trial into the run folder, render the report, print the best settings.
 */
public final class SweepService {
    private SweepService() {}

    /**
     * Runs the sweep, printing progress to {@code out}.
     *
     * @param settingsFile a {@code tuned.yaml}: measure each platform's recommendation beside the baseline (null: the matrix)
     */
    public static SweepOutcome sweep(RunSpec run, Path settingsFile, boolean report, PrintWriter out) throws IOException {
        Scenario scenario = run.scenario();
        SweepPlan plan = withTunedTargetSettings(plan(scenario, run, settingsFile), scenario, settingsFile, out);
        Path runDir = run.runDir(scenario.name());
        out.printf(Locale.ROOT, "sweep %s: %d platform(s) × %d point(s) × %d trial(s) (%d warmup) = %d trials, %s -> %s%n",
                scenario.name(), plan.platforms().size(), maxPoints(plan), plan.trialsPerPoint(), scenario.warmupTrials(),
                plan.totalTrials(), orderText(scenario.trialOrder()), runDir);
        out.flush();

        SweepSummary summary = new SweepRunner(plan, runDir, new ConsoleProgress(out)).run();
        out.printf(Locale.ROOT, "%nresults: %s, %s%n", runDir.resolve("trials.csv"), runDir.resolve("tables.csv"));
        if (report) {
            out.printf(Locale.ROOT, "report:  %s%n", ReportGenerator.generate(List.of(runDir), runDir, null));
        }
        RunSummary best = ReportService.writeSummary(runDir);
        out.printf(Locale.ROOT, "summary: %s%n", runDir.resolve(SummaryJson.FILE));
        BestSettings.print(out, best);
        List<String> bottlenecks = BottleneckSection.consoleLines(ResultsReader.read(runDir));
        if (!bottlenecks.isEmpty()) {
            out.printf(Locale.ROOT, "%nbottleneck (best setting per platform):%n");
            bottlenecks.forEach(line -> out.println("  " + line));
        }
        if (summary.failedTrials() > 0) {
            out.printf(Locale.ROOT, "%d of %d trials failed (see the error column of trials.csv)%n",
                    summary.failedTrials(), summary.trials());
        }
        out.flush();
        return new SweepOutcome(runDir, summary.trials(), summary.failedTrials());
    }

    /** Validates everything a sweep would read and prints its plan, starting nothing. */
    public static void dryRun(RunSpec run, Path settingsFile, PrintWriter out) throws IOException {
        Scenario scenario = run.scenario();
        DryRun.print(plan(scenario, run, settingsFile), run, out);
    }

    static SweepPlan plan(Scenario scenario, RunSpec run, Path settingsFile) {
        SweepPlan plan = SweepPlan.of(scenario, run.platforms());
        return settingsFile == null ? plan : plan.withPoints(tunedPoints(scenario, TunedSettingsFile.read(settingsFile)));
    }

    /** A tuned file's target_settings start each platform's target, where migbench starts it. */
    private static SweepPlan withTunedTargetSettings(SweepPlan plan, Scenario scenario, Path settingsFile, PrintWriter out) {
        if (settingsFile == null) {
            return plan;
        }
        Map<String, Map<String, String>> serverSettings = new LinkedHashMap<>();
        TunedSettingsFile.read(settingsFile).stream().filter(r -> !r.targetSettings().isEmpty())
                .forEach(r -> serverSettings.put(r.platform(), r.targetSettings()));
        if (serverSettings.isEmpty()) {
            return plan;
        }
        if (scenario.backend().type() == BackendType.EXTERNAL) {
            out.printf(Locale.ROOT, "target_settings of %s not applied: the external target is not started by "
                    + "migbench; set them on the server yourself%n", settingsFile);
            return plan;
        }
        serverSettings.forEach((platform, settings) -> out.printf(Locale.ROOT,
                "platform %s: target starts with the target_settings of %s: %s%n", platform, settingsFile, settings));
        return plan.withTargetSettings(serverSettings);
    }

    private static String orderText(TrialOrder o) {
        return o.mode() == TrialOrder.Mode.BLOCKED ? "blocked" : "interleaved (seed " + o.seed() + ")";
    }

    static int maxPoints(SweepPlan plan) {
        return plan.pointsByPlatform().values().stream().mapToInt(List::size).max().orElse(0);
    }

    /** Per recommended platform: the scenario's baseline (the "before") and the tuned setting (the "after"). */
    static Map<String, List<EngineSettings>> tunedPoints(Scenario scenario, List<PlatformRecommendation> recommendations) {
        Map<String, List<EngineSettings>> points = new LinkedHashMap<>();
        for (PlatformRecommendation r : recommendations) {
            if (scenario.profile(r.platform()).isEmpty()) {
                throw new ConfigurationException("--settings", "--settings: platform \"" + r.platform()
                        + "\" is not a profile of scenario " + scenario.name());
            }
            List<EngineSettings> list = new ArrayList<>();
            if (scenario.baseline() != null) {
                list.add(scenario.baseline());
            }
            EngineSettings tuned = r.applyTo(scenario.migbenchBase());
            if (!list.contains(tuned)) {
                list.add(tuned);
            }
            points.put(r.platform(), list);
        }
        return points;
    }
}

package io.migbench.harness.cli;

import io.migbench.engine.ConfigurationException;
import io.migbench.engine.cli.ExitCodes;
import io.migbench.harness.sweep.SweepPlan;
import io.migbench.harness.sweep.SweepRunner;
import io.migbench.harness.sweep.SweepSummary;
import io.migbench.harness.sweep.ConsoleProgress;
import io.migbench.harness.report.BottleneckView;
import io.migbench.harness.report.ReportGenerator;
import io.migbench.harness.results.ResultsReader;
import io.migbench.harness.results.TrialResult;
import io.migbench.harness.config.YamlEnum;
import io.migbench.harness.scenario.BackendType;
import io.migbench.harness.scenario.Scenario;
import io.migbench.harness.scenario.TrialOrder;
import io.migbench.harness.scenario.ScenarioLoader;
import io.migbench.harness.scenario.EngineSettings;
import io.migbench.harness.stats.ConfigurationStats;
import io.migbench.harness.stats.Ranking;
import io.migbench.harness.stats.Summary;
import io.migbench.harness.tune.PlatformRecommendation;
import io.migbench.harness.tune.TunedSettingsFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
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

    @Mixin
    DebugOption debug;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Scenario scenario = ScenarioLoader.load(scenarioFile);
        if (order != null) {
            scenario = scenario.withTrialOrder(scenario.trialOrder().withMode(YamlEnum.parse(TrialOrder.Mode.class, order)
                    .orElseThrow(() -> new ConfigurationException("--order", "--order: expected one of "
                            + YamlEnum.names(TrialOrder.Mode.class) + ", got \"" + order + "\""))));
        }
        SweepPlan plan = SweepPlan.of(scenario, runOptions.platforms());
        if (settingsFile != null) {
            List<PlatformRecommendation> tuned = TunedSettingsFile.read(settingsFile);
            plan = plan.withPoints(tunedPoints(scenario, tuned));
            Map<String, Map<String, String>> serverSettings = new LinkedHashMap<>();
            tuned.stream().filter(r -> !r.targetSettings().isEmpty())
                    .forEach(r -> serverSettings.put(r.platform(), r.targetSettings()));
            if (!serverSettings.isEmpty() && scenario.backend().type() == BackendType.EXTERNAL) {
                out.printf(Locale.ROOT, "target_settings of %s not applied: the external target is not started by "
                        + "migbench; set them on the server yourself%n", settingsFile);
            } else if (!serverSettings.isEmpty()) {
                plan = plan.withTargetSettings(serverSettings);
                serverSettings.forEach((platform, settings) -> out.printf(Locale.ROOT,
                        "platform %s: target starts with the target_settings of %s: %s%n", platform, settingsFile, settings));
            }
        }
        Path runDir = runOptions.runDir(scenario.name());
        out.printf(Locale.ROOT, "sweep %s: %d platform(s) × %d point(s) × %d trial(s) (%d warmup) = %d trials, %s -> %s%n",
                scenario.name(), plan.platforms().size(), plan.pointsByPlatform().values().stream().mapToInt(List::size).max().orElse(0),
                plan.trialsPerPoint(), scenario.warmupTrials(), plan.totalTrials(), orderText(scenario.trialOrder()), runDir);
        out.flush();

        SweepSummary summary = new SweepRunner(plan, runDir, new ConsoleProgress(out)).run();
        out.printf(Locale.ROOT, "%nresults: %s, %s%n", runDir.resolve("trials.csv"), runDir.resolve("tables.csv"));
        if (!noReport) {
            Path report = ReportGenerator.generate(List.of(runDir), runDir, null);
            out.printf(Locale.ROOT, "report:  %s%n", report);
        }
        List<TrialResult> results = ResultsReader.read(runDir);
        printBest(out, results);
        List<String> bottlenecks = BottleneckView.consoleLines(results);
        if (!bottlenecks.isEmpty()) {
            out.printf(Locale.ROOT, "%nbottleneck (best setting per platform):%n");
            bottlenecks.forEach(line -> out.println("  " + line));
            out.flush();
        }
        if (summary.failedTrials() > 0) {
            out.printf(Locale.ROOT, "%d of %d trials failed (see the error column of trials.csv)%n",
                    summary.failedTrials(), summary.trials());
            return ExitCodes.FAILED;
        }
        return ExitCodes.OK;
    }

    private static String orderText(TrialOrder o) {
        return o.mode() == TrialOrder.Mode.BLOCKED ? "blocked" : "interleaved (seed " + o.seed() + ")";
    }

    /** Per recommended platform: the scenario's baseline (the "before") and the tuned setting (the "after"). */
    static Map<String, List<EngineSettings>> tunedPoints(Scenario scenario, List<PlatformRecommendation> recommendations) {
        Map<String, List<EngineSettings>> points = new LinkedHashMap<>();
        for (PlatformRecommendation r : recommendations) {
            if (scenario.profile(r.platform()).isEmpty()) {
                throw new ConfigurationException("--settings", "--settings: platform \"" + r.platform() + "\" is not a profile of scenario "
                        + scenario.name());
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

    /**
     * One screen: per platform the configuration with the highest median, its interval of the median, and whether
     * the data tells it apart from the rest; when it does not, the tied set is named.
     */
    static void printBest(PrintWriter out, List<TrialResult> results) {
        Map<String, List<ConfigurationStats>> byPlatform = new TreeMap<>();
        for (ConfigurationStats s : ConfigurationStats.group(results)) {
            if (s.n() > 0) {
                byPlatform.computeIfAbsent(s.key().platformKey(), k -> new ArrayList<>()).add(s);
            }
        }
        out.println();
        out.printf(Locale.ROOT, "%-34s %-28s %14s %25s %3s  %s%n", "platform", "fastest median", "median rows/s",
                "interval of the median", "n", "durability");
        byPlatform.forEach((platform, configs) -> {
            Ranking<ConfigurationStats> r = Ranking.of(configs, c -> c.throughput().orElseThrow());
            ConfigurationStats s = r.fastest();
            Summary t = s.throughput().orElseThrow();
            String ci = t.hasInterval() ? String.format(Locale.ROOT, "%,.0f – %,.0f", t.ciLow(), t.ciHigh()) : "n=1, none";
            out.printf(Locale.ROOT, "%-34s %-28s %,14.0f %25s %3d  %s%n", platform, s.key().settingsLabel(),
                    s.median(), ci, s.n(), s.representative().durability());
            if (r.ranked().size() > 1) {
                out.println("  " + (r.distinguishable() ? "distinguishable from every other configuration"
                        : r.tieSentence(group -> Ranking.join(group.stream().map(c -> c.key().settingsLabel()).toList()))));
            }
            if (s.n() < 3) {
                out.println("  warning: fewer than 3 measured trials; the interval says little");
            }
        });
        if (byPlatform.isEmpty()) {
            out.println("(no successful measured trial)");
        }
        out.flush();
    }
}

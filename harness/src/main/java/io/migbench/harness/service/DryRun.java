package io.migbench.harness.service;

import io.migbench.harness.dataset.DatasetCatalog;
import io.migbench.harness.db.limits.ConfinementMode;
import io.migbench.harness.db.limits.Confinements;
import io.migbench.harness.model.ByteSizes;
import io.migbench.harness.model.EngineKind;
import io.migbench.harness.scenario.DatasetSpec;
import io.migbench.harness.scenario.Durations;
import io.migbench.harness.scenario.EngineSettings;
import io.migbench.harness.scenario.InstanceProfile;
import io.migbench.harness.scenario.PlatformProfile;
import io.migbench.harness.scenario.Scenario;
import io.migbench.harness.sweep.SweepPlan;
import io.migbench.harness.sweep.baseline.Baselines;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code sweep --dry-run}: what a sweep would do on this host, found without starting a database: the plan
 * (platforms × points × trials), the limits this host can enforce, the baseline tools it lacks, and an ETA.
 */
final class DryRun {
    /** Assumed when no earlier run of the scenario exists: a modest 2-core machine's copy and generator speeds. */
    static final double DEFAULT_COPY_ROWS_PER_SECOND = 150_000;
    static final double DEFAULT_LOAD_ROWS_PER_SECOND = 250_000;
    /** Per trial besides the copy: target reset, schema, keys and verification. */
    static final double DEFAULT_TRIAL_OVERHEAD_SECONDS = 2;

    private DryRun() {}

    static void print(SweepPlan plan, RunSpec run, PrintWriter out) {
        Scenario s = plan.scenario();
        out.printf(Locale.ROOT, "dry run of scenario %s (%s): validated; nothing is started%n", s.name(), run.scenarioFile());
        out.printf(Locale.ROOT, "plan: %d platform(s) × %d point(s) × %d trial(s) (%d warmup + %d measured) = %d trials%n",
                plan.platforms().size(), SweepService.maxPoints(plan), plan.trialsPerPoint(), s.warmupTrials(), s.trials(),
                plan.totalTrials());
        for (PlatformProfile p : plan.platforms()) {
            List<EngineSettings> points = plan.pointsFor(p);
            out.printf(Locale.ROOT, "  platform %s: %d point(s) × %d trial(s): %s%n", p.name(), points.size(),
                    plan.trialsPerPoint(), points.stream().map(EngineSettings::label).collect(Collectors.joining(", ")));
        }
        Optional<Long> rows = datasetRows(s.dataset());
        out.printf(Locale.ROOT, "dataset: %s at scale %s%s, loaded once per platform%n", s.dataset().name(),
                s.dataset().scale(), rows.map(r -> String.format(Locale.ROOT, ", %,d rows", r)).orElse(""));
        printLimits(plan, out);
        printBaselineTools(plan, out);
        out.println("ETA: " + eta(plan, run, rows));
        out.flush();
    }

    private static void printLimits(SweepPlan plan, PrintWriter out) {
        String mechanism = switch (plan.scenario().backend().type()) {
            case EMBEDDED -> "this host enforces them by " + Confinements.hostMechanism(ConfinementMode.AUTO);
            case DOCKER -> "the Docker engine enforces them through each container's HostConfig (read back after start)";
            case EXTERNAL -> "none can be enforced on external servers";
        };
        out.printf(Locale.ROOT, "limits (backend %s): %s%n", plan.scenario().backend().type().yamlName(), mechanism);
        for (PlatformProfile p : plan.platforms()) {
            if (p.source().hasLimits() || p.target().hasLimits()) {
                out.printf(Locale.ROOT, "  platform %s asks: source %s; target %s%n", p.name(), limits(p.source()), limits(p.target()));
            }
        }
    }

    private static String limits(InstanceProfile i) {
        List<String> parts = new ArrayList<>();
        if (i.cpus() != null) {
            parts.add("cpus=" + i.cpus());
        }
        if (i.cpuset() != null) {
            parts.add("cpuset=" + i.cpuset());
        }
        if (i.memoryBytes() != null) {
            parts.add("memory=" + ByteSizes.format(i.memoryBytes()));
        }
        if (i.readBytesPerSecond() != null) {
            parts.add("read=" + ByteSizes.formatRate(i.readBytesPerSecond()));
        }
        if (i.writeBytesPerSecond() != null) {
            parts.add("write=" + ByteSizes.formatRate(i.writeBytesPerSecond()));
        }
        return parts.isEmpty() ? "none" : String.join(" ", parts);
    }

    private static void printBaselineTools(SweepPlan plan, PrintWriter out) {
        Set<EngineKind> baselines = new LinkedHashSet<>();
        plan.platforms().forEach(p -> plan.pointsFor(p).stream().map(EngineSettings::engine)
                .filter(e -> e != EngineKind.MIGBENCH).forEach(baselines::add));
        if (baselines.isEmpty()) {
            out.println("baseline tools: none in this plan");
            return;
        }
        for (EngineKind kind : baselines) {
            Optional<String> missing = Baselines.of(kind).missingTool();
            out.printf(Locale.ROOT, "baseline tool %s: %s%n", kind.yamlName(),
                    missing.map(m -> "missing (its trials would be skipped): " + m).orElse("available"));
        }
    }

    private static Optional<Long> datasetRows(DatasetSpec dataset) {
        try {
            return Optional.of(DatasetCatalog.byName(dataset.name()).expectedRows(dataset.scale()).values().stream()
                    .mapToLong(Long::longValue).sum());
        } catch (IllegalArgumentException notGenerated) {
            return Optional.empty(); // a user's own database: its size is known only once connected
        }
    }

    private static String eta(SweepPlan plan, RunSpec run, Optional<Long> rows) {
        Optional<PreviousRun> previous = PreviousRun.latest(run.outDir(), plan.scenario().name());
        if (previous.isPresent()) {
            PreviousRun p = previous.get();
            return String.format(Locale.ROOT, "about %s (%d trials at %.1f s each, as in the previous run %s), plus loading "
                    + "the dataset on each platform", Durations.format(seconds(plan.totalTrials() * p.secondsPerTrial())),
                    plan.totalTrials(), p.secondsPerTrial(), p.runDir());
        }
        if (rows.isEmpty()) {
            return "unknown (no previous run of this scenario under " + run.outDir()
                    + ", and the dataset's size is known only once connected)";
        }
        double perTrial = rows.get() / DEFAULT_COPY_ROWS_PER_SECOND + DEFAULT_TRIAL_OVERHEAD_SECONDS;
        double load = plan.platforms().size() * rows.get() / DEFAULT_LOAD_ROWS_PER_SECOND;
        return String.format(Locale.ROOT, "about %s (%d trials at ~%.1f s each and %.0f s of loading, assuming %,.0f rows/s "
                        + "copied and %,.0f rows/s generated; no previous run of this scenario under %s)",
                Durations.format(seconds(plan.totalTrials() * perTrial + load)), plan.totalTrials(), perTrial, load,
                DEFAULT_COPY_ROWS_PER_SECOND, DEFAULT_LOAD_ROWS_PER_SECOND, run.outDir());
    }

    private static Duration seconds(double s) {
        return Duration.ofSeconds(Math.max(1, Math.round(s)));
    }
}

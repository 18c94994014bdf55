package io.migbench.harness.service;

import io.migbench.engine.ConfigurationException;
import io.migbench.harness.report.RunSummary;
import io.migbench.harness.report.RunSummary.PlatformSummary;
import io.migbench.harness.report.RunSummary.Throughput;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * A throughput gate over a run's results, the assertion that turns a benchmark into a CI check: the median rows/s
 * of a named platform's best configuration (the one REPORT.md and summary.json name) must reach a minimum. The
 * median decides; the message gives the interval too, and says whether the whole interval misses the minimum or
 * the minimum lies inside it (then more trials could tell).
 */
public record ThroughputAssertion(String platform, double minRowsPerSecond) {

    public ThroughputAssertion {
        if (platform == null || platform.isBlank()) {
            throw new ConfigurationException("platform", "assertion: name the platform profile it checks");
        }
        if (!(minRowsPerSecond > 0)) {
            throw new ConfigurationException("minRowsPerSecond", "assertion for platform " + platform
                    + ": minRowsPerSecond must be positive, got " + minRowsPerSecond);
        }
    }

    /** Whether the assertion held, and the figures it was decided on. */
    public record Outcome(boolean holds, String message) {}

    /** Each assertion checked against the run folder's trials, in order. */
    public static List<Outcome> check(Path runDir, List<ThroughputAssertion> assertions) throws IOException {
        if (assertions.isEmpty()) {
            return List.of();
        }
        RunSummary summary = ReportService.summary(runDir);
        return assertions.stream().flatMap(a -> a.check(summary).stream()).toList();
    }

    /** One outcome per host the platform ran on; one failed outcome when it did not run at all. */
    public List<Outcome> check(RunSummary summary) {
        List<PlatformSummary> runs = summary.platforms().stream().filter(p -> p.platform().equals(platform)).toList();
        if (runs.isEmpty()) {
            List<String> measured = summary.platforms().stream().map(PlatformSummary::platform).distinct().toList();
            return List.of(new Outcome(false, "platform " + platform + ": no trials in this run (platforms measured: "
                    + measured + ")"));
        }
        return runs.stream().map(this::check).toList();
    }

    private Outcome check(PlatformSummary p) {
        String name = "platform " + p.platform() + " on " + p.host();
        Throughput t = p.bestRowsPerSecond();
        if (t == null) {
            return new Outcome(false, String.format(Locale.ROOT, "%s: no successful measured trial, so the minimum of "
                    + "%,.0f rows/s cannot hold", name, minRowsPerSecond));
        }
        boolean holds = t.median() >= minRowsPerSecond;
        String figures = String.format(Locale.ROOT, "%s: median %,.0f rows/s of the best configuration (%s, n=%d, %s)",
                name, t.median(), p.best(), t.n(), interval(t));
        if (holds) {
            return new Outcome(true, String.format(Locale.ROOT, "%s; at least %,.0f rows/s required", figures,
                    minRowsPerSecond));
        }
        String margin = t.ciHigh() == null ? "" : t.ciHigh() < minRowsPerSecond ? "; the whole interval is below it"
                : "; the minimum lies inside the interval, so more trials could tell";
        return new Outcome(false, String.format(Locale.ROOT, "%s is below the required minimum of %,.0f rows/s%s",
                figures, minRowsPerSecond, margin));
    }

    private static String interval(Throughput t) {
        if (t.ciLow() == null) {
            return "no interval: a single trial";
        }
        return String.format(Locale.ROOT, "interval of the median %,.0f–%,.0f, %.0f%% confidence", t.ciLow(),
                t.ciHigh(), Math.floor(t.coverage() * 100));
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "platform %s: at least %,.0f rows/s", platform, minRowsPerSecond);
    }
}

package io.migbench.harness.service;

import io.migbench.engine.ConfigurationException;
import io.migbench.harness.results.ResultsReader;
import io.migbench.harness.results.TrialResult;
import io.migbench.harness.stats.ConfigurationStats;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A throughput gate over a run's results, the assertion that turns a benchmark into a CI check: the best median
 * rows/s of a named platform must reach a minimum.
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

    /** Why each assertion that does not hold over the run folder's trials fails; empty when all hold. */
    public static List<String> violations(Path runDir, List<ThroughputAssertion> assertions) throws IOException {
        if (assertions.isEmpty()) {
            return List.of();
        }
        List<TrialResult> results = ResultsReader.read(runDir);
        return assertions.stream().map(a -> a.violation(results)).flatMap(Optional::stream).toList();
    }

    /** Empty when the assertion holds; else why not, naming the platform and the figures. */
    public Optional<String> violation(List<TrialResult> results) {
        List<ConfigurationStats> configs = ConfigurationStats.group(results).stream()
                .filter(s -> s.trials().get(0).trial().platform().equals(platform)).toList();
        if (configs.isEmpty()) {
            List<String> measured = results.stream().map(r -> r.trial().platform()).distinct().toList();
            return Optional.of("platform " + platform + ": no trials in this run (platforms measured: " + measured + ")");
        }
        Optional<ConfigurationStats> best = configs.stream().filter(s -> s.n() > 0).min(ConfigurationStats.FASTEST_FIRST);
        if (best.isEmpty()) {
            return Optional.of(String.format(Locale.ROOT, "platform %s: no successful measured trial, so the minimum of "
                    + "%,.0f rows/s cannot hold", platform, minRowsPerSecond));
        }
        ConfigurationStats s = best.get();
        if (s.median() >= minRowsPerSecond) {
            return Optional.empty();
        }
        return Optional.of(String.format(Locale.ROOT, "platform %s: best median %,.0f rows/s (%s, n=%d) is below the "
                        + "required minimum of %,.0f rows/s", platform, s.median(), s.key().settingsLabel(), s.n(),
                minRowsPerSecond));
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "platform %s: at least %,.0f rows/s", platform, minRowsPerSecond);
    }
}

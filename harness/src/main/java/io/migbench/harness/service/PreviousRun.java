package io.migbench.harness.service;

import io.migbench.harness.results.ResultsReader;
import io.migbench.harness.results.TrialRecord;
import io.migbench.harness.results.TrialResult;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The newest earlier run of a scenario in a results folder, and how long its trials took from start to start
 * (copy, reset, verification and the sweep's own overhead together): the best basis for an ETA on this host.
 */
record PreviousRun(Path runDir, Instant started, double secondsPerTrial) {

    static Optional<PreviousRun> latest(Path resultsDir, String scenario) {
        if (!Files.isDirectory(resultsDir)) {
            return Optional.empty();
        }
        try (Stream<Path> dirs = Files.list(resultsDir)) {
            return dirs.filter(d -> Files.isRegularFile(d.resolve("trials.csv")))
                    .flatMap(d -> of(d, scenario).stream())
                    .max(Comparator.comparing(PreviousRun::started));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + resultsDir, e);
        }
    }

    private static Optional<PreviousRun> of(Path runDir, String scenario) {
        List<TrialRecord> trials;
        try {
            trials = ResultsReader.read(runDir).stream().map(TrialResult::trial)
                    .filter(t -> scenario.equals(t.scenario()) && t.timestamp() != null && t.totalSeconds() != null)
                    .sorted(Comparator.comparing(TrialRecord::timestamp)).toList();
        } catch (IOException | RuntimeException unreadable) {
            return Optional.empty(); // a folder another tool wrote, or an older format: no basis for an estimate
        }
        if (trials.isEmpty()) {
            return Optional.empty();
        }
        TrialRecord first = trials.get(0);
        TrialRecord last = trials.get(trials.size() - 1);
        double span = Duration.between(first.timestamp(), last.timestamp()).toMillis() / 1000.0 + last.totalSeconds();
        return Optional.of(new PreviousRun(runDir, first.timestamp(), span / trials.size()));
    }
}

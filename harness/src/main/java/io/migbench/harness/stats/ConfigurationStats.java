package io.migbench.harness.stats;

import io.migbench.harness.results.TrialRecord;
import io.migbench.harness.results.TrialResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The trials of one configuration and the statistics of their throughput. Only measured trials (status ok,
 * not warmup) count; warmups and failures are kept for the report to show, never averaged.
 *
 * @param key        the configuration
 * @param trials     every trial of the configuration, in file order
 * @param throughput rows/s statistics of the measured trials; empty when none completed
 */
public record ConfigurationStats(ConfigurationKey key, List<TrialResult> trials, Optional<Summary> throughput) {

    public ConfigurationStats {
        trials = List.copyOf(trials);
        if (trials.isEmpty()) {
            throw new IllegalArgumentException("configuration " + key + " has no trials");
        }
    }

    /** One entry per configuration, in order of first appearance. */
    public static List<ConfigurationStats> group(List<TrialResult> results) {
        Map<ConfigurationKey, List<TrialResult>> byKey = new LinkedHashMap<>();
        for (TrialResult r : results) {
            byKey.computeIfAbsent(ConfigurationKey.of(r), k -> new ArrayList<>()).add(r);
        }
        List<ConfigurationStats> out = new ArrayList<>();
        byKey.forEach((key, trials) -> out.add(new ConfigurationStats(key, trials,
                summarize(trials, TrialRecord::rowsPerSecond))));
        return out;
    }

    /** Statistics of any per-trial measurement over the measured trials that have it. */
    public static Optional<Summary> summarize(List<TrialResult> trials, Function<TrialRecord, Double> metric) {
        double[] values = trials.stream().map(TrialResult::trial).filter(TrialRecord::isMeasured)
                .map(metric).filter(v -> v != null).mapToDouble(Double::doubleValue).toArray();
        return values.length == 0 ? Optional.empty() : Optional.of(Summary.of(values));
    }

    public Optional<Summary> summarize(Function<TrialRecord, Double> metric) {
        return summarize(trials, metric);
    }

    /** The measured trials, the ones the statistics describe. */
    public List<TrialResult> measured() {
        return trials.stream().filter(r -> r.trial().isMeasured()).toList();
    }

    public List<TrialResult> failed() {
        return trials.stream().filter(r -> !r.trial().isOk()).toList();
    }

    public long warmups() {
        return trials.stream().filter(r -> r.trial().warmup()).count();
    }

    /** The trial whose settings and environment stand for the configuration: the last measured one, else the last. */
    public TrialRecord representative() {
        List<TrialResult> m = measured();
        return (m.isEmpty() ? trials : m).get((m.isEmpty() ? trials : m).size() - 1).trial();
    }

    public int n() {
        return throughput.map(Summary::n).orElse(0);
    }

    /** Median rows/s, or 0 when no trial completed (such a configuration can never be "best"). */
    public double median() {
        return throughput.map(Summary::median).orElse(0.0);
    }

    public double min() {
        return throughput.map(Summary::min).orElse(Double.NaN);
    }

    public double max() {
        return throughput.map(Summary::max).orElse(Double.NaN);
    }

    public double ciLow() {
        return throughput.map(Summary::ciLow).orElse(Double.NaN);
    }

    public double ciHigh() {
        return throughput.map(Summary::ciHigh).orElse(Double.NaN);
    }

    public boolean isNoisy() {
        return throughput.map(Summary::isNoisy).orElse(false);
    }

    /** Orders configurations by median throughput, highest first. */
    public static final Comparator<ConfigurationStats> FASTEST_FIRST =
            Comparator.comparingDouble(ConfigurationStats::median).reversed();

    /** The one with the higher median, the first on a tie: the merge function for "fastest per key" maps. */
    public static ConfigurationStats faster(ConfigurationStats a, ConfigurationStats b) {
        return a.median() >= b.median() ? a : b;
    }
}

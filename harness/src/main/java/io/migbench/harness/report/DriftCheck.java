package io.migbench.harness.report;

import io.migbench.harness.results.TrialRecord;
import io.migbench.harness.results.TrialResult;
import io.migbench.harness.stats.ConfigurationStats;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Did a configuration's throughput drift during the run? Its first-round against its last-round trial, flagged
 * when the change exceeds the configuration's spread (twice the median absolute deviation of its trials, a robust
 * "typical scatter"). Interleaved rounds spread drift over every point; a flag says the machine changed under the
 * measurement (thermal throttling, a neighbour's load, a growing cache).
 */
final class DriftCheck {
    record Row(String platform, String source, String settings, String first, String last, String drift, String spread, String flag) {}

    private DriftCheck() {}

    /** One row per configuration with at least two measured trials, ordered as they ran (by round, else trial). */
    static Optional<Row> of(PlatformAnalysis p, ConfigurationStats c) {
        List<TrialRecord> trials = c.measured().stream().map(TrialResult::trial)
                .sorted(Comparator.comparing((TrialRecord t) -> t.round() == null ? t.trial() : t.round())).toList();
        if (trials.size() < 2) {
            return Optional.empty();
        }
        double first = trials.get(0).rowsPerSecond();
        double last = trials.get(trials.size() - 1).rowsPerSecond();
        double spread = 2 * medianAbsoluteDeviation(trials.stream().mapToDouble(TrialRecord::rowsPerSecond).toArray());
        double drift = last - first;
        return Optional.of(new Row(Format.cell(p.shortLabel()), c.key().sourceEngine(), Format.cell(Findings.configuration(c)), Format.rate(first), Format.rate(last),
                signedPercent(drift / first), Format.percent(spread / c.median()),
                Math.abs(drift) > spread ? "**drift exceeds spread**" : ""));
    }

    static boolean flagged(Row r) {
        return !r.flag().isEmpty();
    }

    static double medianAbsoluteDeviation(double[] values) {
        double median = median(values);
        return median(Arrays.stream(values).map(v -> Math.abs(v - median)).toArray());
    }

    private static double median(double[] values) {
        double[] s = values.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }

    private static String signedPercent(double fraction) {
        return (fraction >= 0 ? "+" : "") + Format.percent(fraction);
    }
}

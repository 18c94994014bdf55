package io.migbench.harness.bench;

import io.migbench.harness.stats.Summary;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Seconds measured per variant, one value per round in round order (so values of two variants with the same index
 * ran side by side), printed in the order the variants first ran: medians, the 95 % interval of the mean, spreads.
 */
final class Samples {
    private final Map<String, List<Double>> seconds = new LinkedHashMap<>();

    void add(String variant, double value) {
        seconds.computeIfAbsent(variant, k -> new ArrayList<>()).add(value);
    }

    Optional<Summary> summary(String variant) {
        List<Double> v = seconds.get(variant);
        return v == null || v.isEmpty() ? Optional.empty()
                : Optional.of(Summary.of(v.stream().mapToDouble(Double::doubleValue).toArray()));
    }

    Optional<Double> median(String variant) {
        return summary(variant).map(Summary::median);
    }

    /** The variant with the lowest median among those whose whole name matches {@code regex}. */
    Optional<String> fastest(String regex) {
        return seconds.keySet().stream().filter(k -> k.matches(regex))
                .min((a, b) -> Double.compare(median(a).orElseThrow(), median(b).orElseThrow()));
    }

    /** {@code reference / variant} per round: the paired ratios of runs made side by side. */
    List<Double> roundRatios(String reference, String variant) {
        List<Double> r = seconds.get(reference);
        List<Double> v = seconds.get(variant);
        List<Double> out = new ArrayList<>();
        for (int i = 0; i < Math.min(r.size(), v.size()); i++) {
            out.add(r.get(i) / v.get(i));
        }
        return out;
    }

    void print(PrintStream out, long rows) {
        out.printf(Locale.ROOT, "%-48s %3s %8s %17s %7s %7s %11s  %s%n", "variant", "n", "median s", "95% CI of mean",
                "min s", "max s", "rows/s", "all runs (s)");
        for (var e : seconds.entrySet()) {
            Summary s = summary(e.getKey()).orElseThrow();
            // indented lines are parts of the variant above: no throughput of their own
            String rowsPerSecond = e.getKey().startsWith(" ") ? "" : String.format(Locale.ROOT, "%,.0f", rows / s.median());
            String interval = s.hasInterval() ? String.format(Locale.ROOT, "%.2f-%.2f%s", s.ciLow(), s.ciHigh(),
                    s.isNoisy() ? " !" : "") : "";
            out.printf(Locale.ROOT, "%-48s %3d %8.2f %17s %7.2f %7.2f %11s  %s%n", e.getKey(), s.n(), s.median(),
                    interval, s.min(), s.max(), rowsPerSecond,
                    e.getValue().stream().map(x -> String.format(Locale.ROOT, "%.2f", x)).toList());
        }
        out.printf(Locale.ROOT, "(! marks an interval wider than +-%.0f %% of the mean: noisy)%n",
                Summary.NOISE_THRESHOLD * 100);
    }
}

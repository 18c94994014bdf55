package io.migbench.harness.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Seconds measured per variant, in the order the variants first ran; medians and spreads. */
final class Samples {
    private final Map<String, List<Double>> seconds = new LinkedHashMap<>();

    void add(String variant, double value) {
        seconds.computeIfAbsent(variant, k -> new ArrayList<>()).add(value);
    }

    Optional<Double> median(String variant) {
        List<Double> v = seconds.get(variant);
        if (v == null || v.isEmpty()) {
            return Optional.empty();
        }
        double[] s = v.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return Optional.of(s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2);
    }

    /** The variant with the lowest median among those whose whole name matches {@code regex}. */
    Optional<String> fastest(String regex) {
        return seconds.keySet().stream().filter(k -> k.matches(regex))
                .min((a, b) -> Double.compare(median(a).orElseThrow(), median(b).orElseThrow()));
    }

    void print(PrintStream out, long rows) {
        out.printf(Locale.ROOT, "%-52s %3s %8s %8s %8s %12s  %s%n", "variant", "n", "median s", "min s", "max s",
                "rows/s", "all runs (s)");
        for (var e : seconds.entrySet()) {
            double[] v = e.getValue().stream().mapToDouble(Double::doubleValue).toArray();
            double m = median(e.getKey()).orElseThrow();
            // indented lines are parts of the variant above: no throughput of their own
            String rowsPerSecond = e.getKey().startsWith(" ") ? "" : String.format(Locale.ROOT, "%,.0f", rows / m);
            out.printf(Locale.ROOT, "%-52s %3d %8.2f %8.2f %8.2f %12s  %s%n", e.getKey(), v.length, m,
                    Arrays.stream(v).min().orElseThrow(), Arrays.stream(v).max().orElseThrow(), rowsPerSecond,
                    e.getValue().stream().map(x -> String.format(Locale.ROOT, "%.2f", x)).toList());
        }
    }
}

package io.migbench.harness.service;

import io.migbench.harness.report.RunSummary;
import io.migbench.harness.report.RunSummary.Configuration;
import io.migbench.harness.report.RunSummary.PlatformSummary;
import io.migbench.harness.report.RunSummary.Throughput;

import java.io.PrintWriter;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The end-of-sweep screen: the best configuration per platform, as summary.json has it. */
final class BestSettings {
    private BestSettings() {}

    /**
     * One screen: per platform the best configuration (the highest median of migbench's own), its interval of the
     * median, and whether the data tells it apart from the rest; when it does not, the tied set is named.
     */
    static void print(PrintWriter out, RunSummary summary) {
        List<PlatformSummary> measured = summary.platforms().stream().filter(p -> p.best() != null).toList();
        out.println();
        out.printf(Locale.ROOT, "%-34s %-28s %14s %25s %3s  %s%n", "platform", "best configuration", "median rows/s",
                "interval of the median", "n", "durability");
        for (PlatformSummary p : measured) {
            Throughput t = p.bestRowsPerSecond();
            String ci = t.ciLow() != null ? String.format(Locale.ROOT, "%,.0f – %,.0f", t.ciLow(), t.ciHigh()) : "n=1, none";
            out.printf(Locale.ROOT, "%-34s %-28s %,14.0f %25s %3d  %s%n", p.key(), p.best(), t.median(), ci, t.n(),
                    p.durability());
            if (p.ranking() != null) {
                out.println("  " + p.ranking());
            }
            printSources(out, p);
            if (t.n() < 3) {
                out.println("  warning: fewer than 3 measured trials; the interval says little");
            }
        }
        if (measured.isEmpty()) {
            out.println("(no successful measured trial)");
        }
        out.flush();
    }

    /**
     * With a {@code compare_with} source, migbench's best configuration from each source engine and its ratio to the
     * fastest source's (the report's source comparison, on one line each).
     */
    private static void printSources(PrintWriter out, PlatformSummary p) {
        Map<String, Configuration> bestPerSource = new LinkedHashMap<>();
        p.configurations().stream().filter(c -> "migbench".equals(c.engine()) && c.rowsPerSecond() != null)
                .forEach(c -> bestPerSource.merge(c.sourceEngine(), c,
                        (a, b) -> b.rowsPerSecond().median() > a.rowsPerSecond().median() ? b : a));
        if (bestPerSource.size() < 2) {
            return;
        }
        double top = bestPerSource.values().stream().mapToDouble(c -> c.rowsPerSecond().median()).max().orElseThrow();
        bestPerSource.values().stream()
                .sorted(Comparator.comparingDouble((Configuration c) -> c.rowsPerSecond().median()).reversed())
                .forEach(c -> out.printf(Locale.ROOT, "  %s source: %s, median %,.0f rows/s (%.2fx the fastest source)%n",
                        c.sourceEngine(), c.name(), c.rowsPerSecond().median(), c.rowsPerSecond().median() / top));
    }
}

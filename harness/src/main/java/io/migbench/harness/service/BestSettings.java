package io.migbench.harness.service;

import io.migbench.harness.report.RunSummary;
import io.migbench.harness.report.RunSummary.PlatformSummary;
import io.migbench.harness.report.RunSummary.Source;
import io.migbench.harness.report.RunSummary.Throughput;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/**
 * The end-of-sweep screen: the best configuration per platform, as summary.json has it, and with a
 * {@code compare_with} source each source engine's best.
 */
final class BestSettings {
    private BestSettings() {}

    /**
     * One screen: per platform the best configuration (the highest median of migbench's own), its interval of the
     * median, and whether the data tells it apart from the rest; when it does not, the tied set is named. Several
     * source engines on a platform add one line each: migbench's best from it and its ratio to the fastest source's.
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
            p.sources().forEach(s -> out.println("  " + source(s)));
            if (t.n() < 3) {
                out.println("  warning: fewer than 3 measured trials; the interval says little");
            }
        }
        if (measured.isEmpty()) {
            out.println("(no successful measured trial)");
        }
        out.flush();
    }

    /** A source engine's line, worded as the report's "Source engines compared" row. */
    private static String source(Source s) {
        String apart = s.distinguishableFromFastest() == null ? ""
                : s.distinguishableFromFastest() ? " (distinguishable)" : " (not distinguishable)";
        return String.format(Locale.ROOT, "%s source: %s, median %,.0f rows/s, %.2f× of the fastest source%s",
                s.sourceEngine(), s.best(), s.rowsPerSecond().median(), s.ratioToFastest(), apart);
    }
}

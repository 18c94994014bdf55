package io.migbench.harness.service;

import io.migbench.harness.results.TrialResult;
import io.migbench.harness.stats.ConfigurationStats;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** The end-of-sweep screen: the fastest configuration per platform with its median throughput and spread. */
final class BestSettings {
    private BestSettings() {}

    /** The fastest configuration of each platform (by platform key), from the measured trials. */
    static Map<String, ConfigurationStats> byPlatform(List<TrialResult> results) {
        Map<String, ConfigurationStats> best = new TreeMap<>();
        for (ConfigurationStats s : ConfigurationStats.group(results)) {
            if (s.n() > 0) {
                best.merge(s.key().platformKey(), s, (a, b) -> ConfigurationStats.FASTEST_FIRST.compare(a, b) <= 0 ? a : b);
            }
        }
        return best;
    }

    static void print(PrintWriter out, List<TrialResult> results) {
        Map<String, ConfigurationStats> best = byPlatform(results);
        out.println();
        out.printf(Locale.ROOT, "%-34s %-28s %14s %25s %3s%n", "platform", "best setting", "median rows/s", "95% CI", "n");
        for (ConfigurationStats s : best.values()) {
            String ci = s.n() > 1 ? String.format(Locale.ROOT, "%,.0f – %,.0f", s.ciLow(), s.ciHigh()) : "n=1, no CI";
            out.printf(Locale.ROOT, "%-34s %-28s %,14.0f %25s %3d%n", s.key().platformKey(), s.key().settingsLabel(),
                    s.median(), ci, s.n());
        }
        if (best.isEmpty()) {
            out.println("(no successful measured trial)");
        }
        out.flush();
    }
}

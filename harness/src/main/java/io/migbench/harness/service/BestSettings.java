package io.migbench.harness.service;

import io.migbench.harness.results.TrialResult;
import io.migbench.harness.stats.ConfigurationStats;
import io.migbench.harness.stats.Ranking;
import io.migbench.harness.stats.Summary;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** The end-of-sweep screen: the fastest configuration per platform with its median throughput and spread. */
final class BestSettings {
    private BestSettings() {}

    /**
     * One screen: per platform the configuration with the highest median, its interval of the median, and whether
     * the data tells it apart from the rest; when it does not, the tied set is named.
     */
    static void print(PrintWriter out, List<TrialResult> results) {
        Map<String, List<ConfigurationStats>> byPlatform = new TreeMap<>();
        List<ConfigurationStats> all = ConfigurationStats.group(results);
        // a compare_with sweep has two sources per platform: each is ranked on its own
        boolean sources = all.stream().map(c -> c.key().sourceEngine()).distinct().count() > 1;
        for (ConfigurationStats s : all) {
            if (s.n() > 0) {
                String key = s.key().platformKey() + (sources ? " from " + s.key().sourceEngine() : "");
                byPlatform.computeIfAbsent(key, k -> new ArrayList<>()).add(s);
            }
        }
        out.println();
        out.printf(Locale.ROOT, "%-34s %-28s %14s %25s %3s  %s%n", "platform", "fastest median", "median rows/s",
                "interval of the median", "n", "durability");
        byPlatform.forEach((platform, configs) -> {
            Ranking<ConfigurationStats> r = Ranking.of(configs, c -> c.throughput().orElseThrow());
            ConfigurationStats s = r.fastest();
            Summary t = s.throughput().orElseThrow();
            String ci = t.hasInterval() ? String.format(Locale.ROOT, "%,.0f – %,.0f", t.ciLow(), t.ciHigh()) : "n=1, none";
            out.printf(Locale.ROOT, "%-34s %-28s %,14.0f %25s %3d  %s%n", platform, s.key().settingsLabel(),
                    s.median(), ci, s.n(), s.representative().durability());
            if (r.ranked().size() > 1) {
                out.println("  " + (r.distinguishable() ? "distinguishable from every other configuration"
                        : r.tieSentence(group -> Ranking.join(group.stream().map(c -> c.key().settingsLabel()).toList()))));
            }
            if (s.n() < 3) {
                out.println("  warning: fewer than 3 measured trials; the interval says little");
            }
        });
        if (byPlatform.isEmpty()) {
            out.println("(no successful measured trial)");
        }
        out.flush();
    }
}

package io.migbench.harness.report;

import io.migbench.harness.model.EngineKind;
import io.migbench.harness.results.TrialRecord;
import io.migbench.harness.results.TrialResult;
import io.migbench.harness.stats.ConfigurationStats;
import io.migbench.harness.stats.Ranking;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Everything measured on one platform (a profile on a host) and the conclusions drawn from it: the best
 * configuration, the baseline, and the best throughput reached at each task count, all of the primary source
 * engine (the comparisons across sources and engines read every configuration).
 *
 * @param key            host + "/" + profile, unique across merged runs
 * @param label          readable name for tables, e.g. "small @ laptop (native, 8 cores)"
 * @param shortLabel     compact name for chart legends, e.g. "small@laptop"
 * @param facts          a trial standing for the platform's environment (the best configuration's, if any)
 * @param configurations every configuration measured on the platform, in first-seen order
 */
public record PlatformAnalysis(String key, String label, String shortLabel, TrialRecord facts,
                               List<ConfigurationStats> configurations) {

    /** Groups trials by platform; platforms ordered by label so reports are stable. */
    public static List<PlatformAnalysis> of(List<TrialResult> results) {
        Map<String, List<TrialResult>> byPlatform = new LinkedHashMap<>();
        for (TrialResult r : results) {
            byPlatform.computeIfAbsent(r.trial().platformKey(), k -> new ArrayList<>()).add(r);
        }
        List<PlatformAnalysis> out = new ArrayList<>();
        byPlatform.forEach((key, trials) -> {
            List<ConfigurationStats> configs = ConfigurationStats.group(trials);
            TrialRecord facts = ranking(configs, primarySource(configs)).map(r -> r.fastest().representative())
                    .orElse(trials.get(trials.size() - 1).trial());
            out.add(new PlatformAnalysis(key, label(facts), facts.platform() + "@" + facts.host().hostName(),
                    facts, configs));
        });
        out.sort(Comparator.comparing(PlatformAnalysis::label));
        return out;
    }

    private static String label(TrialRecord t) {
        return t.platform() + " @ " + t.host().hostName() + " (" + t.host().virtualization().code() + ", "
                + t.host().logicalCores() + " cores)";
    }

    /**
     * The configuration with the highest median throughput from the {@link #primarySource()}: migbench's own if it
     * completed any, else any engine's.
     */
    public Optional<ConfigurationStats> best() {
        return ranking().map(Ranking::fastest);
    }

    /**
     * The configurations {@link #best()} is chosen from, ranked with their tie set: those of the
     * {@link #primarySource()}, migbench's own with a completed trial, else any engine's; empty when no trial completed.
     */
    public Optional<Ranking<ConfigurationStats>> ranking() {
        return ranking(configurations, primarySource());
    }

    /**
     * The source engine the platform's findings speak of: the baseline's (a {@code compare_with} source has no
     * baseline and only feeds the source comparison), else the first one measured.
     */
    public String primarySource() {
        return primarySource(configurations);
    }

    /** The configurations of the {@link #primarySource()} (of its primary share, see {@link #inScope}). */
    public List<ConfigurationStats> primaryConfigurations() {
        String source = primarySource();
        return configurations.stream().filter(c -> inScope(configurations, c, source)).toList();
    }

    /**
     * Whether {@code c} is of {@code source} and of the part of it the findings speak of: the whole source when any
     * configuration copied all of it, else the sample (a compared sample run feeds the projection, not the ranking).
     */
    private static boolean inScope(List<ConfigurationStats> configs, ConfigurationStats c, String source) {
        if (!c.key().sourceEngine().equals(source)) {
            return false;
        }
        boolean anyWhole = configs.stream().anyMatch(o -> o.key().sourceEngine().equals(source) && o.key().copied().isEmpty());
        return anyWhole ? c.key().copied().isEmpty()
                : configs.stream().filter(o -> o.key().sourceEngine().equals(source)).findFirst()
                        .map(o -> o.key().copied().equals(c.key().copied())).orElse(false);
    }

    private static String primarySource(List<ConfigurationStats> configs) {
        return configs.stream().filter(c -> c.representative().baseline()).findFirst()
                .or(() -> configs.stream().findFirst()).map(c -> c.key().sourceEngine()).orElse("");
    }

    private static Optional<Ranking<ConfigurationStats>> ranking(List<ConfigurationStats> configs, String source) {
        List<ConfigurationStats> measured = configs.stream()
                .filter(c -> c.n() > 0 && inScope(configs, c, source)).toList();
        List<ConfigurationStats> own = measured.stream().filter(c -> c.key().engine() == EngineKind.MIGBENCH).toList();
        List<ConfigurationStats> candidates = own.isEmpty() ? measured : own;
        return candidates.isEmpty() ? Optional.empty()
                : Optional.of(Ranking.of(candidates, c -> c.throughput().orElseThrow()));
    }

    /** The scenario's baseline configuration (trials flagged is_baseline), if it was run here. */
    public Optional<ConfigurationStats> baseline() {
        String source = primarySource();
        return configurations.stream().filter(c -> c.representative().baseline() && inScope(configurations, c, source))
                .findFirst();
    }

    /**
     * For each task count, migbench's fastest configuration with that many tasks (other settings may vary):
     * the curve of throughput against parallelism, in ascending task order.
     */
    public List<ConfigurationStats> bestPerTaskCount() {
        Map<Integer, ConfigurationStats> byTasks = new TreeMap<>();
        String source = primarySource();
        configurations.stream()
                .filter(c -> c.key().engine() == EngineKind.MIGBENCH && c.n() > 0 && inScope(configurations, c, source))
                .forEach(c -> byTasks.merge(c.representative().tasks(), c,
                        ConfigurationStats::faster));
        return List.copyOf(byTasks.values());
    }

    /** The source engines measured on the platform, in first-seen order (two with {@code compare_with}). */
    public List<String> sourceEngines() {
        return configurations.stream().map(c -> c.key().sourceEngine()).distinct().toList();
    }

    /**
     * Each copy engine's fastest configuration from the {@link #primarySource()}, in enum order (a
     * {@code compare_with} source's trials, of another source engine, would otherwise win or lose the comparison).
     */
    Map<EngineKind, ConfigurationStats> bestPerEngine() {
        return bestPerEngine(primarySource());
    }

    /**
     * migbench's fastest configuration from each source engine that completed a trial with it, in first-seen order,
     * each against the fastest of them: the comparison of source engines.
     */
    List<SourceBest> bestPerSource() {
        Map<String, ConfigurationStats> best = new LinkedHashMap<>();
        sourceEngines().forEach(source -> Optional.ofNullable(bestPerEngine(source).get(EngineKind.MIGBENCH))
                .ifPresent(c -> best.put(source, c)));
        Optional<ConfigurationStats> fastest = best.values().stream().min(ConfigurationStats.FASTEST_FIRST);
        return best.entrySet().stream()
                .map(e -> new SourceBest(e.getKey(), e.getValue(), fastest.orElseThrow())).toList();
    }

    /** Each copy engine's fastest configuration from {@code source}, in enum order; empty when none completed a trial. */
    Map<EngineKind, ConfigurationStats> bestPerEngine(String source) {
        Map<EngineKind, ConfigurationStats> out = new EnumMap<>(EngineKind.class);
        configurations.stream().filter(c -> c.n() > 0 && inScope(configurations, c, source))
                .forEach(c -> out.merge(c.key().engine(), c, ConfigurationStats::faster));
        return out;
    }

    public List<TrialResult> trials() {
        return configurations.stream().flatMap(c -> c.trials().stream()).toList();
    }
}

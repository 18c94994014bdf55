package io.migbench.harness.report;

import io.migbench.harness.model.EngineKind;
import io.migbench.harness.results.TrialRecord;
import io.migbench.harness.results.TrialResult;
import io.migbench.harness.stats.ConfigurationStats;
import io.migbench.harness.stats.Ranking;
import io.migbench.harness.stats.Summary;
import io.migbench.harness.tune.PlatformRecommendation;
import io.migbench.harness.tune.PointSummary;
import io.migbench.harness.tune.Provenance;
import io.migbench.harness.tune.TunedSettingsFile;
import io.migbench.harness.results.TargetSettings;
import io.migbench.harness.tune.TuningPoint;
import io.migbench.harness.tune.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The report's recommended settings as a complete tuned.yaml per host (the file {@code --settings} reads): each
 * platform's best migbench configuration with the target server settings it ran with, and the verdict of the
 * tie-aware ranking as provenance.
 */
final class Recommendations {
    private Recommendations() {}

    /** Host name → tuned.yaml text; a host without a completed migbench configuration is left out. */
    static Map<String, String> yamlByHost(List<PlatformAnalysis> platforms) {
        Map<String, List<PlatformRecommendation>> byHost = new LinkedHashMap<>();
        for (PlatformAnalysis p : platforms) {
            of(p).ifPresent(r -> byHost.computeIfAbsent(p.facts().host().hostName(),
                    h -> new ArrayList<>()).add(r));
        }
        Map<String, String> out = new LinkedHashMap<>();
        byHost.forEach((host, list) -> out.put(host, TunedSettingsFile.toYaml(list)));
        return out;
    }

    /** The platform's recommendation: its fastest migbench configuration; empty when none completed. */
    static Optional<PlatformRecommendation> of(PlatformAnalysis p) {
        // the best is migbench's own whenever migbench completed a trial; a reference tool is nothing to recommend
        Optional<Ranking<ConfigurationStats>> ranking = p.ranking()
                .filter(r -> r.fastest().key().engine() == EngineKind.MIGBENCH);
        if (ranking.isEmpty()) {
            return Optional.empty();
        }
        Ranking<ConfigurationStats> r = ranking.get();
        ConfigurationStats best = r.fastest();
        Optional<ConfigurationStats> runnerUp = r.ranked().stream().skip(1).findFirst();
        TrialRecord t = best.representative();
        List<TrialRecord> trials = p.trials().stream().map(TrialResult::trial).toList();
        Instant first = trials.stream().map(TrialRecord::timestamp).min(Comparator.naturalOrder()).orElseThrow();
        Instant last = trials.stream().map(TrialRecord::timestamp).max(Comparator.naturalOrder()).orElseThrow();
        Provenance provenance = new Provenance(last, t.host().hostName(), t.scenario().isBlank() ? "–" : t.scenario(),
                verdict(r, runnerUp), point(best), runnerUp.map(Recommendations::point).orElse(null),
                trials.size(), Duration.between(first, last), false);
        return Optional.of(new PlatformRecommendation(t.platform(), new TuningPoint(t.tasks(), t.partitions()),
                t.copyFormat().isBlank() ? null : t.copyFormat(), TargetSettings.parse(t.targetSettings()), provenance));
    }

    /** Distinguishable only when the best's interval clears every other's, not just the runner-up's by median. */
    private static Verdict verdict(Ranking<ConfigurationStats> r, Optional<ConfigurationStats> runnerUp) {
        if (runnerUp.isEmpty() || !Findings.throughput(r.fastest()).hasInterval()
                || !Findings.throughput(runnerUp.get()).hasInterval()) {
            return Verdict.INSUFFICIENT_DATA;
        }
        return r.distinguishable() ? Verdict.DISTINGUISHABLE : Verdict.NOT_DISTINGUISHABLE;
    }

    private static PointSummary point(ConfigurationStats c) {
        Summary s = Findings.throughput(c);
        return new PointSummary(c.key().settingsLabel(), s.median(), s.hasInterval() ? s.ciLow() : null,
                s.hasInterval() ? s.ciHigh() : null, s.n());
    }
}

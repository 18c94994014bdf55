package io.migbench.harness.report;

import io.migbench.harness.db.Durability;
import io.migbench.harness.results.TrialRecord;
import io.migbench.harness.stats.ConfigurationStats;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The key finding in words, the warnings that qualify it, one row per platform, and the main charts. */
final class KeyFindingSection implements ReportSection {
    record PlatformRow(String platform, String optimalTasks, String throughput, String notes) {}

    @Override
    public String template() {
        return "key-finding";
    }

    @Override
    public Map<String, Object> scope(ReportInput in) {
        List<String> warnings = new ArrayList<>(Findings.durabilityWarnings(in.platforms()));
        warnings.addAll(Findings.precisionWarnings(in.all()));
        return new Scope().value("keyFinding", Findings.keyFinding(in.platforms()))
                .list("warnings", warnings)
                .list("platforms", in.platforms().stream().map(KeyFindingSection::platformRow).toList())
                .list("charts", in.charts())
                .map();
    }

    private static PlatformRow platformRow(PlatformAnalysis p) {
        TrialRecord f = p.facts();
        List<String> notes = new ArrayList<>();
        notes.add(f.host().cpuModel() + ", " + Format.memory(f.host().memoryBytes()) + " RAM");
        String durability = Findings.durability(p);
        notes.add(Durability.isNonDurable(durability) ? "**" + durability + "**" : "durability: " + durability);
        notes.add("target limits: " + Format.orNone(f.targetLimitsEnforced()));
        if (!f.targetLimitsRequested().equals(f.targetLimitsEnforced())) {
            notes.add("requested: " + Format.orNone(f.targetLimitsRequested()));
        }
        Optional<ConfigurationStats> best = p.best();
        best.filter(ConfigurationStats::isNoisy).ifPresent(b -> notes.add("**noisy** (interval wider than ±10%)"));
        String optimal = Findings.taskRanking(p).map(r -> r.fastest().representative().tasks() + Findings.tiedNote(r))
                .orElse(best.map(b -> String.valueOf(b.representative().tasks())).orElse("–"));
        return new PlatformRow(Format.cell(p.label()), optimal,
                best.flatMap(ConfigurationStats::throughput).map(Format::rateWithInterval).orElse("no completed trial"),
                Format.cell(String.join("; ", notes)));
    }
}

package io.migbench.harness.report;

import io.migbench.harness.model.EngineKind;
import io.migbench.harness.results.TrialRecord;
import io.migbench.harness.stats.ConfigurationStats;
import io.migbench.harness.stats.Summary;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Baseline against best per platform; and, when the runs hold several, source engines and copy engines side by
 * side (each one's best configuration; copy engines as a ratio of the psql-pipe line), every comparison tie-aware.
 */
final class ComparisonsSection implements ReportSection {
    record BeforeAfterRow(String metric, String before, String after, String change) {}
    record BeforeAfter(String platform, String before, String after, List<BeforeAfterRow> rows) {}
    record ComparisonRow(String platform, String subject, String settings, String rows, String seconds,
                         String throughput, String relative) {}

    @Override
    public String template() {
        return "comparisons";
    }

    @Override
    public Map<String, Object> scope(ReportInput in) {
        return new Scope()
                .list("beforeAfter", in.platforms().stream().map(ComparisonsSection::beforeAfter).flatMap(Optional::stream).toList())
                .list("sourceComparison", sourceComparison(in.platforms()))
                .list("engineComparison", engineComparison(in.platforms()))
                .list("tablesAgainstLimit", TableLimitComparison.of(in.platforms()))
                .map();
    }

    private static Optional<BeforeAfter> beforeAfter(PlatformAnalysis p) {
        Optional<ConfigurationStats> baseline = p.baseline().filter(b -> b.n() > 0);
        Optional<ConfigurationStats> best = p.best();
        if (baseline.isEmpty() || best.isEmpty()) {
            return Optional.empty();
        }
        ConfigurationStats before = baseline.get();
        ConfigurationStats after = best.get();
        List<BeforeAfterRow> rows = new ArrayList<>();
        double d0 = before.summarize(TrialRecord::totalSeconds).map(Summary::median).orElse(Double.NaN);
        double d1 = after.summarize(TrialRecord::totalSeconds).map(Summary::median).orElse(Double.NaN);
        rows.add(new BeforeAfterRow("Duration (median)", Format.seconds(d0), Format.seconds(d1),
                d1 <= d0 ? Format.percent(1 - d1 / d0) + " faster" : Format.percent(d1 / d0 - 1) + " slower"));
        boolean tied = !Findings.distinguishable(before, after);
        rows.add(new BeforeAfterRow("Throughput (median rows/s)", Format.rateWithInterval(Findings.throughput(before)),
                Format.rateWithInterval(Findings.throughput(after)), Format.ratio(after.median() / before.median())
                        + (tied ? ", **not distinguishable** (overlapping intervals)" : ", distinguishable")));
        rows.add(new BeforeAfterRow("Tasks", String.valueOf(before.representative().tasks()),
                String.valueOf(after.representative().tasks()), ""));
        return Optional.of(new BeforeAfter(Format.cell(p.label()), Format.cell(before.key().label()),
                Format.cell(after.key().label()), rows));
    }

    private static List<ComparisonRow> sourceComparison(List<PlatformAnalysis> platforms) {
        boolean several = platforms.stream().flatMap(p -> p.configurations().stream())
                .map(c -> c.key().sourceEngine()).distinct().count() > 1;
        if (!several) {
            return List.of();
        }
        List<ComparisonRow> out = new ArrayList<>();
        for (PlatformAnalysis p : platforms) {
            p.bestPerSource().forEach(s -> out.add(comparisonRow(p, s.sourceEngine(), s.best(),
                    Format.ratio(s.ratioToFastest()) + " of the fastest source" + tieMark(s.best(), s.fastest()))));
        }
        return out;
    }

    /**
     * Per platform and source engine, each engine's best configuration as a ratio of that source's limit line
     * ({@link EngineKind#limitLine()}); a peer engine's row also gives migbench's ratio to it.
     */
    private static List<ComparisonRow> engineComparison(List<PlatformAnalysis> platforms) {
        boolean several = platforms.stream().flatMap(p -> p.configurations().stream())
                .map(c -> c.key().engine()).distinct().count() > 1;
        if (!several) {
            return List.of();
        }
        List<ComparisonRow> out = new ArrayList<>();
        for (PlatformAnalysis p : platforms) {
            Map<String, Map<EngineKind, ConfigurationStats>> bySource = new LinkedHashMap<>();
            p.sourceEngines().forEach(source -> bySource.put(source, p.bestPerEngine(source)));
            bySource.values().removeIf(Map::isEmpty);
            boolean manySources = bySource.size() > 1;
            bySource.forEach((source, best) -> {
                Optional<ConfigurationStats> limit = best.values().stream().filter(c -> c.key().engine().limitLine()).findFirst();
                Optional<ConfigurationStats> migbench = Optional.ofNullable(best.get(EngineKind.MIGBENCH));
                best.forEach((engine, c) -> {
                    String relative = limit.map(l -> Format.ratio(c.median() / l.median()) + " of " + l.key().engine().code()
                            + tieMark(c, l)).orElse("no limit line");
                    if (engine != EngineKind.MIGBENCH && !engine.limitLine() && migbench.isPresent()) {
                        relative += "; migbench " + Format.ratio(migbench.get().median() / c.median()) + " of it"
                                + tieMark(migbench.get(), c);
                    }
                    out.add(comparisonRow(p, engine.code() + (manySources ? " (" + source + " source)" : ""), c, relative));
                });
            });
        }
        return out;
    }

    /** "" for the reference itself, else whether the two intervals tell the configurations apart. */
    private static String tieMark(ConfigurationStats c, ConfigurationStats reference) {
        if (c == reference) {
            return "";
        }
        return Findings.distinguishable(c, reference) ? " (distinguishable)" : " (not distinguishable)";
    }

    private static ComparisonRow comparisonRow(PlatformAnalysis p, String subject, ConfigurationStats c,
                                               String relative) {
        TrialRecord t = c.representative();
        return new ComparisonRow(Format.cell(p.label() + Findings.durabilityTag(p)), subject, Format.cell(c.key().label()),
                Format.count(t.rows()),
                c.summarize(TrialRecord::totalSeconds).map(s -> Format.seconds(s.median())).orElse("–"),
                c.throughput().map(Format::rateWithInterval).orElse("–"), relative);
    }
}

package io.migbench.harness.report;

import io.migbench.harness.results.TrialRecord;
import io.migbench.harness.results.TrialResult;
import io.migbench.harness.stats.ConfigurationStats;
import io.migbench.harness.stats.Summary;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/** How the numbers were made: trial counts and order, the drift check, every configuration, the failed trials. */
final class MethodSection implements ReportSection {
    record ConfigurationRow(String platform, String source, String engine, String settings, String trials,
                            String median, String interval, String spread, String flag) {}
    record FailedRow(String platform, String engine, String settings, String trial, String when, String error) {}

    @Override
    public String template() {
        return "method";
    }

    @Override
    public Map<String, Object> scope(ReportInput in) {
        List<PlatformAnalysis> platforms = in.platforms();
        return new Scope().list("method", method(in.all(), platforms))
                .list("drift", platforms.stream().flatMap(p -> p.configurations().stream()
                        .flatMap(c -> DriftCheck.of(p, c).stream())).toList())
                .list("configurations", platforms.stream().flatMap(p -> p.configurations().stream()
                        .map(c -> configurationRow(p, c))).toList())
                .list("noisy", platforms.stream().flatMap(p -> p.configurations().stream().filter(ConfigurationStats::isNoisy)
                        .map(c -> p.label() + ": " + Findings.configuration(c) + (p.sourceEngines().size() > 1
                                ? " (" + c.key().sourceEngine() + " source)" : ""))).toList())
                .list("failed", in.all().stream().filter(r -> !r.trial().isOk()).map(MethodSection::failedRow).toList())
                .map();
    }

    private static ConfigurationRow configurationRow(PlatformAnalysis p, ConfigurationStats c) {
        Optional<Summary> s = c.throughput();
        return new ConfigurationRow(Format.cell(p.shortLabel()), c.key().sourceEngine(), c.key().engine().code(),
                Format.cell(c.key().label()) + (c.representative().baseline() ? " (baseline)" : ""),
                c.n() + (c.failed().isEmpty() ? "" : " (+" + c.failed().size() + " failed)"),
                s.map(x -> Format.rate(x.median())).orElse("–"),
                s.filter(Summary::hasInterval).map(x -> Format.rate(x.ciLow()) + "–" + Format.rate(x.ciHigh())
                        + " (" + Format.coverage(x) + ")").orElse("n/a"),
                s.map(x -> Format.rate(x.min()) + "–" + Format.rate(x.max())).orElse("–"),
                c.n() == 0 ? "**no completed trial**" : c.isNoisy() ? "**noisy**" : "");
    }

    private static List<Metric> method(List<TrialResult> all, List<PlatformAnalysis> platforms) {
        TreeSet<Long> measuredPerConfig = new TreeSet<>();
        ConfigurationStats.group(all).forEach(c -> measuredPerConfig.add((long) c.n()));
        long warmups = all.stream().filter(r -> r.trial().warmup()).count();
        long failed = all.stream().filter(r -> !r.trial().isOk()).count();
        long drifted = platforms.stream().flatMap(p -> p.configurations().stream()
                .flatMap(c -> DriftCheck.of(p, c).stream())).filter(DriftCheck::flagged).count();
        long checked = platforms.stream().flatMap(p -> p.configurations().stream()
                .flatMap(c -> DriftCheck.of(p, c).stream())).count();
        return List.of(
                new Metric("Trials recorded", String.valueOf(all.size())),
                new Metric("Measured trials per configuration", measuredPerConfig.first().equals(measuredPerConfig.last())
                        ? String.valueOf(measuredPerConfig.first())
                        : measuredPerConfig.first() + " to " + measuredPerConfig.last()),
                new Metric("Warmup trials (recorded, excluded)", String.valueOf(warmups)),
                new Metric("Failed trials (listed, excluded)", String.valueOf(failed)),
                new Metric("Trial order", TrialOrderCheck.describe(all)),
                new Metric("Drift check (first vs last round)", checked == 0 ? "not possible: fewer than 2 trials each"
                        : drifted + " of " + checked + " configurations drifted more than their spread"));
    }

    private static FailedRow failedRow(TrialResult r) {
        TrialRecord t = r.trial();
        return new FailedRow(Format.cell(t.platformKey()), t.engine().code(), Format.cell(t.settingsLabel()),
                String.valueOf(t.trial()), t.timestamp().toString(), Format.cell(t.error()));
    }
}

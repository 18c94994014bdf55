package io.migbench.harness.report;

import io.migbench.harness.model.EngineKind;
import io.migbench.harness.results.TableRecord;
import io.migbench.harness.results.TrialRecord;
import io.migbench.harness.results.TrialResult;
import io.migbench.harness.stats.ConfigurationStats;
import io.migbench.harness.stats.Summary;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The report's content as the templates see it: every value already formatted, every number taken from the
 * trials. Sections that do not apply (no baseline, one source engine, one copy engine, no failures) are
 * empty lists, which Mustache skips.
 */
public final class ReportView {
    public record Metric(String name, String value) {}
    public record Run(String dir, String runIds, String when, String hosts) {}
    public record PlatformRow(String platform, String optimalTasks, String throughput, String notes) {}
    public record PlatformMetrics(String platform, String settings, List<Metric> metrics) {}
    public record TableRow(String table, String rows, String bytes) {}
    public record SourceDatabase(String dataset, List<TableRow> tables, String totalRows, String totalBytes) {}
    public record VerificationRow(String table, String sourceRows, String targetRows, String match, String checksum) {}
    public record Verification(String platform, String settings, String trial, List<VerificationRow> tables,
                               String summary) {}
    public record TransferRow(String table, String rows, String seconds, String rowsPerSecond, String partitions) {}
    public record Transfer(String platform, String settings, List<TransferRow> tables) {}
    public record BeforeAfterRow(String metric, String before, String after, String change) {}
    public record BeforeAfter(String platform, String before, String after, List<BeforeAfterRow> rows) {}
    public record ComparisonRow(String platform, String subject, String settings, String rows, String seconds,
                                String throughput, String relative) {}
    public record ConfigurationRow(String platform, String source, String engine, String settings, String trials,
                                   String median, String interval, String spread, String flag) {}
    public record FailedRow(String platform, String engine, String settings, String trial, String when, String error) {}
    public record Chart(String title, String file) {}
    public record Recommendation(String host, String yaml) {}

    private ReportView() {}

    /** The template scope: a map of section name to content. */
    static Map<String, Object> build(List<PlatformAnalysis> platforms, List<TrialResult> all, List<Run> runs,
                                     List<Chart> charts) {
        Map<String, Object> scope = new LinkedHashMap<>();
        scope.put("runs", runs);
        scope.put("datasets", all.stream().map(r -> r.trial().dataset() + " (scale " + trim(r.trial().scale()) + ")")
                .distinct().collect(Collectors.joining(", ")));
        scope.put("keyFinding", Findings.keyFinding(platforms));
        List<String> warnings = new ArrayList<>(Findings.durabilityWarnings(platforms));
        warnings.addAll(Findings.precisionWarnings(all));
        scope.put("warnings", warnings);
        scope.put("platforms", platforms.stream().map(ReportView::platformRow).toList());
        scope.put("summaries", bestOf(platforms, ReportView::summary));
        scope.put("environments", platforms.stream().map(ReportView::environment).toList());
        scope.put("sourceDatabases", sourceDatabases(platforms));
        scope.put("verifications", bestOf(platforms, ReportView::verification));
        scope.put("transfers", bestOf(platforms, ReportView::transfer));
        scope.put("beforeAfter", platforms.stream().map(ReportView::beforeAfter).flatMap(Optional::stream).toList());
        scope.put("sourceComparison", sourceComparison(platforms));
        scope.put("engineComparison", engineComparison(platforms));
        scope.put("recommendations", Recommendations.of(platforms).entrySet().stream()
                .map(e -> new Recommendation(e.getKey(), e.getValue())).toList());
        scope.put("configurations", platforms.stream().flatMap(p -> p.configurations().stream()
                .map(c -> configurationRow(p, c))).toList());
        scope.put("method", method(all, platforms));
        scope.put("drift", platforms.stream().flatMap(p -> p.configurations().stream()
                .flatMap(c -> DriftCheck.of(p, c).stream())).toList());
        scope.put("noisy", platforms.stream().flatMap(p -> p.configurations().stream().filter(ConfigurationStats::isNoisy)
                .map(c -> p.label() + ": " + c.key().engine().code() + " " + c.key().settingsLabel())).toList());
        scope.put("failed", all.stream().filter(r -> !r.trial().isOk()).map(ReportView::failedRow).toList());
        scope.put("charts", charts);
        for (String list : List.of("sourceComparison", "engineComparison", "noisy", "failed", "warnings", "drift",
                "recommendations")) {
            scope.put("has" + Character.toUpperCase(list.charAt(0)) + list.substring(1),
                    !((List<?>) scope.get(list)).isEmpty());
        }
        return scope;
    }

    private static <T> List<T> bestOf(List<PlatformAnalysis> platforms,
                                      java.util.function.BiFunction<PlatformAnalysis, ConfigurationStats, T> section) {
        return platforms.stream().flatMap(p -> p.best().map(b -> section.apply(p, b)).stream()).toList();
    }

    private static PlatformRow platformRow(PlatformAnalysis p) {
        TrialRecord f = p.facts();
        List<String> notes = new ArrayList<>();
        notes.add(f.host().cpuModel() + ", " + Format.memory(f.host().memoryBytes()) + " RAM");
        String durability = Findings.durability(p);
        notes.add(io.migbench.harness.db.Durability.isNonDurable(durability) ? "**" + durability + "**"
                : "durability: " + durability);
        notes.add("target limits: " + orNone(f.targetLimitsEnforced()));
        if (!f.targetLimitsRequested().equals(f.targetLimitsEnforced())) {
            notes.add("requested: " + orNone(f.targetLimitsRequested()));
        }
        Optional<ConfigurationStats> best = p.best();
        best.filter(ConfigurationStats::isNoisy).ifPresent(b -> notes.add("**noisy** (interval wider than ±10%)"));
        String optimal = Findings.taskRanking(p).map(r -> r.fastest().representative().tasks() + Findings.tiedNote(r))
                .orElse(best.map(b -> String.valueOf(b.representative().tasks())).orElse("–"));
        return new PlatformRow(Format.cell(p.label()), optimal,
                best.flatMap(ConfigurationStats::throughput).map(Format::rateWithInterval).orElse("no completed trial"),
                Format.cell(String.join("; ", notes)));
    }

    private static PlatformMetrics summary(PlatformAnalysis p, ConfigurationStats best) {
        TrialRecord t = best.representative();
        List<Metric> m = new ArrayList<>();
        m.add(new Metric("Rows migrated", Format.count(t.rows())));
        m.add(new Metric("Bytes copied", Format.bytes(t.bytes())));
        m.add(new Metric("Duration (median)", best.summarize(TrialRecord::totalSeconds)
                .map(s -> Format.seconds(s.median())).orElse("–")));
        m.add(new Metric("Throughput (median rows/s)", best.throughput().map(Format::rateWithInterval).orElse("–")));
        m.add(new Metric("Throughput (median MB/s)", best.summarize(TrialRecord::mbPerSecond)
                .map(s -> Format.decimal(s.median(), 1)).orElse("–")));
        m.add(new Metric("Engine", t.engine().code()));
        m.add(new Metric("Tasks", String.valueOf(t.tasks())));
        m.add(new Metric("Partitions per large table", t.partitions() == null ? "default" : t.partitions().toString()));
        m.add(new Metric("Trials (measured / warmup / failed)", best.n() + " / " + best.warmups() + " / "
                + best.failed().size()));
        m.add(new Metric("Validation", validation(best)));
        m.add(new Metric("Ranking", Findings.ranking(p.primaryConfigurations()).map(r -> r.distinguishable()
                ? "distinguishable from every other configuration (its interval clears theirs)"
                : r.tieSentence(Findings::labels)).orElse("–")));
        m.add(new Metric("Durability", Findings.durability(p)));
        m.add(new Metric("Engine session settings", t.sessionSettings()));
        return new PlatformMetrics(Format.cell(p.label()), Format.cell(t.settingsLabel()), m);
    }

    private static String validation(ConfigurationStats c) {
        TrialResult last = c.measured().get(c.measured().size() - 1);
        long tables = last.tables().size();
        long passed = last.tables().stream().filter(tb -> Boolean.TRUE.equals(tb.match())).count();
        String base = last.trial().validation().code() + " " + last.trial().validationResult().code();
        return tables == 0 ? base : base + ", " + passed + "/" + tables + " tables matched";
    }

    private static PlatformMetrics environment(PlatformAnalysis p) {
        TrialRecord t = p.facts();
        List<Metric> m = new ArrayList<>();
        m.add(new Metric("Host", t.host().hostName()));
        m.add(new Metric("OS / architecture", t.host().os() + " / " + t.host().arch()));
        m.add(new Metric("CPU", t.host().cpuModel() + ", " + t.host().logicalCores() + " logical cores"));
        m.add(new Metric("Memory", Format.memory(t.host().memoryBytes())));
        m.add(new Metric("Virtualization", t.host().virtualization().code()));
        m.add(new Metric("Backend", t.backend()));
        m.add(new Metric("Source", t.sourceEngine() + " " + t.sourceVersion()));
        m.add(new Metric("Target", t.targetEngine() + " " + t.targetVersion()));
        m.add(new Metric("Source limits (requested → enforced)",
                orNone(t.sourceLimitsRequested()) + " → " + orNone(t.sourceLimitsEnforced())));
        m.add(new Metric("Target limits (requested → enforced)",
                orNone(t.targetLimitsRequested()) + " → " + orNone(t.targetLimitsEnforced())));
        m.add(new Metric("Durability (target)", Findings.durability(p)));
        m.add(new Metric("Target settings", orNone(t.targetSettings())));
        m.add(new Metric("Engine session settings (best)", t.sessionSettings()));
        m.add(new Metric("Engine settings (best)", t.settingsLabel()));
        return new PlatformMetrics(Format.cell(p.label()), "",
                m.stream().map(x -> new Metric(x.name(), Format.cell(x.value()))).toList());
    }

    private static List<SourceDatabase> sourceDatabases(List<PlatformAnalysis> platforms) {
        Map<String, SourceDatabase> byDataset = new LinkedHashMap<>();
        for (PlatformAnalysis p : platforms) {
            for (TrialResult r : p.trials()) {
                TrialRecord t = r.trial();
                String dataset = t.sourceEngine() + " " + t.dataset() + " (scale " + trim(t.scale()) + ")";
                if (r.tables().isEmpty() || !t.isOk() || byDataset.containsKey(dataset)) {
                    continue;
                }
                List<TableRecord> tables = r.tables().stream()
                        .sorted(Comparator.comparing((TableRecord tb) -> rowsOf(tb)).reversed()).toList();
                long rows = tables.stream().mapToLong(ReportView::rowsOf).sum();
                Long bytes = tables.stream().allMatch(tb -> tb.bytes() != null)
                        ? tables.stream().mapToLong(TableRecord::bytes).sum() : null;
                byDataset.put(dataset, new SourceDatabase(dataset, tables.stream().map(tb -> new TableRow(
                        Format.cell(tb.qualifiedName()), Format.count(rowsOf(tb)), Format.bytes(tb.bytes()))).toList(),
                        Format.count(rows), Format.bytes(bytes)));
            }
        }
        return List.copyOf(byDataset.values());
    }

    private static long rowsOf(TableRecord tb) {
        Long n = tb.sourceRows() != null ? tb.sourceRows() : tb.rows();
        return n == null ? 0 : n;
    }

    private static Verification verification(PlatformAnalysis p, ConfigurationStats best) {
        TrialResult last = best.measured().get(best.measured().size() - 1);
        List<VerificationRow> rows = last.tables().stream().map(tb -> new VerificationRow(
                Format.cell(tb.qualifiedName()), Format.count(tb.sourceRows()), Format.count(tb.targetRows()),
                tb.match() == null ? "not compared" : tb.match() ? "yes" : "**NO**", tb.checksum().code())).toList();
        Map<io.migbench.harness.results.ValidationResult, Long> outcomes = p.trials().stream()
                .collect(Collectors.groupingBy(r -> r.trial().validationResult(), Collectors.counting()));
        String summary = "Validation of all " + p.trials().size() + " trials on this platform: "
                + outcomes.getOrDefault(io.migbench.harness.results.ValidationResult.PASSED, 0L) + " passed, "
                + outcomes.getOrDefault(io.migbench.harness.results.ValidationResult.FAILED, 0L) + " failed, "
                + outcomes.getOrDefault(io.migbench.harness.results.ValidationResult.SKIPPED, 0L)
                + " skipped (failed trials are listed under Method).";
        return new Verification(Format.cell(p.label()), Format.cell(last.trial().settingsLabel()),
                String.valueOf(last.trial().trial()), rows, summary);
    }

    private static Transfer transfer(PlatformAnalysis p, ConfigurationStats best) {
        Map<String, List<TableRecord>> byTable = new LinkedHashMap<>();
        best.measured().forEach(r -> r.tables().forEach(tb ->
                byTable.computeIfAbsent(tb.qualifiedName(), k -> new ArrayList<>()).add(tb)));
        List<TransferRow> rows = new ArrayList<>();
        byTable.forEach((name, list) -> {
            TableRecord last = list.get(list.size() - 1);
            rows.add(new TransferRow(Format.cell(name), Format.count(last.rows()),
                    median(list, TableRecord::seconds).map(Format::seconds).orElse("–"),
                    median(list, TableRecord::rowsPerSecond).map(Format::rate).orElse("–"),
                    last.partitions() == null ? "–" : last.partitions().toString()));
        });
        return new Transfer(Format.cell(p.label()), Format.cell(best.key().settingsLabel()), rows);
    }

    static Optional<Double> median(List<TableRecord> list, Function<TableRecord, Double> metric) {
        double[] v = list.stream().map(metric).filter(x -> x != null).mapToDouble(Double::doubleValue).toArray();
        return v.length == 0 ? Optional.empty() : Optional.of(Summary.of(v).median());
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
        boolean tied = Findings.throughput(before).overlaps(Findings.throughput(after));
        rows.add(new BeforeAfterRow("Throughput (median rows/s)", Format.rateWithInterval(Findings.throughput(before)),
                Format.rateWithInterval(Findings.throughput(after)), Format.ratio(after.median() / before.median())
                        + (tied ? ", **not distinguishable** (overlapping intervals)" : ", distinguishable")));
        rows.add(new BeforeAfterRow("Tasks", String.valueOf(before.representative().tasks()),
                String.valueOf(after.representative().tasks()), ""));
        return Optional.of(new BeforeAfter(Format.cell(p.label()), Format.cell(before.key().settingsLabel()),
                Format.cell(after.key().settingsLabel()), rows));
    }

    private static List<ComparisonRow> sourceComparison(List<PlatformAnalysis> platforms) {
        boolean several = platforms.stream().flatMap(p -> p.configurations().stream())
                .map(c -> c.key().sourceEngine()).distinct().count() > 1;
        if (!several) {
            return List.of();
        }
        List<ComparisonRow> out = new ArrayList<>();
        for (PlatformAnalysis p : platforms) {
            Map<String, ConfigurationStats> bestPerSource = new LinkedHashMap<>();
            p.configurations().stream().filter(c -> c.key().engine() == EngineKind.MIGBENCH && c.n() > 0)
                    .forEach(c -> bestPerSource.merge(c.key().sourceEngine(), c, (a, b) -> a.median() >= b.median() ? a : b));
            double top = bestPerSource.values().stream().mapToDouble(ConfigurationStats::median).max().orElse(1);
            ConfigurationStats fastest = bestPerSource.values().stream().min(ConfigurationStats.FASTEST_FIRST).orElseThrow();
            bestPerSource.forEach((source, c) -> out.add(comparisonRow(p, source, c, Format.ratio(c.median() / top)
                    + " of the fastest source" + tieMark(c, fastest))));
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
            p.configurations().stream().filter(c -> c.n() > 0)
                    .forEach(c -> bySource.computeIfAbsent(c.key().sourceEngine(), k -> new java.util.EnumMap<>(EngineKind.class))
                            .merge(c.key().engine(), c, (a, b) -> a.median() >= b.median() ? a : b));
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

    /** Each copy engine's fastest configuration on the platform, in enum order. */
    static Map<EngineKind, ConfigurationStats> bestPerEngine(PlatformAnalysis p) {
        Map<EngineKind, ConfigurationStats> out = new java.util.EnumMap<>(EngineKind.class);
        p.configurations().stream().filter(c -> c.n() > 0)
                .forEach(c -> out.merge(c.key().engine(), c, (a, b) -> a.median() >= b.median() ? a : b));
        return out;
    }

    /** "" for the reference itself, else whether the two intervals tell the configurations apart. */
    private static String tieMark(ConfigurationStats c, ConfigurationStats reference) {
        if (c == reference) {
            return "";
        }
        return Findings.throughput(c).overlaps(Findings.throughput(reference)) ? " (not distinguishable)" : " (distinguishable)";
    }

    private static ComparisonRow comparisonRow(PlatformAnalysis p, String subject, ConfigurationStats c,
                                               String relative) {
        TrialRecord t = c.representative();
        return new ComparisonRow(Format.cell(p.label() + Findings.durabilityTag(p)), subject, Format.cell(c.key().settingsLabel()),
                Format.count(t.rows()),
                c.summarize(TrialRecord::totalSeconds).map(s -> Format.seconds(s.median())).orElse("–"),
                c.throughput().map(Format::rateWithInterval).orElse("–"), relative);
    }

    private static ConfigurationRow configurationRow(PlatformAnalysis p, ConfigurationStats c) {
        Optional<Summary> s = c.throughput();
        return new ConfigurationRow(Format.cell(p.shortLabel()), c.key().sourceEngine(), c.key().engine().code(),
                Format.cell(c.key().settingsLabel()) + (c.representative().baseline() ? " (baseline)" : ""),
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
                new Metric("Trial order", trialOrder(all)),
                new Metric("Drift check (first vs last round)", checked == 0 ? "not possible: fewer than 2 trials each"
                        : drifted + " of " + checked + " configurations drifted more than their spread"));
    }

    /** How the measured trials were ordered, read from the round column (empty in old runs and tuner runs). */
    private static String trialOrder(List<TrialResult> all) {
        List<TrialRecord> measured = all.stream().map(TrialResult::trial).filter(TrialRecord::isMeasured).toList();
        if (measured.stream().noneMatch(t -> t.round() != null)) {
            return "not recorded (an older run, or the tuner, which measures each point's trials back to back)";
        }
        // interleaved rounds run in file order round after round; blocked ones restart at round 1 for each point
        Map<String, Integer> lastRound = new LinkedHashMap<>();
        boolean interleaved = true;
        for (TrialRecord t : measured) {
            if (t.round() != null) {
                Integer previous = lastRound.put(t.platformKey(), t.round());
                interleaved &= previous == null || previous <= t.round();
            }
        }
        return interleaved ? "interleaved: rounds over every point, each round in a seeded random order"
                : "blocked: each point's trials back to back";
    }

    private static FailedRow failedRow(TrialResult r) {
        TrialRecord t = r.trial();
        return new FailedRow(Format.cell(t.platformKey()), t.engine().code(), Format.cell(t.settingsLabel()),
                String.valueOf(t.trial()), t.timestamp().toString(), Format.cell(t.error()));
    }

    private static String orNone(String s) {
        return s == null || s.isBlank() ? "none" : s;
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}

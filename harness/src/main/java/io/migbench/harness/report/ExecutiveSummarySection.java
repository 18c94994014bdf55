package io.migbench.harness.report;

import io.migbench.harness.results.TrialRecord;
import io.migbench.harness.results.TrialResult;
import io.migbench.harness.stats.ConfigurationStats;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Per platform, its best configuration's figures: rows, duration, throughput, settings, validation, ranking. */
final class ExecutiveSummarySection implements ReportSection {
    /** A platform's table of metrics, under the platform and (when it has one) the settings label. */
    record PlatformMetrics(String platform, String settings, List<Metric> metrics) {}

    @Override
    public String template() {
        return "executive-summary";
    }

    @Override
    public Map<String, Object> scope(ReportInput in) {
        return new Scope().list("summaries", ReportSection.perBest(in.platforms(), ExecutiveSummarySection::summary))
                .map();
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
        m.add(new Metric("Ranking", p.ranking().map(r -> r.distinguishable()
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
}

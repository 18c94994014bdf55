package io.migbench.harness.report;

import io.migbench.harness.results.TableRecord;
import io.migbench.harness.stats.ConfigurationStats;
import io.migbench.harness.stats.Summary;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** Per platform: the best configuration's tables, each with its median seconds and rows/s over measured trials. */
final class TransferSection implements ReportSection {
    record TransferRow(String table, String rows, String seconds, String rowsPerSecond, String partitions) {}
    record Transfer(String platform, String settings, List<TransferRow> tables) {}

    @Override
    public String template() {
        return "transfer";
    }

    @Override
    public Map<String, Object> scope(ReportInput in) {
        return new Scope().list("transfers", ReportSection.perBest(in.platforms(), TransferSection::transfer)).map();
    }

    private static Transfer transfer(PlatformAnalysis p, ConfigurationStats best) {
        List<TransferRow> rows = new ArrayList<>();
        byTable(best).forEach((name, list) -> {
            TableRecord last = list.get(list.size() - 1);
            rows.add(new TransferRow(Format.cell(name), Format.count(last.rows()),
                    median(list, TableRecord::seconds).map(Format::seconds).orElse("–"),
                    median(list, TableRecord::rowsPerSecond).map(Format::rate).orElse("–"),
                    last.partitions() == null ? "–" : last.partitions().toString()));
        });
        return new Transfer(Format.cell(p.label()), Format.cell(best.key().label()), rows);
    }

    /** The table rows of a configuration's measured trials, by table in first-seen order. */
    static Map<String, List<TableRecord>> byTable(ConfigurationStats c) {
        Map<String, List<TableRecord>> out = new LinkedHashMap<>();
        c.measured().forEach(r -> r.tables().forEach(tb ->
                out.computeIfAbsent(tb.qualifiedName(), k -> new ArrayList<>()).add(tb)));
        return out;
    }

    /** The median of a per-table measurement over one table's rows (the per-table chart draws the same). */
    static Optional<Double> median(List<TableRecord> list, Function<TableRecord, Double> metric) {
        return summary(list, metric).map(Summary::median);
    }

    /** Median and range of a per-table measurement over one table's rows; empty when none was measured. */
    static Optional<Summary> summary(List<TableRecord> list, Function<TableRecord, Double> metric) {
        double[] v = list.stream().map(metric).filter(x -> x != null).mapToDouble(Double::doubleValue).toArray();
        return v.length == 0 ? Optional.empty() : Optional.of(Summary.of(v));
    }
}

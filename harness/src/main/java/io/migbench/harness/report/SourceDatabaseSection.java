package io.migbench.harness.report;

import io.migbench.harness.results.TableRecord;
import io.migbench.harness.results.TrialRecord;
import io.migbench.harness.results.TrialResult;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Per source dataset, its tables by size: rows and bytes as the first completed trial read them. */
final class SourceDatabaseSection implements ReportSection {
    record TableRow(String table, String rows, String bytes) {}
    record SourceDatabase(String dataset, List<TableRow> tables, String totalRows, String totalBytes) {}

    @Override
    public String template() {
        return "source-database";
    }

    @Override
    public Map<String, Object> scope(ReportInput in) {
        return new Scope().list("sourceDatabases", sourceDatabases(in.platforms())).map();
    }

    private static List<SourceDatabase> sourceDatabases(List<PlatformAnalysis> platforms) {
        Map<String, SourceDatabase> byDataset = new LinkedHashMap<>();
        for (PlatformAnalysis p : platforms) {
            for (TrialResult r : p.trials()) {
                TrialRecord t = r.trial();
                String dataset = t.sourceEngine() + " " + t.dataset() + " (scale " + Format.trim(t.scale()) + ")";
                if (r.tables().isEmpty() || !t.isOk() || byDataset.containsKey(dataset)) {
                    continue;
                }
                List<TableRecord> tables = r.tables().stream()
                        .sorted(Comparator.comparing((TableRecord tb) -> rowsOf(tb)).reversed()).toList();
                long rows = tables.stream().mapToLong(SourceDatabaseSection::rowsOf).sum();
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
}

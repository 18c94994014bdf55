package io.migbench.harness.report;

import io.migbench.harness.model.EngineKind;
import io.migbench.harness.results.TableRecord;
import io.migbench.harness.stats.ConfigurationStats;
import io.migbench.harness.stats.Summary;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Per table, migbench's copy against the source's limit line ({@link EngineKind#limitLine()}) at the lowest task
 * count both ran (one stream per table when that is 1): a whole run's ratio hides which tables lag, and includes
 * phases (schema, keys) the limit line does not have.
 */
final class TableLimitComparison {
    record Row(String table, String rows, String migbench, String limit, String ratio) {}
    record Block(String platform, String source, String limitEngine, String settings, String basis, List<Row> tables) {}

    private TableLimitComparison() {}

    static List<Block> of(List<PlatformAnalysis> platforms) {
        List<Block> out = new ArrayList<>();
        for (PlatformAnalysis p : platforms) {
            for (String source : p.sourceEngines()) {
                block(p, source).ifPresent(out::add);
            }
        }
        return out;
    }

    private static Optional<Block> block(PlatformAnalysis p, String source) {
        List<ConfigurationStats> ran = p.configurations().stream()
                .filter(c -> c.n() > 0 && c.key().sourceEngine().equals(source)).toList();
        TreeSet<Integer> migbenchTasks = tasks(ran, EngineKind.MIGBENCH);
        Optional<EngineKind> limitEngine = ran.stream().map(c -> c.key().engine()).filter(EngineKind::limitLine).findFirst();
        if (limitEngine.isEmpty()) {
            return Optional.empty();
        }
        TreeSet<Integer> common = tasks(ran, limitEngine.get());
        common.retainAll(migbenchTasks);
        if (common.isEmpty()) {
            return Optional.empty();
        }
        int t = common.first();
        ConfigurationStats migbench = fastestAt(ran, EngineKind.MIGBENCH, t);
        ConfigurationStats limit = fastestAt(ran, limitEngine.get(), t);
        Map<String, List<TableRecord>> limitTables = TransferSection.byTable(limit);
        List<Row> rows = new ArrayList<>();
        TransferSection.byTable(migbench).forEach((table, own) -> {
            List<TableRecord> theirs = limitTables.get(table);
            Optional<Summary> m = TransferSection.summary(own, TableRecord::seconds);
            Optional<Summary> l = theirs == null ? Optional.empty() : TransferSection.summary(theirs, TableRecord::seconds);
            String ratio = m.isPresent() && l.isPresent() && m.get().median() > 0
                    ? Format.ratio(l.get().median() / m.get().median()) + (overlap(m.get(), l.get())
                    ? " (not distinguishable)" : " (distinguishable)")
                    : "–";
            rows.add(new Row(Format.cell(table), Format.count(own.get(own.size() - 1).rows()),
                    m.map(TableLimitComparison::secondsRange).orElse("–"),
                    l.map(TableLimitComparison::secondsRange).orElse("–"), ratio));
        });
        String basis = t == 1 ? "One stream per table in both (1 task each)"
                : "Both at " + t + " tasks, the lowest task count both ran: tables ran side by side (and big ones in"
                  + " ranges), so each table's time includes sharing the machine";
        return Optional.of(new Block(Format.cell(p.label()), source, limitEngine.get().code(),
                Format.cell(migbench.key().label() + " vs " + limit.key().label()), basis, rows));
    }

    private static TreeSet<Integer> tasks(List<ConfigurationStats> ran, EngineKind engine) {
        TreeSet<Integer> out = new TreeSet<>();
        ran.stream().filter(c -> c.key().engine() == engine).forEach(c -> out.add(c.representative().tasks()));
        return out;
    }

    private static ConfigurationStats fastestAt(List<ConfigurationStats> ran, EngineKind engine, int tasks) {
        return ran.stream().filter(c -> c.key().engine() == engine && c.representative().tasks() == tasks)
                .reduce(ConfigurationStats::faster).orElseThrow();
    }

    /**
     * Not told apart: the min–max ranges shown meet, or the report's rule says so ({@link Summary#overlaps}: a
     * single trial has no interval and separates from nothing).
     */
    private static boolean overlap(Summary a, Summary b) {
        return a.overlaps(b) || a.min() <= b.max() && b.min() <= a.max();
    }

    private static String secondsRange(Summary s) {
        // small tables take tens of milliseconds: the report's usual tenth of a second would hide them
        return Format.decimal(s.median(), 3) + " s (" + Format.decimal(s.min(), 3) + "–" + Format.decimal(s.max(), 3) + ")";
    }
}

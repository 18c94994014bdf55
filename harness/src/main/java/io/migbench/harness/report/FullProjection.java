package io.migbench.harness.report;

import io.migbench.harness.results.SourceTable;
import io.migbench.harness.results.TableRecord;
import io.migbench.harness.results.TrialRecord;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The duration of a full migration, projected from one trial that copied a sample, by a stated linear model:
 * <ul>
 *   <li>copy and verify scale per table with its rows (source estimate ÷ rows copied), keeping the trial's measured
 *       overlap of tables (copy seconds ÷ summed table seconds);</li>
 *   <li>tables the sample left out ({@code largest_tables}) take the copied tables' seconds per heap byte;</li>
 *   <li>index builds scale with the source's index bytes over the sampled share of them;</li>
 *   <li>schema creation (and any time outside the phases) stays as measured.</li>
 * </ul>
 */
final class FullProjection {
    static final String MODEL = "copy and verify time linear in each table's rows (source estimate ÷ rows copied), "
            + "tables left out at the copied tables' seconds per byte, index time linear in index bytes, schema time as measured";

    private FullProjection() {}

    /** Projected seconds of the full migration, or NaN when the trial lacks what the model needs. */
    static double seconds(TrialRecord trial, List<TableRecord> tables, List<SourceTable> source) {
        Map<String, TableRecord> copied = tables.stream().collect(Collectors.toMap(
                t -> key(t.schema(), t.table()), Function.identity(), (a, b) -> a));
        double measuredWork = 0;
        double fullWork = 0;
        double copiedHeapBytes = 0;
        double leftOutHeapBytes = 0;
        double sampledIndexBytes = 0;
        double allIndexBytes = 0;
        for (SourceTable s : source) {
            allIndexBytes += s.indexBytes();
            TableRecord r = copied.get(key(s.schema(), s.table()));
            if (!s.copied() || r == null) {
                leftOutHeapBytes += s.tableBytes();
                continue;
            }
            double scale = scale(s, r);
            double seconds = r.seconds() == null ? 0 : r.seconds();
            measuredWork += seconds;
            fullWork += seconds * scale;
            copiedHeapBytes += s.tableBytes();
            sampledIndexBytes += s.indexBytes() / scale;
        }
        if (measuredWork <= 0 || copiedHeapBytes <= 0 || trial.copySeconds() == null || trial.totalSeconds() == null) {
            return Double.NaN;
        }
        fullWork *= 1 + leftOutHeapBytes / copiedHeapBytes;
        double workRatio = fullWork / measuredWork;
        double copy = trial.copySeconds();
        double index = orZero(trial.indexSeconds());
        double verify = orZero(trial.verifySeconds());
        double rest = trial.totalSeconds() - copy - index - verify;
        double indexRatio = sampledIndexBytes > 0 ? allIndexBytes / sampledIndexBytes : workRatio;
        return rest + copy * workRatio + index * indexRatio + verify * workRatio;
    }

    /** Full rows over copied rows; the planned fraction when the source had no row estimate (never analyzed). */
    private static double scale(SourceTable s, TableRecord r) {
        if (s.rows() > 0 && r.rows() != null && r.rows() > 0) {
            return Math.max(1.0, (double) s.rows() / r.rows());
        }
        return 1 / s.fraction();
    }

    static long fullBytes(List<SourceTable> source) {
        return source.stream().mapToLong(s -> s.tableBytes() + s.indexBytes()).sum();
    }

    private static String key(String schema, String table) {
        return (schema + "." + table).toLowerCase(Locale.ROOT);
    }

    private static double orZero(Double v) {
        return v == null ? 0 : v;
    }
}

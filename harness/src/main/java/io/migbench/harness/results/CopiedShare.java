package io.migbench.harness.results;

import java.util.List;
import java.util.Locale;

/**
 * How much of its source a run's trials copied, from source_tables.csv: nothing to say for the whole source,
 * else a short description ("25% sample", "3 of 6 tables"). Trials of a sample and of a full copy are never
 * repeats of one another, even with the same settings.
 */
public final class CopiedShare {
    private CopiedShare() {}

    /** Whether trials over these source tables copied less than all of it. */
    private static boolean isSample(List<SourceTable> source) {
        return source.stream().anyMatch(s -> !s.copied() || s.fraction() < 1);
    }

    /** The description of a sample, or {@code ""} when the whole source was copied (or the run did not record it). */
    public static String describe(List<SourceTable> source) {
        if (!isSample(source)) {
            return "";
        }
        double smallest = source.stream().filter(s -> s.copied() && s.fraction() < 1).mapToDouble(SourceTable::fraction)
                .min().orElse(1);
        long copied = source.stream().filter(SourceTable::copied).count();
        String share = smallest < 1 ? String.format(Locale.ROOT, "%.0f%% sample", 100 * smallest) : "";
        String tables = copied < source.size() ? copied + " of " + source.size() + " tables" : "";
        return share.isEmpty() ? tables : tables.isEmpty() ? share : share + " of " + tables;
    }
}

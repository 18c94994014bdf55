package io.migbench.harness.scenario;

import io.migbench.harness.config.Checks;

/**
 * What part of the source a sweep copies, so a big database is measured in minutes and the report projects the
 * full migration from the measured rates.
 *
 * @param fraction      share of each big table copied, as evenly spread ranges of its key or ctid (1 = all)
 * @param largestTables only the N largest tables (by heap size) are copied; {@code null}: every table
 */
public record Sample(double fraction, Integer largestTables) {
    public static final Sample ALL = new Sample(1.0, null);

    public Sample {
        new Checks()
                .check(fraction > 0 && fraction <= 1, "fraction", "must be > 0 and ≤ 1, got " + fraction)
                .check(largestTables == null || largestTables >= 1, "largest_tables", "must be ≥ 1, got " + largestTables)
                .throwIfAny();
    }

    /** Whether less than the whole source is copied. */
    public boolean isPartial() {
        return fraction < 1 || largestTables != null;
    }
}

package io.migbench.harness.report;

import io.migbench.harness.stats.ConfigurationStats;

/**
 * migbench's fastest configuration from one source engine of a platform, against the fastest source's: one row
 * of the report's source-engine comparison, one entry of summary.json's {@code sources}.
 *
 * @param sourceEngine the source engine
 * @param best         migbench's highest-median configuration from it
 * @param fastest      the highest-median one among every source's {@code best} (this one's own when it is fastest)
 */
record SourceBest(String sourceEngine, ConfigurationStats best, ConfigurationStats fastest) {
    boolean isFastest() {
        return best == fastest;
    }

    double ratioToFastest() {
        return best.median() / fastest.median();
    }

    /** Whether the two intervals of the median tell this source's best apart from the fastest source's. */
    boolean distinguishableFromFastest() {
        return Findings.distinguishable(best, fastest);
    }
}

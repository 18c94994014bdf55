package io.migbench.harness.tune;

import java.util.Objects;

/**
 * A measured point as provenance keeps it: its label, median and interval (absent for a single trial).
 *
 * @param settings the point's {@link TuningPoint#label()}
 * @param median   median rows/s
 * @param ciLow    lower bound of the confidence interval, {@code null} without one
 * @param ciHigh   upper bound of the confidence interval, {@code null} without one
 * @param trials   measured trials behind the numbers
 */
public record PointSummary(String settings, double median, Double ciLow, Double ciHigh, int trials) {

    public PointSummary {
        Objects.requireNonNull(settings, "settings");
        if (!(median >= 0) || Double.isInfinite(median)) {
            throw new IllegalArgumentException("median_rows_per_second: must be a number >= 0, got " + median);
        }
        if ((ciLow == null) != (ciHigh == null)) {
            throw new IllegalArgumentException("ci_low/ci_high: give both bounds or neither");
        }
        if (ciLow != null && ciLow > ciHigh) {
            throw new IllegalArgumentException("ci_low: must not exceed ci_high (" + ciLow + " > " + ciHigh + ")");
        }
        if (trials < 1) {
            throw new IllegalArgumentException("trials: must be at least 1, got " + trials);
        }
    }

    /** The summary of a candidate point (one with at least one completed trial). */
    public static PointSummary of(MeasuredPoint m) {
        var s = m.throughput().orElseThrow(() -> new IllegalArgumentException(m.point().label() + ": no completed trial"));
        return new PointSummary(m.point().label(), s.median(), s.hasInterval() ? s.ciLow() : null,
                s.hasInterval() ? s.ciHigh() : null, s.n());
    }
}

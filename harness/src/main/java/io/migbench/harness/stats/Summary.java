package io.migbench.harness.stats;

import java.util.Arrays;
import org.apache.commons.math3.distribution.BinomialDistribution;

/**
 * Descriptive statistics of one sample of measurements, with a distribution-free confidence interval of the
 * <em>median</em> from order statistics: the k-th smallest and k-th largest values bracket the true median with
 * probability 1 − 2·P(B ≤ k−1), B ~ Binomial(n, ½), whatever the distribution of the measurements (no normality
 * assumed: a noisy machine gives skewed timings). k is the largest rank that still reaches the confidence. Below
 * six values no pair of order statistics reaches 95%; the interval is then the min–max range and
 * {@link #coverage()} says how sure it is (n=3: 75%). A single value has no interval ({@code NaN}).
 *
 * @param n        number of values
 * @param median   middle value (mean of the two middle values for even n)
 * @param min      smallest value
 * @param max      largest value
 * @param ciLow    lower bound of the interval of the median
 * @param ciHigh   upper bound of the interval of the median
 * @param coverage the probability that the interval holds the median (0 without an interval)
 */
public record Summary(int n, double median, double min, double max, double ciLow, double ciHigh, double coverage) {

    /** The confidence level used everywhere in migbench reports. */
    public static final double CONFIDENCE = 0.95;
    /** A configuration whose interval's half-width exceeds this fraction of its median is flagged as noisy. */
    public static final double NOISE_THRESHOLD = 0.10;

    /** Statistics of {@code values} with a {@value #CONFIDENCE} interval of the median. */
    public static Summary of(double... values) {
        return of(CONFIDENCE, values);
    }

    public static Summary of(double confidence, double[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("statistics need at least one value");
        }
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence: must be between 0 and 1, got " + confidence);
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        if (n == 1) {
            return new Summary(1, median, sorted[0], sorted[0], Double.NaN, Double.NaN, 0);
        }
        BinomialDistribution ranks = new BinomialDistribution(null, n, 0.5);
        int k = 1;
        while (k + 1 <= (n + 1) / 2 && 1 - 2 * ranks.cumulativeProbability(k) >= confidence) {
            k++;
        }
        double coverage = 1 - 2 * ranks.cumulativeProbability(k - 1);
        return new Summary(n, median, sorted[0], sorted[n - 1], sorted[k - 1], sorted[n - k], coverage);
    }

    public boolean hasInterval() {
        return !Double.isNaN(ciLow);
    }

    /** Whether the interval holds the median with at least {@value #CONFIDENCE} probability (needs n ≥ 6). */
    public boolean reachesConfidence() {
        return coverage >= CONFIDENCE;
    }

    /** Whether the two intervals share a value; a missing interval overlaps everything (it excludes nothing). */
    public boolean overlaps(Summary other) {
        if (!hasInterval() || !other.hasInterval()) {
            return true;
        }
        return ciLow <= other.ciHigh && other.ciLow <= ciHigh;
    }

    /** Half the width of the interval ({@code NaN} for a single value). */
    public double halfWidth() {
        return (ciHigh - ciLow) / 2;
    }

    /** Half-width relative to the median: 0.05 means "median ± 5 %" (for a symmetric interval). */
    public double relativeHalfWidth() {
        return median == 0 ? Double.NaN : halfWidth() / Math.abs(median);
    }

    /** True when the interval is wider than ±{@link #NOISE_THRESHOLD} of the median. */
    public boolean isNoisy() {
        return hasInterval() && relativeHalfWidth() > NOISE_THRESHOLD;
    }
}

package io.migbench.harness.stats;

import java.util.Arrays;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * Descriptive statistics of one sample of measurements, with a two-sided confidence interval of the
 * <em>mean</em> from Student's t distribution. With a single value the interval is undefined ({@code NaN}):
 * one trial says nothing about noise, and the report says so instead of inventing a width.
 *
 * @param n      number of values
 * @param mean   arithmetic mean
 * @param stddev sample standard deviation (n - 1 in the denominator); 0 for a single value
 * @param median middle value (mean of the two middle values for even n)
 * @param min    smallest value
 * @param max    largest value
 * @param ciLow  lower bound of the confidence interval of the mean
 * @param ciHigh upper bound of the confidence interval of the mean
 */
public record Summary(int n, double mean, double stddev, double median, double min, double max,
                      double ciLow, double ciHigh) {

    /** The confidence level used everywhere in migbench reports. */
    public static final double CONFIDENCE = 0.95;
    /** A configuration whose CI half-width exceeds this fraction of its mean is flagged as noisy. */
    public static final double NOISE_THRESHOLD = 0.10;

    /** Statistics of {@code values} with a {@value #CONFIDENCE} confidence interval of the mean. */
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
        double mean = Arrays.stream(sorted).sum() / n;
        double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        if (n == 1) {
            return new Summary(1, mean, 0, median, sorted[0], sorted[0], Double.NaN, Double.NaN);
        }
        double squares = 0;
        for (double v : sorted) {
            squares += (v - mean) * (v - mean);
        }
        double stddev = Math.sqrt(squares / (n - 1));
        double halfWidth = tQuantile((1 + confidence) / 2, n - 1) * stddev / Math.sqrt(n);
        return new Summary(n, mean, stddev, median, sorted[0], sorted[n - 1], mean - halfWidth, mean + halfWidth);
    }

    /** The {@code p} quantile of Student's t distribution with {@code degreesOfFreedom}. */
    public static double tQuantile(double p, int degreesOfFreedom) {
        return new TDistribution(degreesOfFreedom).inverseCumulativeProbability(p);
    }

    public boolean hasInterval() {
        return !Double.isNaN(ciLow);
    }

    /** Half the width of the confidence interval ({@code NaN} for a single value). */
    public double halfWidth() {
        return (ciHigh - ciLow) / 2;
    }

    /** Half-width relative to the mean: 0.05 means "mean ± 5 %". */
    public double relativeHalfWidth() {
        return mean == 0 ? Double.NaN : halfWidth() / Math.abs(mean);
    }

    /** True when the interval is wider than ±{@link #NOISE_THRESHOLD} of the mean. */
    public boolean isNoisy() {
        return hasInterval() && relativeHalfWidth() > NOISE_THRESHOLD;
    }
}

package io.migbench.harness.tune;

import io.migbench.harness.stats.Summary;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One point of the measured curve: the setting, the phase that measured it, how its measurement ended, the
 * statistics of its measured trials (empty when none completed), its failures and the trials it cost.
 *
 * @param point      the setting
 * @param phase      the search step that measured it
 * @param outcome    how its measurement ended
 * @param throughput rows/s statistics of the measured (non-warmup, successful) trials
 * @param failures   trials whose probe threw
 * @param trialsRun  trials started at this point, warmups and failures included
 */
public record MeasuredPoint(TuningPoint point, TuningPhase phase, PointOutcome outcome,
                            Optional<Summary> throughput, List<FailedTrial> failures, int trialsRun) {

    public MeasuredPoint {
        Objects.requireNonNull(point, "point");
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(throughput, "throughput");
        failures = List.copyOf(failures);
        if ((outcome == PointOutcome.FAILED) != !failures.isEmpty()) {
            throw new IllegalArgumentException(point.label() + ": outcome " + outcome + " contradicts "
                    + failures.size() + " failed trial(s)");
        }
    }

    /** May this point be recommended: it did not fail and at least one trial measured it. */
    public boolean isCandidate() {
        return outcome != PointOutcome.FAILED && throughput.isPresent();
    }

    /** Median rows/s, {@code NaN} when no trial completed. */
    public double median() {
        return throughput.map(Summary::median).orElse(Double.NaN);
    }

    /** Number of measured trials behind the statistics. */
    public int measuredTrials() {
        return throughput.map(Summary::n).orElse(0);
    }

    /**
     * True when this point is certainly worse than {@code other}: it failed, or its interval lies entirely below
     * the other's. Without two intervals nothing is certain.
     */
    public boolean isClearlyBelow(MeasuredPoint other) {
        if (outcome == PointOutcome.FAILED) {
            return true;
        }
        return throughput.isPresent() && other.throughput.isPresent()
                && isClearlyBelow(throughput.get(), other.throughput.get());
    }

    static boolean isClearlyBelow(Summary a, Summary b) {
        return a.hasInterval() && b.hasInterval() && a.ciHigh() < b.ciLow();
    }

    /** "migbench t8: median 204,112 rows/s (CI 198,001–210,223, n=3)", or why there is no number. */
    public String describe() {
        if (outcome == PointOutcome.FAILED) {
            return point.label() + ": failed at trial " + failures.get(0).trialNumber() + " ("
                    + failures.get(0).error() + ")";
        }
        if (throughput.isEmpty()) {
            return point.label() + ": no completed trial";
        }
        Summary s = throughput.get();
        String interval = s.hasInterval() ? "CI " + rate(s.ciLow()) + "–" + rate(s.ciHigh()) + ", " : "no CI, ";
        String cut = outcome == PointOutcome.COMPLETE ? "" : ", " + outcome.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        return point.label() + ": median " + rate(s.median()) + " rows/s (" + interval + "n=" + s.n() + cut + ")";
    }

    static String rate(double perSecond) {
        return String.format(Locale.ROOT, "%,.0f", perSecond);
    }
}

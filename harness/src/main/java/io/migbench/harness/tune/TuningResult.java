package io.migbench.harness.tune;

import io.migbench.harness.stats.Ranking;
import io.migbench.harness.stats.Summary;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What a tuning search found: the whole measured curve, the best setting and the runner-up, whether the
 * measurements can tell those two apart, and how the search ended.
 *
 * @param curve           every measured point, in measurement order (failed and abandoned ones included)
 * @param best            the recommended point; empty when no trial completed
 * @param runnerUp        the next best point; empty when there is none
 * @param verdict         whether {@code best} is better than {@code runnerUp} at the {@code confidence} level
 * @param confidence      confidence level of every interval in the result
 * @param elapsed         wall-clock time the search took
 * @param budgetExhausted true when the search stopped because the budget was spent, with points left to try
 */
public record TuningResult(List<MeasuredPoint> curve, Optional<MeasuredPoint> best, Optional<MeasuredPoint> runnerUp,
                           Verdict verdict, double confidence, Duration elapsed, boolean budgetExhausted) {

    /**
     * The ranking: points measured to the end before points cut short (fewer trials, wider or no interval),
     * then by median throughput, highest first. Failed points and points without a completed trial never rank.
     */
    static final Comparator<MeasuredPoint> RANKING = Comparator
            .comparing((MeasuredPoint m) -> m.outcome() != PointOutcome.COMPLETE)
            .thenComparing(Comparator.comparingDouble(MeasuredPoint::median).reversed());

    public TuningResult {
        curve = List.copyOf(curve);
        Objects.requireNonNull(best, "best");
        Objects.requireNonNull(runnerUp, "runnerUp");
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(elapsed, "elapsed");
    }

    /** Ranks {@code curve} and judges the two leaders. */
    static TuningResult of(List<MeasuredPoint> curve, double confidence, Duration elapsed, boolean budgetExhausted) {
        List<MeasuredPoint> ranked = ranked(curve);
        Optional<MeasuredPoint> best = ranked.stream().findFirst();
        Optional<MeasuredPoint> runnerUp = ranked.stream().skip(1).findFirst();
        return new TuningResult(curve, best, runnerUp, verdict(ranked, best, runnerUp), confidence, elapsed,
                budgetExhausted);
    }

    /** The candidate points, best first. */
    static List<MeasuredPoint> ranked(List<MeasuredPoint> curve) {
        return curve.stream().filter(MeasuredPoint::isCandidate).sorted(RANKING).toList();
    }

    /** Distinguishable only when every other candidate lies clearly below the best, not just the runner-up by median. */
    private static Verdict verdict(List<MeasuredPoint> ranked, Optional<MeasuredPoint> best,
                                   Optional<MeasuredPoint> runnerUp) {
        if (best.isEmpty() || runnerUp.isEmpty() || !best.get().throughput().get().hasInterval()
                || !runnerUp.get().throughput().get().hasInterval()) {
            return Verdict.INSUFFICIENT_DATA;
        }
        return ranked.stream().skip(1).allMatch(m -> m.isClearlyBelow(best.get()))
                ? Verdict.DISTINGUISHABLE : Verdict.NOT_DISTINGUISHABLE;
    }

    /** The best and every candidate whose interval overlaps the best's: what the data cannot tell apart. */
    public List<MeasuredPoint> tied() {
        if (best.isEmpty()) {
            return List.of();
        }
        Summary top = best.get().throughput().orElseThrow();
        return ranked(curve).stream().filter(m -> m.throughput().orElseThrow().overlaps(top)).toList();
    }

    /** Trials the search ran, warmups and failures included: its cost. */
    public int trialsRun() {
        return curve.stream().mapToInt(MeasuredPoint::trialsRun).sum();
    }

    /** The points whose measurement failed; never recommended, always reported. */
    public List<MeasuredPoint> failedPoints() {
        return curve.stream().filter(m -> m.outcome() == PointOutcome.FAILED).toList();
    }

    /**
     * The recommendation in words, for the console and the report: the best setting with its interval, the
     * runner-up, the verdict, and whether the budget cut the search short.
     */
    public String recommendation() {
        String level = String.format(Locale.ROOT, "%.0f%%", confidence * 100);
        if (best.isEmpty()) {
            return "No recommendation: no trial completed (" + curve.size() + " point(s) tried, "
                    + failedPoints().size() + " failed)" + budgetNote() + ".";
        }
        StringBuilder s = new StringBuilder("Recommended ").append(best.get().describe()).append('.');
        switch (verdict) {
            case DISTINGUISHABLE -> s.append(" It beats the runner-up ").append(runnerUp.get().describe())
                    .append(" at ").append(level).append(" confidence (the intervals do not overlap).");
            case NOT_DISTINGUISHABLE -> s.append(" Not distinguishable: ").append(Ranking.join(tied().stream()
                            .map(m -> m.point().label()).toList()))
                    .append(" have overlapping ").append(level).append(" intervals (fastest median: ")
                    .append(best.get().point().label()).append("), so any of them is as good as these measurements "
                            + "can tell; runner-up ").append(runnerUp.get().describe()).append('.');
            case INSUFFICIENT_DATA -> s.append(runnerUp.map(r -> " Runner-up " + r.describe()
                    + ": too few trials to compare them.").orElse(" No other setting completed, nothing to compare."));
        }
        return s.append(" Search: ").append(curve.size()).append(" points, ").append(trialsRun())
                .append(" trials in ").append(elapsed.toSeconds()).append(" s").append(budgetNote()).append('.')
                .toString();
    }

    private String budgetNote() {
        return budgetExhausted ? "; the budget ran out before the search finished, so this is a partial answer" : "";
    }
}

package io.migbench.harness.stats;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Alternatives ranked by median, and which of them the data cannot tell from the fastest: every alternative whose
 * interval of the median overlaps the fastest one's is tied with it. A winner is named only when nothing is tied;
 * otherwise the wording names the tied set. One rule for the report, the tuner, compare and the sweep's summary.
 *
 * @param ranked the alternatives, highest median first
 * @param tied   the fastest and every alternative tied with it, in ranked order
 */
public record Ranking<T>(List<T> ranked, List<T> tied, Function<T, Summary> stats) {

    public Ranking {
        if (ranked.isEmpty()) {
            throw new IllegalArgumentException("a ranking needs at least one alternative");
        }
        ranked = List.copyOf(ranked);
        tied = List.copyOf(tied);
    }

    /** Ranks {@code alternatives} (each with its throughput statistics) by median, highest first. */
    public static <T> Ranking<T> of(List<T> alternatives, Function<T, Summary> stats) {
        List<T> ranked = alternatives.stream()
                .sorted(Comparator.comparingDouble((T t) -> stats.apply(t).median()).reversed()).toList();
        Summary top = stats.apply(ranked.get(0));
        List<T> tied = ranked.stream().filter(t -> stats.apply(t).overlaps(top)).toList();
        return new Ranking<>(ranked, tied, stats);
    }

    public T fastest() {
        return ranked.get(0);
    }

    public T slowest() {
        return ranked.get(ranked.size() - 1);
    }

    /** Whether the fastest is told apart from every other alternative (or is the only one). */
    public boolean distinguishable() {
        return tied.size() == 1;
    }

    /**
     * "1, 2 and 4 tasks are not distinguishable (overlapping 95% intervals); fastest median: 2 tasks", with
     * {@code names} rendering a group of alternatives ("1, 2 and 4 tasks") and one of them ("2 tasks").
     */
    public String tieSentence(Function<List<T>, String> names) {
        return names.apply(tied) + " are not distinguishable (overlapping " + intervalWords(tied)
                + "); fastest median: " + names.apply(List.of(fastest()));
    }

    /** "95% intervals", or what the intervals really are when some have too few trials to reach 95%. */
    public String intervalWords(List<T> which) {
        double lowest = which.stream().map(stats).mapToDouble(Summary::coverage).min().orElse(0);
        if (lowest >= Summary.CONFIDENCE) {
            return String.format(Locale.ROOT, "%.0f%% intervals", Summary.CONFIDENCE * 100);
        }
        return lowest == 0 ? "intervals; a single trial has none" : String.format(Locale.ROOT,
                "intervals, min–max ranges covering the median with only %.0f%% confidence at these trial counts",
                lowest * 100);
    }

    /**
     * How many times faster the fastest ran than the slowest, with an interval from the two medians' intervals
     * (low: fastest's low bound over slowest's high bound; high the other way round); NaN bounds without intervals.
     */
    public double[] slowdown() {
        Summary f = stats.apply(fastest());
        Summary s = stats.apply(slowest());
        return new double[] {f.median() / s.median(), f.ciLow() / s.ciHigh(), f.ciHigh() / s.ciLow()};
    }

    /** "a", "a and b", "a, b and c". */
    public static String join(List<String> items) {
        if (items.size() <= 1) {
            return String.join("", items);
        }
        List<String> head = new ArrayList<>(items.subList(0, items.size() - 1));
        return String.join(", ", head) + " and " + items.get(items.size() - 1);
    }
}

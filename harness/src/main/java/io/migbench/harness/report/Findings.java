package io.migbench.harness.report;

import io.migbench.harness.db.Durability;
import io.migbench.harness.results.TrialRecord;
import io.migbench.harness.results.TrialResult;
import io.migbench.harness.stats.ConfigurationStats;
import io.migbench.harness.stats.Ranking;
import io.migbench.harness.stats.Summary;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The report's conclusions in words, tie-aware: a task count is named the fastest only when its interval of the
 * median clears every other's, else the tied set is named; a non-durable platform says so wherever it is ranked.
 */
final class Findings {
    /** Trials shorter than this measure start-up and scheduling as much as the copy. */
    static final double SHORT_TRIAL_SECONDS = 10;
    /** Below this many measured trials an interval of the median says little. */
    static final int FEW_TRIALS = 3;

    private Findings() {}

    /** migbench's best configuration per task count, ranked; empty when none completed. */
    static Optional<Ranking<ConfigurationStats>> taskRanking(PlatformAnalysis p) {
        List<ConfigurationStats> curve = p.bestPerTaskCount();
        return curve.isEmpty() ? Optional.empty() : Optional.of(Ranking.of(curve, Findings::throughput));
    }

    static Summary throughput(ConfigurationStats c) {
        return c.throughput().orElseThrow();
    }

    /** Whether the intervals of the two medians tell the configurations apart (they do not overlap). */
    static boolean distinguishable(ConfigurationStats a, ConfigurationStats b) {
        return !throughput(a).overlaps(throughput(b));
    }

    /** "1 task", "2 tasks", "1, 2 and 4 tasks". */
    static String tasks(List<ConfigurationStats> group) {
        List<Integer> counts = group.stream().map(c -> c.representative().tasks()).sorted().toList();
        String numbers = Ranking.join(counts.stream().map(String::valueOf).toList());
        return numbers + (counts.size() == 1 && counts.get(0) == 1 ? " task" : " tasks");
    }

    /** "`migbench t2`", "`migbench t1`, `migbench t2` and …". */
    static String labels(List<ConfigurationStats> group) {
        return Ranking.join(group.stream().map(c -> "`" + configuration(c) + "`").toList());
    }

    /** "migbench t8": the settings label, prefixed with the engine when the label does not name it (older runs). */
    static String configuration(ConfigurationStats c) {
        String label = c.key().label();
        String engine = c.key().engine().code();
        return label.startsWith(engine + " ") ? label : engine + " " + label;
    }

    static String keyFinding(List<PlatformAnalysis> platforms) {
        List<String> parts = new ArrayList<>();
        for (PlatformAnalysis p : platforms) {
            taskRanking(p).ifPresent(r -> parts.add("on " + p.label() + durabilityTag(p) + ", " + optimum(r)));
        }
        if (parts.isEmpty()) {
            return "No migbench trial completed, so there is no optimum to report.";
        }
        String sentence = String.join("; ", parts) + ".";
        return Character.toUpperCase(sentence.charAt(0)) + sentence.substring(1);
    }

    /** The optimum over task counts and how much slower the slowest was, in words. */
    static String optimum(Ranking<ConfigurationStats> r) {
        ConfigurationStats best = r.fastest();
        String median = Format.rate(best.median()) + " rows/s";
        if (r.ranked().size() == 1) {
            return "only " + tasks(List.of(best)) + " was measured (median " + median + ")";
        }
        String slowest = tasks(List.of(r.slowest()));
        if (r.distinguishable()) {
            return tasks(List.of(best)) + " ran fastest (median " + median
                    + "; its interval clears every other task count's) and " + slowest + " ran " + slowdown(r);
        }
        return r.tieSentence(Findings::tasks) + " (" + median + "); the slowest, " + slowest + ", ran " + slowdown(r);
    }

    /** "1.10× slower (interval 1.02–1.19×)": the worst-vs-best ratio of medians with its interval. */
    static String slowdown(Ranking<ConfigurationStats> r) {
        double[] s = r.slowdown();
        String interval = Double.isNaN(s[1]) ? "no interval: single trials"
                : "interval " + Format.decimal(s[1], 2) + "–" + Format.ratio(s[2]);
        return Format.ratio(s[0]) + " slower (" + interval + ")";
    }

    /** The platform's durability as recorded in its trials: durable, non-durable(…), or unknown (older runs). */
    static String durability(PlatformAnalysis p) {
        List<String> labels = p.trials().stream().map(t -> t.trial().durability()).distinct().toList();
        return labels.stream().filter(Durability::isNonDurable).findFirst()
                .orElse(labels.size() == 1 ? labels.get(0) : TrialRecord.UNKNOWN);
    }

    /** " (**non-durable(fsync=off)**)" for a non-durable platform, " (durability unknown)" for an old run, else "". */
    static String durabilityTag(PlatformAnalysis p) {
        String d = durability(p);
        if (Durability.isNonDurable(d)) {
            return " (**" + d + "**)";
        }
        return d.equals(Durability.DURABLE) ? "" : " (durability unknown)";
    }

    /** A warning when durable and non-durable platforms are compared side by side; empty otherwise. */
    static List<String> durabilityWarnings(List<PlatformAnalysis> platforms) {
        List<String> nonDurable = platforms.stream().filter(p -> Durability.isNonDurable(durability(p)))
                .map(p -> p.label() + " " + durability(p)).toList();
        if (nonDurable.isEmpty()) {
            return List.of();
        }
        boolean mixed = nonDurable.size() < platforms.size();
        return List.of((mixed ? "Durable and non-durable platforms are compared here. " : "")
                + "Non-durable: " + String.join("; ", nonDurable) + ". A server that skips fsync or full-page "
                + "writes loads faster than any production target would; "
                + (mixed ? "its throughput is not comparable with the durable platforms'." : "these figures are an upper bound."));
    }

    /** Warnings about precision: too few trials, or trials too short for the claimed precision. */
    static List<String> precisionWarnings(List<TrialResult> all) {
        List<String> out = new ArrayList<>();
        List<ConfigurationStats> configs = ConfigurationStats.group(all);
        List<String> few = configs.stream().filter(c -> c.n() > 0 && c.n() < FEW_TRIALS)
                .map(Findings::name).toList();
        if (!few.isEmpty()) {
            out.add(few.size() + " configuration(s) have fewer than " + FEW_TRIALS + " measured trials, so their "
                    + "intervals are wide or missing: " + String.join(", ", few.subList(0, Math.min(5, few.size())))
                    + (few.size() > 5 ? ", …" : "") + ".");
        }
        List<Double> seconds = all.stream().map(TrialResult::trial).filter(TrialRecord::isMeasured)
                .map(TrialRecord::totalSeconds).toList();
        long shortOnes = seconds.stream().filter(s -> s < SHORT_TRIAL_SECONDS).count();
        if (shortOnes > 0) {
            out.add(shortOnes + " of " + seconds.size() + " measured trials ran shorter than "
                    + Format.seconds(SHORT_TRIAL_SECONDS) + ": start-up and scheduling weigh as much as the copy, so "
                    + "differences of a few percent mean little. Raise the dataset scale for precise rankings.");
        }
        return out;
    }

    private static String name(ConfigurationStats c) {
        return c.key().platformKey() + " " + configuration(c) + " (n=" + c.n() + ")";
    }

    /** Comma list of the tasks tied with the fastest, for the platform table; "" when the fastest is clear. */
    static String tiedNote(Ranking<ConfigurationStats> r) {
        return r.distinguishable() ? "" : " (not distinguishable from " + r.tied().stream().skip(1)
                .map(c -> String.valueOf(c.representative().tasks())).collect(Collectors.joining(", ")) + ")";
    }
}

package io.migbench.harness.report;

import io.migbench.harness.results.TrialRecord;
import io.migbench.harness.results.TrialResult;
import io.migbench.harness.stats.Ranking;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How the measured trials were ordered, read back from the {@code round} and {@code order} columns (empty in old
 * runs and tuner runs). The unit is a schedule: one sweep's trials of one platform, the points of every source
 * engine of a {@code compare_with} sweep together. Every schedule starts at round 1, order 1, so the trials of a
 * platform split into schedules there: a report over merged folders, or a folder a second sweep appended to, holds
 * several, each numbering its own rounds. Within a schedule, interleaved rounds follow one another in file order;
 * blocked ones restart at round 1 for each point.
 */
final class TrialOrderCheck {
    private static final String INTERLEAVED = "rounds over every point, each round in a seeded random order";
    private static final String BLOCKED = "each point's trials back to back";

    /** A platform's trials in one run folder: one or more schedules. */
    private record PlatformInFolder(Path runDir, String platformKey) {}

    /** One schedule as read so far. */
    private static final class Schedule {
        final Set<String> sources = new LinkedHashSet<>();
        Integer lastRound;
        boolean roundRestarted;

        void add(TrialRecord t) {
            sources.add(t.sourceEngine());
            roundRestarted |= lastRound != null && t.round() < lastRound;
            lastRound = t.round();
        }
    }

    private TrialOrderCheck() {}

    static String describe(List<TrialResult> all) {
        // failed trials hold their slot too: one of them may be a schedule's round 1, order 1
        List<TrialResult> scheduled = all.stream().filter(r -> !r.trial().warmup() && r.trial().round() != null).toList();
        if (scheduled.isEmpty()) {
            return "not recorded (an older run, or the tuner, which measures each point's trials back to back)";
        }
        Map<PlatformInFolder, List<Schedule>> byPlatform = new LinkedHashMap<>();
        for (TrialResult r : scheduled) {
            TrialRecord t = r.trial();
            List<Schedule> schedules = byPlatform.computeIfAbsent(new PlatformInFolder(r.runDir(), t.platformKey()),
                    k -> new ArrayList<>());
            if (schedules.isEmpty() || (t.round() == 1 && Integer.valueOf(1).equals(t.order()))) {
                schedules.add(new Schedule());
            }
            schedules.get(schedules.size() - 1).add(t);
        }
        List<Schedule> schedules = byPlatform.values().stream().flatMap(List::stream).toList();
        long blocked = schedules.stream().filter(s -> s.roundRestarted).count();
        if (blocked > 0 && blocked < schedules.size()) {
            return "mixed, per sweep of a platform: " + (schedules.size() - blocked) + " interleaved (" + INTERLEAVED
                    + "), " + blocked + " blocked (" + BLOCKED + ")";
        }
        if (blocked > 0) {
            return "blocked: " + BLOCKED;
        }
        return "interleaved: " + INTERLEAVED + sharedRounds(schedules) + merged(byPlatform);
    }

    /** The source engines whose points one schedule's rounds visited together ({@code compare_with}). */
    private static String sharedRounds(List<Schedule> schedules) {
        return schedules.stream().filter(s -> s.sources.size() > 1).findFirst()
                .map(s -> "; the " + Ranking.join(List.copyOf(s.sources)) + " sources' points in the same rounds")
                .orElse("");
    }

    /** Said when a platform's trials come from several sweeps, whose rounds are numbered each on its own. */
    private static String merged(Map<PlatformInFolder, List<Schedule>> byPlatform) {
        Map<String, Integer> sweepsPerPlatform = new LinkedHashMap<>();
        byPlatform.forEach((where, schedules) -> sweepsPerPlatform.merge(where.platformKey(), schedules.size(), Integer::sum));
        int most = sweepsPerPlatform.values().stream().mapToInt(Integer::intValue).max().orElse(1);
        return most < 2 ? "" : "; merged from " + most + " sweeps of a platform, each with its own rounds";
    }
}

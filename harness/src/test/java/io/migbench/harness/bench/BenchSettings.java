package io.migbench.harness.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The benchmark's knobs, read from system properties (so one Maven command can pass them) and checked in one place.
 *
 * @param scale         StackOverflow dataset scale (1 = 5.3M rows)
 * @param runs          repetitions of the whole interleaved round
 * @param tasks         task counts the engine and the sliced pipes run at
 * @param pgcopydbJobs  pgcopydb's --table-jobs and --index-jobs
 * @param pgcopydb      run pgcopydb clone (when it is on the PATH)
 * @param extras        extra variants: {@code wal-minimal} (a second target at wal_level=minimal),
 *                      {@code unlogged} (UNLOGGED load then SET LOGGED), {@code ctid} (every big table sliced),
 *                      {@code whole} (every table one FREEZE copy), {@code acknowledged} (the engine verifying by the
 *                      rows the target acknowledged instead of count(*)), {@code pipe-key} (pipes over key slices),
 *                      {@code pipe-whole} (pipes loading whole tables with FREEZE)
 */
record BenchSettings(double scale, int runs, List<Integer> tasks, int pgcopydbJobs, boolean pgcopydb, Set<String> extras) {
    static final Set<String> EXTRAS = Set.of("wal-minimal", "unlogged", "ctid", "whole", "acknowledged",
            "pipe-key", "pipe-whole");

    BenchSettings {
        require(scale > 0 && scale <= 100, "bench.scale", "must be in (0, 100], got " + scale);
        require(runs >= 1 && runs <= 50, "bench.runs", "must be 1..50, got " + runs);
        require(!tasks.isEmpty() && tasks.stream().allMatch(t -> t >= 1 && t <= 64), "bench.tasks",
                "needs task counts 1..64, got " + tasks);
        require(pgcopydbJobs >= 1 && pgcopydbJobs <= 64, "bench.pgcopydbJobs", "must be 1..64, got " + pgcopydbJobs);
        require(EXTRAS.containsAll(extras), "bench.extras", "knows " + EXTRAS + ", got " + extras);
        tasks = List.copyOf(tasks);
        extras = Set.copyOf(extras);
    }

    static BenchSettings fromSystemProperties() {
        return new BenchSettings(
                Double.parseDouble(System.getProperty("bench.scale", "1")),
                Integer.parseInt(System.getProperty("bench.runs", "5")),
                list(System.getProperty("bench.tasks", "4")).stream().map(Integer::parseInt).toList(),
                Integer.parseInt(System.getProperty("bench.pgcopydbJobs", "2")),
                !System.getProperty("bench.pgcopydb", "auto").equals("skip"),
                Set.copyOf(list(System.getProperty("bench.extras", "acknowledged"))));
    }

    private static List<String> list(String csv) {
        return Arrays.stream(csv.split(",")).map(s -> s.trim().toLowerCase(Locale.ROOT)).filter(s -> !s.isEmpty()).toList();
    }

    private static void require(boolean ok, String property, String problem) {
        if (!ok) {
            throw new IllegalArgumentException("-D" + property + " " + problem);
        }
    }
}
